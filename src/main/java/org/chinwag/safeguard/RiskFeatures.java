package org.chinwag.safeguard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Features for the risk model. Words and word pairs carry most of the meaning ("hits me", "end
 * it"); crude stems (a word's first five letters) let "stockpiling" and "stockpiled" share
 * evidence; and the word groups from the pattern file ("violence", "partner", "self") let the
 * model generalise from a few hundred examples: "my uncle kicks me" looks like "my stepdad
 * punches me" because both are family + violence + self. Group pairs are taken within a short
 * window so that words in between ("he always hits me") do not hide them.
 */
final class RiskFeatures implements FeatureGenerator {

    /** Bump when the features change, so cached models trained on the old ones are not reused. */
    static final int VERSION = 4;
    /** Tokens starting with this are context cues found in the text ("__past"), not words. */
    static final String CUE = "__";
    private static final int STEM = 5;
    private static final int GROUP_WINDOW = 3;

    private final Map<String, List<String>> wordGroups;
    private final boolean letterGrams;

    RiskFeatures(Map<String, List<String>> wordGroups) {
        this(wordGroups, false);
    }

    /**
     * With {@code letterGrams}, each word also gives its three- and four-letter pieces (with the
     * word's edges marked): the model for other languages learns from a few hundred examples per
     * language, where inflection ("řezat", "řežu", "pořezala") and loose spelling would otherwise
     * make most words of a new message unseen. Scripts written without spaces (Chinese) get their
     * pieces the same way.
     */
    RiskFeatures(Map<String, List<String>> wordGroups, boolean letterGrams) {
        this.wordGroups = Map.copyOf(wordGroups);
        this.letterGrams = letterGrams;
    }

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>(tokens.length * 6 + 1);
        // Always present, so the model learns how common each label is; without it a text of
        // unseen words would score every label the same, i.e. look five-sixths "risk".
        features.add("bias");
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.startsWith(CUE)) {
                features.add("cue=" + t.substring(CUE.length()));
                continue;
            }
            features.add("w=" + t);
            if (t.length() > STEM) features.add("s=" + t.substring(0, STEM));
            if (letterGrams) addLetterGrams(t, features);
            if (i + 1 < tokens.length && !tokens[i + 1].startsWith(CUE)) features.add("b=" + t + "_" + tokens[i + 1]);
            List<String> groups = wordGroups.getOrDefault(t, List.of());
            for (String g : groups) {
                features.add("g=" + g);
                for (int j = i + 1; j < Math.min(tokens.length, i + 1 + GROUP_WINDOW); j++) {
                    for (String h : wordGroups.getOrDefault(tokens[j], List.of())) features.add("gg=" + g + "_" + h);
                }
            }
        }
        return features;
    }

    private static void addLetterGrams(String word, List<String> features) {
        String marked = "<" + word + ">";
        int[] cps = marked.codePoints().toArray();
        for (int n = 3; n <= 4; n++) {
            for (int i = 0; i + n <= cps.length; i++) {
                // the whole marked word is already the w= feature
                if (n == cps.length) continue;
                features.add("c=" + new String(cps, i, n));
            }
        }
    }
}
