package org.chinwag.safeguard;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code detector.properties} beside the patterns: which languages' pattern files to load (without
 * a {@code languages} line, every {@code patterns-<lang>.txt} in the folder), and each model's two
 * thresholds on P(any risk): at or above {@code threshold.check} (and with no pattern hit) the bot
 * sends the gentle check-in, at or above {@code threshold.urgent} the urgent signposting. The
 * English model's are {@code threshold.check} and {@code threshold.urgent}; the model for every
 * other language has its own, {@code threshold.other.check} and {@code threshold.other.urgent}
 * (the English ones when absent). SafeguardEval prints the figures on all three populations to
 * choose them again.
 */
record DetectorSettings(List<String> languages, Thresholds english, Thresholds otherLanguages) {

    /** One model's thresholds. */
    record Thresholds(double check, double urgent) {}

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
        Thresholds english = thresholds(source, p, "threshold.", "0.5", "0.9");
        Thresholds other = thresholds(source, p, "threshold.other.", p.getProperty("threshold.check", "0.5"),
                p.getProperty("threshold.urgent", "0.9"));
        return new DetectorSettings(languages, english, other);
    }

    private static Thresholds thresholds(String source, Properties p, String prefix, String check, String urgent) {
        double c = threshold(source, p, prefix + "check", check);
        double u = threshold(source, p, prefix + "urgent", urgent);
        if (u < c) throw new IllegalStateException(source + ": " + prefix + "urgent must be at least " + prefix + "check");
        return new Thresholds(c, u);
    }

    private static double threshold(String source, Properties p, String key, String fallback) {
        double t;
        try {
            t = Double.parseDouble(p.getProperty(key, fallback).strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(source + ": " + key + " must be a number between 0 and 1");
        }
        if (t < RiskDetector.LOWEST_THRESHOLD || t > 1) {
            throw new IllegalStateException(source + ": " + key + " must be at least " + RiskDetector.LOWEST_THRESHOLD + " and at most 1");
        }
        return t;
    }

    DetectorSettings withLanguages(List<String> found) {
        return new DetectorSettings(found, english, otherLanguages);
    }

    DetectorSettings withThresholds(Thresholds english, Thresholds otherLanguages) {
        return new DetectorSettings(languages, english, otherLanguages);
    }
}
