package org.chinwag.safeguard;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code detector.properties} beside the patterns: which languages' pattern files to load and the
 * model's decision threshold (chosen by cross-validation for recall; SafeguardEval prints the
 * figures to choose it again after the examples change).
 */
record DetectorSettings(List<String> languages, double threshold) {

    static final String FILE = "detector.properties";

    static DetectorSettings parse(String source, String content) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> languages = Arrays.stream(p.getProperty("languages", "en").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        double threshold;
        try {
            threshold = Double.parseDouble(p.getProperty("threshold", "0.5").strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(source + ": threshold must be a number between 0 and 1");
        }
        if (threshold <= 0 || threshold >= 1) throw new IllegalStateException(source + ": threshold must be between 0 and 1");
        return new DetectorSettings(languages, threshold);
    }
}
