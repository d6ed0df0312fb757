package org.chinwag.safeguard;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a resident's message discloses risk. Two sources, either of which is enough
 * (missing a disclosure is far worse than a false alarm): curated phrase patterns, which are precise
 * and explainable, and a model trained on labelled examples, which catches phrasings nobody wrote a
 * pattern for. Harmless idioms ("dying for a brew") are blanked out before either looks.
 * Thread-safe after loading; pure apart from reading the campaign's files once (and, if asked,
 * keeping the trained model in a cache folder).
 */
public final class RiskDetector {

    /** A category the model suggests is kept when its probability is at least this share of the top one. */
    private static final double CATEGORY_SHARE = 0.5;

    private final TextNormaliser normaliser;
    private final PhrasePatterns patterns;
    private final RiskModel model;
    private final double threshold;

    private RiskDetector(TextNormaliser normaliser, PhrasePatterns patterns, RiskModel model, double threshold) {
        this.normaliser = normaliser;
        this.patterns = patterns;
        this.model = model;
        this.threshold = threshold;
    }

    /** Loads {@code <intentsDir>/<campaignId>/safeguarding/}. */
    public static RiskDetector load(Path intentsDir, String campaignId) {
        return load(IntentFiles.folder(intentsDir), campaignId);
    }

    /**
     * As {@link #load(Path, String)}, keeping the trained model in {@code cacheDir} (created if
     * needed) keyed by a hash of the data, so restarts with unchanged files skip training.
     */
    public static RiskDetector load(Path intentsDir, String campaignId, Path cacheDir) {
        return load(IntentFiles.folder(intentsDir), campaignId, cacheDir);
    }

    /** The same files as bundled in the jar under {@code intents/}. */
    public static RiskDetector bundled(String campaignId) {
        return load(IntentFiles.classpath(), campaignId);
    }

    /** As {@link #bundled(String)}, with the model cache of {@link #load(Path, String, Path)}. */
    public static RiskDetector bundled(String campaignId, Path cacheDir) {
        return load(IntentFiles.classpath(), campaignId, cacheDir);
    }

    static RiskDetector load(IntentFiles files, String campaignId) {
        SafeguardingData data = SafeguardingData.read(files, campaignId);
        return train(data, data.examples(), data.settings().threshold());
    }

    static RiskDetector load(IntentFiles files, String campaignId, Path cacheDir) {
        SafeguardingData data = SafeguardingData.read(files, campaignId);
        TextNormaliser normaliser = new TextNormaliser(data.patterns().spellings());
        RiskModel model = RiskModel.trainOrLoad(data.examples(), normaliser, data.patterns(), data.fingerprint(), cacheDir);
        return new RiskDetector(normaliser, data.patterns(), model, data.settings().threshold());
    }

    /** Builds a detector from the campaign's patterns and the given examples (cross-validation trains on subsets). */
    static RiskDetector train(SafeguardingData data, List<LabelledExample> examples, double threshold) {
        TextNormaliser normaliser = new TextNormaliser(data.patterns().spellings());
        RiskModel model = RiskModel.train(examples, normaliser, data.patterns());
        return new RiskDetector(normaliser, data.patterns(), model, threshold);
    }

    public RiskAssessment assess(String text) {
        if (text == null || text.isBlank()) return RiskAssessment.NONE;
        String cleaned = patterns.withoutIdioms(normaliser.normalise(text));
        Set<RiskCategory> byPattern = patterns.match(cleaned);
        RiskModel.Scores scores = model.score(RiskModel.tokens(normaliser, patterns, text));
        boolean byModel = scores.risk() >= threshold;
        if (byPattern.isEmpty() && !byModel) return new RiskAssessment(false, Set.of(), null, scores.risk());

        Set<RiskCategory> categories = EnumSet.noneOf(RiskCategory.class);
        categories.addAll(byPattern);
        if (byModel) categories.addAll(likelyCategories(scores.byCategory()));
        String source = byPattern.isEmpty() ? "model" : byModel ? "both" : "pattern";
        return new RiskAssessment(true, categories, source, scores.risk());
    }

    /** The model's most likely risk category, plus any close behind it. */
    private static Set<RiskCategory> likelyCategories(Map<RiskCategory, Double> byCategory) {
        double top = byCategory.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Set<RiskCategory> likely = EnumSet.noneOf(RiskCategory.class);
        byCategory.forEach((c, p) -> {
            if (p > 0 && p >= top * CATEGORY_SHARE) likely.add(c);
        });
        return likely;
    }

    /** The model's risk score alone, for choosing and checking the threshold. */
    double modelScore(String text) {
        return model.score(RiskModel.tokens(normaliser, patterns, text)).risk();
    }

    /** Whether the patterns alone flag the text. */
    boolean patternFlags(String text) {
        return !patterns.match(patterns.withoutIdioms(normaliser.normalise(text))).isEmpty();
    }

    double threshold() {
        return threshold;
    }
}
