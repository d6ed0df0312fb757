package org.chinwag.safeguard;

import java.util.List;

/** A campaign's safeguarding files, read and checked: settings, phrase patterns and training examples. */
record SafeguardingData(DetectorSettings settings, PhrasePatterns patterns, List<LabelledExample> examples, String fingerprint) {

    static String folder(String campaignId) {
        if (!campaignId.matches("[a-z0-9][a-z0-9_-]{0,63}")) throw new IllegalArgumentException("bad campaign id");
        return campaignId + "/safeguarding/";
    }

    static SafeguardingData read(IntentFiles files, String campaignId) {
        String dir = folder(campaignId);
        StringBuilder fingerprint = new StringBuilder();
        String settingsText = files.require(dir + DetectorSettings.FILE);
        DetectorSettings settings = DetectorSettings.parse(files.describe(dir + DetectorSettings.FILE), settingsText);
        PhrasePatterns patterns = new PhrasePatterns();
        for (String language : settings.languages()) {
            String file = dir + "patterns-" + language + ".txt";
            String text = files.require(file);
            patterns.add(files.describe(file), text);
            fingerprint.append(text).append('\u0000');
        }
        String examplesFile = dir + "examples.tsv";
        String examplesText = files.require(examplesFile);
        List<LabelledExample> examples = LabelledExample.parse(files.describe(examplesFile), examplesText);
        fingerprint.append(examplesText);
        return new SafeguardingData(settings, patterns, examples, fingerprint.toString());
    }
}
