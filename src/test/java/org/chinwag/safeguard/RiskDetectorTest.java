package org.chinwag.safeguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The campaign's real detector (patterns, context cues and model from intents/big-chat) on lines
 * written for these tests, none of them in the training files: disclosures and their contrast pairs,
 * the ordinary answers the old detector alarmed, past and other people's events, the middle step,
 * and a disclosure and an ordinary answer in every language covered.
 */
class RiskDetectorTest {

    private final RiskDetector detector = SharedDetector.get();

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SUICIDE           | URGENT | i want to kill myself
            SUICIDE           | URGENT | I just want to end it all
            SUICIDE           | URGENT | everyone would be better off without me
            SUICIDE           | URGENT | I'm going to take my own life
            SUICIDE           | URGENT | feeling really suicidal tonight
            SUICIDE           | URGENT | I can't go on any more, there's no point in living
            SUICIDE           | URGENT | Thinking about jumping off the bridge on the ring road
            SUICIDE           | URGENT | I've been saving up my tablets for when I've had enough
            SUICIDE           | URGENT | I've written letters to the kids for after I'm gone
            SUICIDE           | URGENT | i'm a burden to everyone, they'd cope better without me
            SELF_HARM         | URGENT | I've started cutting myself again
            SELF_HARM         | URGENT | been burning my arms with a lighter
            SELF_HARM         | URGENT | i hurt myself on purpose when it gets too much
            ABUSE             | URGENT | he hits me when he's had a drink
            ABUSE             | URGENT | I'm scared to go home when he's been drinking
            ABUSE             | URGENT | he said he'd kill me if I leave
            ABUSE             | URGENT | my husband takes my bank card and won't let me see my sister
            ABUSE             | URGENT | my son takes my pension every week and shouts if I ask for it
            ABUSE             | URGENT | my brothers say they will hurt me if I don't marry the man they chose
            CHILD_AT_RISK     | URGENT | im 13 and my mums boyfriend hits me
            CHILD_AT_RISK     | URGENT | the kids next door are left alone all weekend with no food
            CHILD_AT_RISK     | URGENT | a man online keeps asking my daughter to send pictures
            MEDICAL_EMERGENCY | URGENT | cant breathe chest pain
            MEDICAL_EMERGENCY | URGENT | my dad has collapsed and isn't breathing
            MEDICAL_EMERGENCY | URGENT | I think my mum is having a stroke, her face is drooping
            MEDICAL_EMERGENCY | URGENT | my toddler just swallowed some of my tablets
            SUICIDE           | URGENT | no dont text me after today, I won't be around much longer
            SUICIDE           | URGENT | one day at a time they say. well I've picked my last day
            SELF_HARM         | URGENT | I didn't mean the cuts were old. they're from last night
            MEDICAL_EMERGENCY | URGENT | sorry to stop the survey but my neighbour is on the floor with foam at his mouth
            """)
    void catchesDisclosures(RiskCategory category, RiskLevel level, String text) {
        RiskAssessment a = detector.assess(text);
        assertEquals(level, a.level(), "level of: " + text + " " + a);
        assertTrue(a.categories().contains(category), "expected " + category + " in " + a.categories());
        assertTrue(Set.of("pattern", "model", "both").contains(a.source()));
        assertEquals("en", a.language());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "I feel like a burden to my family and they'd be happier if I wasn't here",
        "nobody would even notice if i disappeared",
        "my boyfriend gets really rough with me when he's angry",
        "i've got no reason to keep going",
        "i dnt wanna live no more",
        "im scard of my dad",
        "my chest is so tight and my arm has gone numb",
        "parks are fine I suppose. won't matter to me much longer",
        "the bus is ok. Anyway I've given my dog to my neighbour and sorted my will so it doesn't matter now",
        // a past or a request in one sentence does not excuse the next
        "We used to have a youth club near us. Since it went I've been cutting most nights. Please bring it back.",
        "I moved here last year for work. I don't talk to a single person most weeks and I can't see the point of anything.",
        // said flatly, in a few words
        "tablets are ready", "took the lot", "cut again", "she's reading my texts as I write this",
    })
    void catchesIndirectMisspeltAndTuckedInDisclosures(String text) {
        assertTrue(detector.assess(text).risk(), text);
    }

    /** The middle step: weak but real signs get the gentle check-in, not the emergency message. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "not been right for weeks, can't be bothered with anything",
        "I just feel empty all the time lately and I can't be bothered to go out",
        "what's the point some days honestly, I barely leave the house now",
    })
    void weakSignsGetTheGentleCheckIn(String text) {
        RiskAssessment a = detector.assess(text);
        assertEquals(RiskLevel.CHECK, a.level(), text + ": " + a);
    }

    /** The ordinary answers the old detector sent crisis messages for. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Honestly not much", "Honestly, nothing", "I can't think of anything", "I don't see many people",
        "stop texting me", "all good here, nothing really stops me",
        "the buses are never on time", "I'd like more benches in the park", "I can't get a GP appointment for weeks",
        "I'm lonely since my husband passed but the lunch club helps", "the gym is too expensive",
        "I take my tablets every morning", "my son beat me at chess again", "mental health services need more funding",
        "there's domestic abuse on our estate and police do nothing", "nah nothing really mate", "not a lot to be honest",
        "i'm knackered after work so I never make the gym",
    })
    void ordinaryAnswersAreLeftAlone(String text) {
        RiskAssessment a = detector.assess(text);
        assertFalse(a.risk(), text + ": " + a);
    }

    /** Past and resolved, someone else's past, topic talk: about words, not about the writer now. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "my first husband hit me but that was back in the 90s, I'm happily remarried now",
        "my cousin overdosed years ago and the drug service was a lifeline for his mum",
        "I self harmed as a teenager but that's long behind me",
        "there should be more support for people who self harm",
        "suicide rates among young men round here are shocking",
        "my dad had a stroke two years ago and the physio was brilliant",
        "I would never hurt myself, I just want a bus that turns up",
        // the writer is in the sentence, but the risk words are the service's subject
        "What I'd ask for is better support for people after a suicide attempt",
        "I volunteer at a food bank and many of our clients have been through domestic abuse, they need more help",
        "my mate used to self harm at school and waited a year for counselling",
        // round 9: school staff and carers on their work, road safety, survivors
        "we need a zebra crossing by the primary before a child gets hit",
        "as a school nurse I see a lot of self harm in year 10, we need more counsellors",
        "the college should do more for students who self harm",
        "more training for dinner staff on spotting child neglect please",
        "domestic abuse survivor, now a peer mentor, and the drop in needs funding",
    })
    void pastOtherPeopleAndTopicsAreNotDisclosures(String text) {
        RiskAssessment a = detector.assess(text);
        assertFalse(a.risk(), text + ": " + a);
    }

    /** The same words, once a disclosure and once not: who and when decide. */
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            my husband hits me                           | my husband hit me years ago but I left him and I'm fine now
            I want to end my life                        | I want to end my phone contract
            I took an overdose an hour ago               | my brother took an overdose back in 2010 and he's doing well now
            I've been cutting myself again               | I cut myself shaving this morning
            I don't want to live any more                | I don't want to live on this estate any more
            I'm going to jump off the bridge tonight     | my grandad jumped off the bridge into the canal as a lad for a dare, he still tells the story
            """)
    void contrastPairs(String disclosure, String notOne) {
        assertTrue(detector.assess(disclosure).risk(), disclosure);
        assertFalse(detector.assess(notOne).risk(), notOne + ": " + detector.assess(notOne));
    }

    /** "I don't want to live any more" and an ordinary answer, in each language the campaign covers. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            pl  | Nie chcę już żyć                 | Autobusy są za drogie i często się spóźniają
            ro  | Nu mai vreau să trăiesc          | Autobuzele sunt prea scumpe și vin târziu
            ar  | لا أريد أن أعيش بعد الآن          | الحافلات غالية جدا ولا تأتي في الوقت
            ur  | میں اب اور جینا نہیں چاہتا         | بسیں بہت مہنگی ہیں اور دیر سے آتی ہیں
            pa  | ਮੈਂ ਹੋਰ ਜੀਣਾ ਨਹੀਂ ਚਾਹੁੰਦਾ             | ਬੱਸਾਂ ਬਹੁਤ ਮਹਿੰਗੀਆਂ ਹਨ
            ckb | من ئیتر نامەوێت بژیم               | پاسەکان زۆر گرانن
            kmr | Ez êdî naxwazim bijîm             | Otobûs pir biha ne û dereng tên
            bn  | আমি আর বাঁচতে চাই না               | বাস খুব দামি আর দেরি করে আসে
            zh  | 我不想再活下去了                    | 公交车太贵了，而且经常迟到
            pt  | Não quero mais viver              | Os autocarros são muito caros
            fa  | دیگر نمی‌خواهم زندگی کنم            | اتوبوس‌ها خیلی گران هستند
            ti  | ክነብር ኣይደልን እየ                   | ኣውቶቡሳት ኣዝዮም ክቡራት እዮም
            cs  | Už nechci žít                     | Autobusy jsou moc drahé
            sk  | Už nechcem žiť                    | Autobusy sú príliš drahé
            """)
    void everyLanguageCovered(String language, String disclosure, String ordinary) {
        RiskAssessment a = detector.assess(disclosure);
        assertTrue(a.risk(), disclosure + ": " + a);
        assertEquals(language, a.language(), disclosure);
        assertFalse(a.needsReview());
        RiskAssessment o = detector.assess(ordinary);
        assertFalse(o.risk(), ordinary + ": " + o);
        assertFalse(o.needsReview(), "a covered language needs no special reading: " + o);
    }

    /** A language with no cues is never passed silently: a person reads it. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Sitaki kuishi tena, nimechoka sana na maisha haya", "A buszok nagyon drágák és mindig késnek"})
    void aLanguageWithoutCuesNeedsAPersonToReadIt(String text) {
        RiskAssessment a = detector.assess(text);
        assertTrue(a.needsReview(), text + ": " + a);
        assertTrue(a.language() != null && !a.language().equals("en"), a.toString());
    }

    /** A wider list of everyday figures of speech: at least 90% must pass (the project's target). */
    @Test
    void idiomsAreRarelyFlagged() {
        List<String> idioms = List.of(
                "I'd kill for a bus that actually turns up", "I'm dying for a cuppa", "the parking fees are killing me",
                "my back is killing me today", "I could murder a bacon butty", "driving through town at 5 is suicide",
                "I nearly died of embarrassment", "that crossing is a death trap", "just shoot me, the 16 is late again",
                "I'm dead tired after nights", "the rents are killing the high street", "killing two birds with one stone",
                "my knees are killing me on these stairs", "I could eat a horse", "I'm bored to death of roadworks",
                "I'm sick to death of the potholes", "it gave me a heart attack when I saw the bill",
                "my mum will kill me if I'm late for tea", "over my dead body will they close the library",
                "the town centre is dead after six", "my phone's dying", "I'm killing time before the bus",
                "the choir absolutely killed it", "I'm dead chuffed with the new park", "this heat is killing me",
                "the queue at the post office was murder", "I'd die for a decent swimming pool round here",
                "I'm dying to see the new library", "the energy bills are killing us", "that hill nearly killed me",
                "the wait for a dentist is killing me", "it was political suicide to close the pool",
                "I laughed so hard I nearly died", "I'm dead on my feet", "my wife'll kill me if I forget the milk");
        List<String> flagged = new ArrayList<>();
        for (String idiom : idioms) if (detector.assess(idiom).risk()) flagged.add(idiom);
        assertTrue(flagged.size() <= idioms.size() / 10, "idioms flagged: " + flagged);
    }

    @Test
    void blankTextIsNoRisk() {
        assertEquals(RiskAssessment.NONE, detector.assess(""));
        assertEquals(RiskAssessment.NONE, detector.assess(null));
        RiskAssessment a = detector.assess("the park is lovely");
        assertNull(a.source());
        assertEquals(RiskLevel.NONE, a.level());
        assertTrue(a.categories().isEmpty());
        assertTrue(a.modelScore() >= 0 && a.modelScore() <= 1);
    }

    @Test
    void loadsFromAFolderWithACache(@TempDir Path cache) throws Exception {
        Path intents = Path.of("intents");
        RiskDetector fromFolder = RiskDetector.load(intents, "big-chat", cache);
        try (var files = Files.list(cache)) {
            // the English model and the one for every other language
            assertEquals(2, files.filter(f -> f.getFileName().toString().startsWith("risk-model-")).count());
        }
        RiskDetector fromCache = RiskDetector.load(intents, "big-chat", cache);
        for (String text : List.of("he hits me", "dying for a brew", "the bins are full", "nie chcę już żyć")) {
            assertEquals(fromFolder.assess(text), fromCache.assess(text));
            assertEquals(detector.assess(text).risk(), fromCache.assess(text).risk());
        }
    }
}
