package org.chinwag.safeguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhrasePatternsTest {

    private static final String FILE = """
            # a comment
            spell | wanna => want to
            spell | dont => do not
            define | myself = (?:myself|my self)
            idiom | dying for a
            suicide | want to die|kill {myself}
            abuse | he hits me
            group | violence = hits punches
            """;

    private PhrasePatterns patterns() {
        PhrasePatterns p = new PhrasePatterns();
        p.add("test", FILE);
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I don't wanna be here!!        | i do not want to be here
            Sooooo   TIRED…                | soo tired
            He’s   hitting me              | hes hitting me
            """)
    void normalisesText(String text, String expected) {
        assertEquals(expected, new TextNormaliser(Map.of("dont", "do not", "wanna", "want to")).normalise(text));
    }

    @Test
    void matchesWholeWordsAfterSpellingAndIdioms() {
        PhrasePatterns p = patterns();
        TextNormaliser n = new TextNormaliser(p.spellings());
        assertEquals(Set.of(RiskCategory.SUICIDE), p.match(p.withoutIdioms(n.normalise("I wanna die"))));
        assertEquals(Set.of(RiskCategory.SUICIDE), p.match(p.withoutIdioms(n.normalise("kill my self"))));
        assertEquals(Set.of(RiskCategory.ABUSE), p.match(p.withoutIdioms(n.normalise("he hits me"))));
        assertEquals(Set.of(), p.match(p.withoutIdioms(n.normalise("she hits meatballs"))));
        assertEquals(Set.of(), p.match(p.withoutIdioms(n.normalise("dying for a die-cast model"))), "idiom blanked first");
        assertEquals(Map.of("hits", java.util.List.of("violence"), "punches", java.util.List.of("violence")), p.wordGroups());
    }

    @Test
    void reportsMistakesWithLineNumbers() {
        PhrasePatterns p = new PhrasePatterns();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.add("patterns-xx.txt", """
                suicide | (unclosed
                sucide | typo in the kind
                abuse | uses {undefined}
                no bar here
                """));
        String message = e.getMessage();
        assertTrue(message.startsWith("patterns-xx.txt"), message);
        for (String expected : new String[] {"line 1: bad pattern", "line 2: unknown kind 'sucide'", "line 3: {undefined}", "line 4"}) {
            assertTrue(message.contains(expected), message);
        }
    }

    @Test
    void bundledPatternsLoad() {
        SafeguardingData data = SafeguardingData.read(IntentFiles.classpath(), "big-chat");
        assertTrue(data.patterns().size() > 50);
        assertTrue(data.examples().size() > 500);
    }
}
