package org.chinwag.safeguard;

import java.util.List;

/** A campaign's safeguarding files, read and checked: settings, phrase patterns and training examples. */
record SafeguardingData(DetectorSettings settings, PhrasePatterns patterns, List<LabelledExample> examples) {

    static String folder(String campaignId) {
        if (!campaignId.matches("[a-z0-9][a-z0-9_-]{0,63}")) throw new IllegalArgumentException("bad campaign id");
        return campaignId + "/safeguarding/";
    }

    static SafeguardingData read(IntentFiles files, String campaignId) {
        String dir = folder(campaignId);
        DetectorSettings settings = DetectorSettings.parse(files.describe(dir + DetectorSettings.FILE),
                files.require(dir + DetectorSettings.FILE));
        PhrasePatterns patterns = new PhrasePatterns();
        for (String language : settings.languages()) {
            String file = dir + "patterns-" + language + ".txt";
            patterns.add(files.describe(file), files.require(file));
        }
        String examplesFile = dir + "examples.tsv";
        List<LabelledExample> examples = LabelledExample.parse(files.describe(examplesFile), files.require(examplesFile));
        return new SafeguardingData(settings, patterns, examples);
    }
}
