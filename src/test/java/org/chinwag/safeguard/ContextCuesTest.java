package org.chinwag.safeguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The assertion step's rules, on a small cue file of its own (the campaign's cues are tested through RiskDetectorTest). */
class ContextCuesTest {

    private static final PhrasePatterns PATTERNS = PhrasePatterns.parse("en", "test", """
            suicide | wants? to die|kill myself
            abuse | hits me|hit me
            self_harm | self harm
            """);

    private static final ContextCues CUES = ContextCues.parse("test", """
            negated | not|never
            clause | and|but
            pseudo | not sure|no longer
            past | years ago|when i was little|used to
            resolved | fine now|remarried
            present | again|still|now|tonight
            self | i|me|my
            self | i am one of the
            topic | support for|people who
            other | my friend|he|she
            """);

    private static ContextCues.Verdict verdict(String text) {
        String prepared = PATTERNS.prepare(TextNormaliser.normalise(text));
        var hits = PATTERNS.hits(prepared);
        assertEquals(1, hits.size(), "one hit in: " + text);
        return CUES.judge(prepared, hits.get(0));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            i want to die                                            | KEEP
            i do not want to die, i am just tired                    | NEGATED
            i would never kill myself                                | NEGATED
            not tonight but i want to die                            | KEEP
            not sure i want to die but i think about it              | KEEP
            i no longer want to die                                  | KEEP
            my dad used to hit me                                    | PAST
            my dad hit me years ago and he still does                | KEEP
            he hit me years ago. i am fine now                       | PAST
            he hit me years ago. now he has started again            | KEEP
            my ex hit me but i am remarried                          | PAST
            i am fine now, that was ages past but he hits me tonight | KEEP
            there should be support for people who self harm         | TOPIC
            i self harm and there is no support for me               | KEEP
            what i would change is the support for people who self harm | TOPIC
            i am one of the people who self harm                     | KEEP
            my friend used to self harm                              | PAST
            my friend says she wants to die                          | OTHER_PERSON
            my friend hits me                                        | KEEP
            """)
    void decidesWhoWhenAndWhatKind(String text, ContextCues.Verdict expected) {
        assertEquals(expected, verdict(text), text);
    }

    @Test
    void wholeMessagesForTheModel() {
        assertEquals(ContextCues.Verdict.PAST, CUES.judgeWhole(TextNormaliser.normalise("it was years ago")));
        assertEquals(ContextCues.Verdict.KEEP, CUES.judgeWhole(TextNormaliser.normalise("it was years ago and it is back again")));
        assertEquals(ContextCues.Verdict.TOPIC, CUES.judgeWhole(TextNormaliser.normalise("more support for people who struggle")));
        assertEquals(ContextCues.Verdict.KEEP, ContextCues.NONE.judgeWhole("anything at all"));
        assertTrue(CUES.found(TextNormaliser.normalise("i am fine now")).contains(ContextCues.Kind.RESOLVED));
        assertTrue(!CUES.found(TextNormaliser.normalise("i am fine now")).contains(ContextCues.Kind.PRESENT),
                "the now of 'fine now' is not the present");
    }

    @Test
    void badLinesAreNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ContextCues.parse("context-xx.txt", "tense | now\n"));
        assertTrue(e.getMessage().contains("context-xx.txt: line 1: unknown kind 'tense'"), e.getMessage());
    }
}
