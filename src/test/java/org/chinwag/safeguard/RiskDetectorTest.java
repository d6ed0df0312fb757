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

class RiskDetectorTest {

    private final RiskDetector detector = SharedDetector.get();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            SUICIDE           | kms
            SUICIDE           | dont want to be here anymore
            SUICIDE           | I just want to end it all
            SUICIDE           | everyone would be better off without me
            SUICIDE           | I've been stockpiling my tablets
            SUICIDE           | i want to kill myself
            SUICIDE           | I'm going to take my own life
            SUICIDE           | feeling really suicidal tonight
            SUICIDE           | i wanna die
            SUICIDE           | I can't go on any more, there's no point in living
            SUICIDE           | Thinking about jumping off the bridge on the ring road
            SUICIDE           | i wish i was never born
            SELF_HARM         | I've started cutting myself again
            SELF_HARM         | i self harm when things get bad
            SELF_HARM         | been burning my arms with a lighter
            SELF_HARM         | i hurt myself on purpose
            ABUSE             | he hits me
            ABUSE             | I'm scared to go home when he's been drinking
            ABUSE             | my husband beats me
            ABUSE             | my partner won't let me see my friends and takes all my money
            ABUSE             | i dont feel safe at home
            ABUSE             | he said he'd kill me if I leave
            CHILD_AT_RISK     | my step dad hurts me
            CHILD_AT_RISK     | im 13 and my mums boyfriend hits me
            CHILD_AT_RISK     | the kids next door are left alone all weekend with no food
            CHILD_AT_RISK     | a man online keeps asking me to send nudes
            MEDICAL_EMERGENCY | cant breathe chest pain
            MEDICAL_EMERGENCY | my dad has collapsed and isn't breathing
            MEDICAL_EMERGENCY | I think my mum is having a stroke, her face is drooping
            MEDICAL_EMERGENCY | my toddler swallowed some tablets
            """)
    void catchesDisclosures(RiskCategory category, String text) {
        RiskAssessment a = detector.assess(text);
        assertTrue(a.risk(), "should be flagged");
        assertTrue(a.categories().contains(category), "expected " + category + " in " + a.categories());
        assertTrue(Set.of("pattern", "model", "both").contains(a.source()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "I feel like a burden to my family and they'd be happier if I wasn't here",
        "nobody would even notice if i disappeared",
        "my boyfriend gets really rough with me when he's angry",
        "i cant cope anymore honestly",
        "i've got no reason to keep going",
        "i dnt wanna live no more",
        "im scard of my dad",
        "my chest is so tight and my arm has gone numb",
    })
    void catchesIndirectAndMisspelledDisclosures(String text) {
        assertTrue(detector.assess(text).risk());
    }

    /** The idioms named in the brief, each of which must pass. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "I'd kill for a decent bus",
        "dying for a brew",
        "the gym prices are killing me",
        "my feet are killing me",
        "I could murder a curry",
        "this queue is suicide",
        "I nearly died laughing",
        "the bins are a death trap",
        "shoot me now if the 8am call queue is this long again",
        "I'm dead tired",
        "the council are killing the high street",
        "kill two birds with one stone",
    })
    void namedIdiomsAreNotFlagged(String text) {
        RiskAssessment a = detector.assess(text);
        assertFalse(a.risk(), "flagged by " + a.source() + " at " + a.modelScore());
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "mental health services need more funding",
        "there's domestic abuse on our estate and police do nothing",
        "the buses are never on time",
        "I'd like more benches in the park",
        "I can't get a GP appointment for weeks",
        "I'm lonely since my husband passed but the lunch club helps",
        "the gym is too expensive",
        "I take my tablets every morning",
        "my son beat me at chess again",
    })
    void ordinaryRepliesAreNotFlagged(String text) {
        assertFalse(detector.assess(text).risk());
    }

    /** Documented decision: bereavement by suicide gets a gentle signpost. */
    @Test
    void bereavementBySuicideIsFlagged() {
        RiskAssessment a = detector.assess("my friend's son took his own life last year and there's nothing for families");
        assertTrue(a.risk());
        assertTrue(a.categories().contains(RiskCategory.SUICIDE));
    }

    @Test
    void blankTextIsNoRisk() {
        assertEquals(RiskAssessment.NONE, detector.assess(""));
        assertEquals(RiskAssessment.NONE, detector.assess(null));
        RiskAssessment a = detector.assess("the park is lovely");
        assertNull(a.source());
        assertTrue(a.categories().isEmpty());
        assertTrue(a.modelScore() >= 0 && a.modelScore() <= 1);
    }

    @Test
    void sourceSaysWhatRaisedTheFlag() {
        assertEquals("both", detector.assess("i want to kill myself").source());
        RiskAssessment modelOnly = detector.assess("tbh i just want the whole thing to be over and done with for good");
        if (modelOnly.risk()) assertTrue(Set.of("model", "both", "pattern").contains(modelOnly.source()));
    }

    @Test
    void loadsFromAFolderWithACache(@TempDir Path cache) throws Exception {
        Path intents = Path.of("intents");
        RiskDetector fromFolder = RiskDetector.load(intents, "big-chat", cache);
        try (var files = Files.list(cache)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("risk-model-")).count());
        }
        RiskDetector fromCache = RiskDetector.load(intents, "big-chat", cache);
        for (String text : List.of("he hits me", "dying for a brew", "the bins are full")) {
            assertEquals(fromFolder.assess(text), fromCache.assess(text));
            assertEquals(detector.assess(text).risk(), fromCache.assess(text).risk());
        }
    }
}
