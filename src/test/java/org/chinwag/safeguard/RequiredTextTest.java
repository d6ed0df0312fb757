package org.chinwag.safeguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequiredTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            kill myself                               => kill myself
            (?:kill|end) myself                       => ' myself'
            want to (?:die|be dead)                   => 'want to '
            (?:i am |im )?suicidal                    => suicidal
            hits? me                                  => hit
            (?:pills|tablets)|overdose                => pills,tablets,overdose
            """)
    void findsWhatEveryMatchContains(String regex, String pieces) {
        Set<String> expected = Set.of(pieces.replace("'", "").split(","));
        assertEquals(expected, RequiredText.of(regex).pieces());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            (?:a|b)
            .*
            \\w+
            (?:kill)?
            (?i)kill
            (?:x|\\S+)
            """)
    void requiresNothingWhenItCannotTell(String regex) {
        assertNull(RequiredText.of(regex).pieces());
        assertTrue(RequiredText.of(regex).passes("anything"));
    }

    /**
     * The property that makes it safe: for every bundled pattern, on the examples of its language and
     * a sample of the rest, a text the pattern matches always passes.
     */
    @Test
    void neverSkipsATextThatAPatternMatches() {
        SafeguardingData data = SafeguardingData.read(IntentFiles.folder(java.nio.file.Path.of("intents")), "big-chat");
        int checked = 0;
        for (PhrasePatterns patterns : data.patterns()) {
            int n = 0;
            for (LabelledExample e : data.examples()) {
                boolean own = patterns.language().equals(e.language() == null ? "en" : e.language());
                if (!own && n++ % 10 != 0) continue;
                String prepared = patterns.prepare(TextNormaliser.normalise(e.text()));
                assertTrue(patterns.prefilterAgrees(prepared), patterns.language() + ": " + e.text());
                checked++;
            }
        }
        assertTrue(checked > 1000);
    }
}
