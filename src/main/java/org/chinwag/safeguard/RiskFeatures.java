package org.chinwag.safeguard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Features for the risk model: words, word pairs, and crude stems (a word's first five letters) so
 * that "stockpiling", "stockpiled" and "stockpile" share evidence and small misspellings at the end
 * of a word still count. Word pairs carry most of the meaning ("hits me", "end it").
 */
final class RiskFeatures implements FeatureGenerator {

    private static final int STEM = 5;

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>(tokens.length * 3 + 1);
        // Always present, so the model learns how common each label is; without it a text of
        // unseen words would score every label the same, i.e. look five-sixths "risk".
        features.add("bias");
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            features.add("w=" + t);
            if (t.length() > STEM) features.add("s=" + t.substring(0, STEM));
            if (i + 1 < tokens.length) features.add("b=" + t + "_" + tokens[i + 1]);
        }
        return features;
    }
}
