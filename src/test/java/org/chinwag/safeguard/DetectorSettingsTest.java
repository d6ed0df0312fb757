package org.chinwag.safeguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectorSettingsTest {

    /** English thresholds, then the other languages' model's: its own where given, else the English ones. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            threshold.check=0.6\\nthreshold.urgent=0.9                                                   | 0.6 | 0.9 | 0.6 | 0.9
            threshold.check=0.6\\nthreshold.urgent=0.9\\nthreshold.other.check=0.8                       | 0.6 | 0.9 | 0.8 | 0.9
            threshold.check=0.6\\nthreshold.urgent=1.0\\nthreshold.other.check=0.7\\nthreshold.other.urgent=0.95 | 0.6 | 1.0 | 0.7 | 0.95
            ''                                                                                        | 0.5 | 0.9 | 0.5 | 0.9
            """)
    void readsEachModelsThresholds(String content, double check, double urgent, double otherCheck, double otherUrgent) {
        DetectorSettings s = DetectorSettings.parse("test", content.replace("\\n", "\n"));
        assertEquals(new DetectorSettings.Thresholds(check, urgent), s.english());
        assertEquals(new DetectorSettings.Thresholds(otherCheck, otherUrgent), s.otherLanguages());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            threshold.check=0.9\\nthreshold.urgent=0.5                          | threshold.urgent must be at least threshold.check
            threshold.other.check=0.95\\nthreshold.other.urgent=0.9             | threshold.other.urgent must be at least threshold.other.check
            threshold.other.check=lots                                         | threshold.other.check must be a number
            threshold.other.urgent=1.5                                         | threshold.other.urgent must be at least 0.05 and at most 1
            threshold.check=0.01                                               | threshold.check must be at least 0.05 and at most 1
            """)
    void namesTheBadSetting(String content, String message) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DetectorSettings.parse("detector.properties", content.replace("\\n", "\n")));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
