package org.chinwag.safeguard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each covered language's own written examples, category by category: its patterns catch its
 * disclosures and leave its everyday lines alone. (These examples shaped the patterns, so this
 * guards against a pattern file breaking; how well they generalise is what the held-out sets and
 * evaluate-risk measure.)
 */
class LanguageCoverageTest {

    private static final RiskDetector DETECTOR = SharedDetector.get();

    static Stream<String> languages() {
        return DETECTOR.languages().stream().filter(l -> !l.equals("en"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void catchesItsDisclosuresInEveryCategoryAndLeavesEverydayLinesAlone(String language) {
        SafeguardingData data = SafeguardingData.read(IntentFiles.classpath(), "big-chat", language);
        List<LabelledExample> own = data.examples().stream().filter(e -> language.equals(e.language())).toList();
        assertTrue(own.size() >= 60, language + " has " + own.size() + " examples");
        List<String> missed = new ArrayList<>();
        List<String> alarmed = new ArrayList<>();
        int everyday = 0;
        java.util.Set<String> categories = new java.util.TreeSet<>();
        for (LabelledExample e : own) {
            RiskAssessment a = DETECTOR.assess(e.text());
            if (e.isRisk()) {
                categories.add(e.label());
                if (!a.risk()) missed.add(e.label() + ": " + e.text());
            } else {
                everyday++;
                if (a.risk()) alarmed.add(e.label() + ": " + e.text());
            }
            // Romanised text (Roman Urdu, Arabizi, Finglish; Slovak without its accents) is not always recognised as its language:
            // it is still caught, and its flag is marked for a person to read
            if (a.risk() && !romanised(e.text(), language)) {
                assertTrue(!a.needsReview(), "a covered language needs no special reading: " + e.text());
            }
        }
        assertTrue(categories.size() >= 6, language + " covers " + categories);
        // the examples include lines written apart from the patterns, so some are left to the model,
        // whose bar for other languages is high (see docs/safeguarding.md): at most 1 in 5 missed
        assertTrue(missed.size() * 5 <= own.size() - everyday, language + " misses more than 1 in 5: " + missed);
        assertTrue(alarmed.size() * 10 <= everyday, language + " flags more than 1 in 10 everyday lines: " + alarmed);
    }

    /**
     * Written as people type on an English phone: in Latin letters although the language has a
     * script of its own, or without the accented letters of a Latin-script language.
     */
    private static boolean romanised(String text, String language) {
        boolean latinLanguage = List.of("pl", "ro", "cs", "sk", "pt", "kmr").contains(language);
        return text.codePoints().filter(Character::isLetter)
                .allMatch(cp -> latinLanguage ? cp < 128 : Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
    }
}
