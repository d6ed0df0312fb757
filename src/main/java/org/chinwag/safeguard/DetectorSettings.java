package org.chinwag.safeguard;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code detector.properties} beside the patterns: which languages' pattern files to load (without
 * a {@code languages} line, every {@code patterns-<lang>.txt} in the folder), and
 * the model's two thresholds on P(any risk): at or above {@code threshold.check} (and with no
 * pattern hit) the bot sends the gentle check-in, at or above {@code threshold.urgent} the urgent
 * signposting. SafeguardEval prints the figures on all three populations to choose them again.
 */
record DetectorSettings(List<String> languages, double checkThreshold, double urgentThreshold) {

    static final String FILE = "detector.properties";

    static DetectorSettings parse(String source, String content) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> languages = p.getProperty("languages") == null ? List.of() : Arrays.stream(p.getProperty("languages").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (!languages.isEmpty() && !languages.contains("en")) throw new IllegalStateException(source + ": languages must include en");
        double check = threshold(source, p, "threshold.check", "0.5");
        double urgent = threshold(source, p, "threshold.urgent", "0.9");
        if (urgent < check) throw new IllegalStateException(source + ": threshold.urgent must be at least threshold.check");
        return new DetectorSettings(languages, check, urgent);
    }

    private static double threshold(String source, Properties p, String key, String fallback) {
        double t;
        try {
            t = Double.parseDouble(p.getProperty(key, fallback).strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(source + ": " + key + " must be a number between 0 and 1");
        }
        if (t <= 0 || t > 1) throw new IllegalStateException(source + ": " + key + " must be above 0 and at most 1");
        return t;
    }

    DetectorSettings withLanguages(List<String> found) {
        return new DetectorSettings(found, checkThreshold, urgentThreshold);
    }

    DetectorSettings withThresholds(double check, double urgent) {
        return new DetectorSettings(languages, check, urgent);
    }
}
