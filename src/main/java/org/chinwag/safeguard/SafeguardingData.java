package org.chinwag.safeguard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A campaign's safeguarding files, read and checked: settings, each language's phrase patterns and
 * context cues, and the examples the model trains on: written disclosures and hard everyday lines
 * ({@code examples.tsv}, {@code examples-<lang>.tsv}), ordinary replies to the script
 * ({@code ordinary.tsv}) and the theme classifier's own examples ({@code ../examples/*.tsv}),
 * which are ordinary replies too, except the few that {@code theme-examples-labels.tsv} labels
 * otherwise (a mental-health reply can be a disclosure).
 */
record SafeguardingData(DetectorSettings settings, List<PhrasePatterns> patterns, Map<String, ContextCues> contexts,
                        List<LabelledExample> examples, Set<String> englishWords, String fingerprint) {

    /** Where the theme classifier's examples are counted in the evaluation. */
    static final String THEME_EXAMPLES = "theme-examples";
    private static final java.util.regex.Pattern QUESTION_ID = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");

    static String folder(String campaignId) {
        if (!campaignId.matches("[a-z0-9][a-z0-9_-]{0,63}")) throw new IllegalArgumentException("bad campaign id");
        return campaignId + "/safeguarding/";
    }

    static SafeguardingData read(IntentFiles files, String campaignId) {
        return read(files, campaignId, null);
    }

    /** As {@link #read(IntentFiles, String)}; with {@code onlyLanguage}, English and that language alone are loaded. */
    static SafeguardingData read(IntentFiles files, String campaignId, String onlyLanguage) {
        String dir = folder(campaignId);
        StringBuilder fingerprint = new StringBuilder();
        String settingsText = files.require(dir + DetectorSettings.FILE);
        DetectorSettings settings = DetectorSettings.parse(files.describe(dir + DetectorSettings.FILE), settingsText);
        if (onlyLanguage != null) settings = settings.withLanguages(onlyLanguage.equals("en") ? List.of("en") : List.of("en", onlyLanguage));
        else if (settings.languages().isEmpty()) settings = settings.withLanguages(patternLanguages(files, dir));
        List<PhrasePatterns> patterns = new ArrayList<>();
        Map<String, ContextCues> contexts = new LinkedHashMap<>();
        List<LabelledExample> examples = new ArrayList<>();
        for (String language : settings.languages()) {
            String file = dir + "patterns-" + language + ".txt";
            String text = files.require(file);
            patterns.add(PhrasePatterns.parse(language, files.describe(file), text));
            fingerprint.append(text).append('\u0000');
            String contextFile = dir + "context-" + language + ".txt";
            Optional<String> context = files.read(contextFile);
            contexts.put(language, context.map(c -> ContextCues.parse(files.describe(contextFile), c)).orElse(ContextCues.NONE));
            fingerprint.append(context.orElse("")).append('\u0000');
            String examplesFile = dir + (language.equals("en") ? "examples.tsv" : "examples-" + language + ".tsv");
            Optional<String> written = language.equals("en") ? Optional.of(files.require(examplesFile)) : files.read(examplesFile);
            written.ifPresent(tsv -> examples.addAll(LabelledExample.parse(files.describe(examplesFile), tsv, language)));
            fingerprint.append(written.orElse("")).append('\u0000');
        }
        String ordinaryFile = dir + "ordinary.tsv";
        Optional<String> ordinary = files.read(ordinaryFile);
        ordinary.ifPresent(tsv -> examples.addAll(ordinary(files.describe(ordinaryFile), tsv)));
        fingerprint.append(ordinary.orElse("")).append('\u0000');
        // Some theme examples are disclosures ("i think about ending it sometimes" is a mental_health
        // reply); theme-examples-labels.tsv gives those their safeguarding label instead.
        String relabelFile = dir + "theme-examples-labels.tsv";
        Optional<String> relabelText = files.read(relabelFile);
        Map<String, LabelledExample> relabelled = new java.util.HashMap<>();
        relabelText.ifPresent(tsv -> LabelledExample.parse(files.describe(relabelFile), tsv, "en")
                .forEach(e -> relabelled.put(e.text(), e)));
        fingerprint.append(relabelText.orElse("")).append('\u0000');
        for (String themeFile : files.list(campaignId + "/examples/")) {
            if (!themeFile.endsWith(".tsv")) continue;
            String tsv = files.require(themeFile);
            for (LabelledExample e : LabelledExample.parseOrdinary(files.describe(themeFile), tsv, Set.of())) {
                examples.add(relabelled.getOrDefault(e.text(), LabelledExample.ordinary(e.text(), THEME_EXAMPLES)));
            }
            fingerprint.append(tsv).append('\u0000');
        }
        return new SafeguardingData(settings, List.copyOf(patterns), Map.copyOf(contexts), List.copyOf(examples),
                englishWords(examples), fingerprint.toString());
    }

    /**
     * The held-out sets, never trained on: {@code heldout.tsv}, {@code heldout-<lang>.tsv} and
     * {@code heldout-ordinary.tsv}, whichever exist.
     */
    static List<LabelledExample> heldout(IntentFiles files, String campaignId, List<String> languages) {
        String dir = folder(campaignId);
        List<LabelledExample> heldout = new ArrayList<>();
        for (String language : languages) {
            String file = dir + (language.equals("en") ? "heldout.tsv" : "heldout-" + language + ".tsv");
            files.read(file).ifPresent(tsv -> heldout.addAll(LabelledExample.parse(files.describe(file), tsv, language)));
        }
        String ordinaryFile = dir + "heldout-ordinary.tsv";
        files.read(ordinaryFile).ifPresent(tsv -> heldout.addAll(ordinary(files.describe(ordinaryFile), tsv)));
        return heldout;
    }

    /**
     * The words of the English examples, less any that mark another language: a Polish or
     * romanised Urdu pattern whose hit is made only of these ("depression", "stroke" are loanwords
     * in several) is reading an English message, and does not count.
     */
    private static Set<String> englishWords(List<LabelledExample> examples) {
        org.chinwag.classify.LanguageIdentifier identifier = org.chinwag.classify.LanguageIdentifier.standard();
        Set<String> words = new java.util.HashSet<>();
        for (LabelledExample e : examples) {
            if (e.language() != null && !e.language().equals("en")) continue;
            var detected = identifier.detect(e.text());
            if (detected == null || !detected.language().equals("en")) continue;
            for (String w : TextNormaliser.normalise(e.text()).split(" ")) {
                if (w.length() > 1 && !identifier.isMarkerWord(w)) words.add(w);
            }
        }
        return Set.copyOf(words);
    }

    /** English first, then every other language with a pattern file, in name order. */
    private static List<String> patternLanguages(IntentFiles files, String dir) {
        List<String> found = new ArrayList<>(List.of("en"));
        for (String file : files.list(dir)) {
            String name = file.substring(dir.length());
            if (name.startsWith("patterns-") && name.endsWith(".txt") && !name.equals("patterns-en.txt")) {
                found.add(name.substring("patterns-".length(), name.length() - ".txt".length()));
            }
        }
        return found;
    }

    private static List<LabelledExample> ordinary(String source, String tsv) {
        List<LabelledExample> replies = LabelledExample.parseOrdinary(source, tsv, Set.of());
        List<String> bad = replies.stream().map(LabelledExample::group).filter(q -> !QUESTION_ID.matcher(q).matches()).distinct().toList();
        if (!bad.isEmpty()) throw new IllegalStateException(source + ": the first column must be a question id, not " + bad);
        return replies;
    }

    /** The English patterns: always loaded, and what the model's words are read with. */
    PhrasePatterns english() {
        return patterns.get(settings.languages().indexOf("en"));
    }

    /** The patterns of one language, if the campaign loads it. */
    PhrasePatterns patternsFor(String language) {
        int i = settings.languages().indexOf(language);
        return i < 0 ? null : patterns.get(i);
    }
}
