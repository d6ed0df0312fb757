package org.chinwag.safeguard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chinwag.classify.LanguageIdentifier;

/**
 * Decides whether a resident's message discloses risk to the writer, or someone with them, now.
 * Three steps, each explainable:
 * <ol>
 *   <li>phrase patterns for every language the campaign covers (run on any text written in that
 *       language's script, so a short message never depends on language detection) find candidate
 *       hits; harmless idioms are blanked out first;</li>
 *   <li>the context step ({@link ContextCues}) sets aside hits that are negated, long past or
 *       resolved, or talk about services and issues rather than oneself, and lowers to a check-in
 *       those about someone else;</li>
 *   <li>a model trained on disclosures, hard everyday lines and ordinary replies catches phrasings
 *       nobody wrote a pattern for, at two thresholds chosen on all three populations.</li>
 * </ol>
 * Thread-safe after loading; pure apart from reading the campaign's files once (and, if asked,
 * keeping the trained model in a cache folder).
 */
public final class RiskDetector {

    /** The lowest check threshold the threshold sweep tries (its first row): scores below it never raise a level. */
    static final double LOWEST_THRESHOLD = 0.05;
    /** A category the model suggests is kept when its probability is at least this share of the top one. */
    private static final double CATEGORY_SHARE = 0.5;
    /** About someone else: for these a check-in (helplines for a worried friend), not an emergency. */
    private static final Set<RiskCategory> CHECK_WHEN_SOMEONE_ELSE =
            EnumSet.of(RiskCategory.SUICIDE, RiskCategory.SELF_HARM, RiskCategory.ABUSE, RiskCategory.LOW_MOOD);

    private final SafeguardingData data;
    private final RiskModel model;
    private final RiskModel otherLanguagesModel;
    private final DetectorSettings settings;
    private static final LanguageIdentifier LANGUAGES = LanguageIdentifier.standard();

    private RiskDetector(SafeguardingData data, RiskModel model, RiskModel otherLanguagesModel, DetectorSettings settings) {
        this.data = data;
        this.model = model;
        this.otherLanguagesModel = otherLanguagesModel;
        this.settings = settings;
    }

    /** Loads {@code <intentsDir>/<campaignId>/safeguarding/}. */
    public static RiskDetector load(Path intentsDir, String campaignId) {
        return load(IntentFiles.folder(intentsDir), campaignId);
    }

    /**
     * As {@link #load(Path, String)}, keeping the trained models in {@code cacheDir} (created if
     * needed) keyed by a hash of the data, so restarts with unchanged files skip training.
     */
    public static RiskDetector load(Path intentsDir, String campaignId, Path cacheDir) {
        SafeguardingData data = SafeguardingData.read(IntentFiles.folder(intentsDir), campaignId);
        RiskModel model = RiskModel.trainOrLoad(english(data.examples()), e -> englishTokens(data, e.text()),
                englishFeatures(data), data.fingerprint(), cacheDir);
        List<LabelledExample> otherExamples = otherLanguages(data.examples());
        RiskModel others = canTrain(otherExamples) ? RiskModel.trainOrLoad(otherExamples, e -> otherTokens(data, e.text()),
                otherFeatures(data), "other-languages|" + data.fingerprint(), cacheDir) : null;
        return new RiskDetector(data, model, others, data.settings());
    }

    /** The same files as bundled in the jar under {@code intents/}. */
    public static RiskDetector bundled(String campaignId) {
        return load(IntentFiles.classpath(), campaignId);
    }

    static RiskDetector load(IntentFiles files, String campaignId) {
        SafeguardingData data = SafeguardingData.read(files, campaignId);
        return train(data, data.examples(), data.settings());
    }

    /** Builds a detector from the campaign's patterns and the given examples (cross-validation trains on subsets). */
    static RiskDetector train(SafeguardingData data, List<LabelledExample> examples, DetectorSettings settings) {
        List<LabelledExample> otherExamples = otherLanguages(examples);
        return new RiskDetector(data,
                RiskModel.train(english(examples), e -> englishTokens(data, e.text()), englishFeatures(data)),
                canTrain(otherExamples) ? RiskModel.train(otherExamples, e -> otherTokens(data, e.text()), otherFeatures(data)) : null,
                settings);
    }

    /** A campaign with no examples in other languages (or no disclosures among them) has patterns alone for them. */
    private static boolean canTrain(List<LabelledExample> examples) {
        return examples.stream().anyMatch(LabelledExample::isRisk) && examples.stream().anyMatch(e -> !e.isRisk());
    }

    /** The English model learns from the English examples and the ordinary replies (mostly English). */
    private static List<LabelledExample> english(List<LabelledExample> examples) {
        return examples.stream().filter(e -> e.language() == null || e.language().equals("en")).toList();
    }

    /**
     * The model for every other language learns from their examples, plus the English ordinary
     * replies and hard lines as the everyday background: without them it would meet far more
     * disclosures than everyday text and read any unfamiliar message as one.
     */
    private static List<LabelledExample> otherLanguages(List<LabelledExample> examples) {
        return examples.stream().filter(e -> e.language() != null && !e.language().equals("en") || !e.isRisk()).toList();
    }

    /** The same detector with other thresholds (for the threshold sweep). */
    RiskDetector withThresholds(DetectorSettings.Thresholds english, DetectorSettings.Thresholds otherLanguages) {
        return new RiskDetector(data, model, otherLanguagesModel, settings.withThresholds(english, otherLanguages));
    }

    /**
     * What one pass over a text found: the pattern verdict and the model's scores, before thresholds.
     * The model scores the whole text and each sentence alone; {@code kept} is the best score of a
     * part the context does not explain away, {@code explained} the best of one it does (a hit set
     * aside in it, or long past or topic talk across it), so that "we used to have a lunch club"
     * in one sentence does not excuse "the days are long and empty" in the next.
     */
    record Reading(RiskLevel patternLevel, Set<RiskCategory> patternCategories, String hitLanguage,
                   String detectedLanguage, RiskModel.Scores kept, RiskModel.Scores explained) {
        /** The model's highest score anywhere in the text, for reports. */
        RiskModel.Scores scores() {
            return kept.risk() >= explained.risk() ? kept : explained;
        }

        /** Whether the model for other languages read it (rather than the English one). */
        boolean byOtherLanguagesModel() {
            return detectedLanguage != null && !detectedLanguage.equals("en");
        }
    }

    public RiskAssessment assess(String text) {
        if (text == null || text.isBlank()) return RiskAssessment.NONE;
        return decide(text, read(text));
    }

    Reading read(String text) {
        String normalised = TextNormaliser.normalise(text);
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        normalised.codePoints().filter(Character::isLetter).forEach(cp -> scripts.add(Character.UnicodeScript.of(cp)));
        LanguageIdentifier.Result detected = LANGUAGES.detect(text);
        String detectedLanguage = detected == null ? null : detected.language();
        boolean otherLanguage = detectedLanguage != null && !detectedLanguage.equals("en");
        // the message's own language also judges other languages' hits ("self harm" inside Roman Urdu topic talk)
        ContextCues messageContext = detectedLanguage == null ? null : data.contexts().get(detectedLanguage);

        RiskLevel level = RiskLevel.NONE;
        Set<RiskCategory> categories = EnumSet.noneOf(RiskCategory.class);
        // the words of hits the context set aside: the model's reading of a part holding one is explained too
        List<String> setAside = new ArrayList<>();
        String hitLanguage = null;
        // another language's hit needs a word that is not English, so an all-English text skips them
        boolean allEnglish = onlyEnglishWords(normalised);
        // the text as the model reads it, when the loop below prepares it anyway
        String preparedForModel = null;
        String modelLanguage = otherLanguage ? detectedLanguage : "en";
        for (PhrasePatterns patterns : data.patterns()) {
            if (!patterns.writtenIn(scripts)) continue;
            if (allEnglish && !patterns.language().equals("en")) continue;
            PhrasePatterns.Prepared matched = patterns.prepareAndMatch(normalised);
            String prepared = matched.text();
            if (patterns.language().equals(modelLanguage)) preparedForModel = prepared;
            ContextCues context = data.contexts().get(patterns.language());
            boolean english = patterns.language().equals("en");
            for (PhrasePatterns.Hit hit : matched.hits()) {
                if (!english && onlyEnglishWords(prepared.substring(hit.start(), hit.end()))) continue;
                ContextCues.Verdict verdict = context.judge(prepared, hit);
                if (verdict == ContextCues.Verdict.KEEP && messageContext != null && messageContext != context) {
                    ContextCues.Verdict theirs = messageContext.judge(prepared, hit);
                    if (theirs != ContextCues.Verdict.OTHER_PERSON) verdict = theirs;
                }
                if (verdict == ContextCues.Verdict.NEGATED || verdict == ContextCues.Verdict.PAST
                        || verdict == ContextCues.Verdict.TOPIC) {
                    setAside.add(prepared.substring(hit.start(), hit.end()).strip());
                    continue;
                }
                RiskLevel hitLevel = verdict == ContextCues.Verdict.OTHER_PERSON && CHECK_WHEN_SOMEONE_ELSE.contains(hit.category())
                        ? hit.level().atMost(RiskLevel.CHECK) : hit.level();
                categories.add(hit.category());
                if (hitLevel.compareTo(level) > 0) {
                    level = hitLevel;
                    hitLanguage = patterns.language();
                } else if (hitLanguage == null) {
                    hitLanguage = patterns.language();
                }
            }
        }
        Prepared prepared = preparedForModel != null ? new Prepared(preparedForModel, data.contexts().get(modelLanguage))
                : otherLanguage ? preparedIn(data, normalised, detectedLanguage)
                : new Prepared(data.english().prepare(normalised), data.contexts().get("en"));
        RiskModel reader = otherLanguage ? otherLanguagesModel : model;
        if (reader == null) {
            return new Reading(level, categories, hitLanguage, detectedLanguage, RiskModel.Scores.NONE, RiskModel.Scores.NONE);
        }
        return modelReading(reader, prepared, setAside, level, categories, hitLanguage, detectedLanguage);
    }

    /**
     * Scores the whole text and, in a longer answer, each sentence alone, so a disclosure tucked
     * into an ordinary answer ("parks are fine. won't matter to me soon") is read on its own; each
     * part is judged by its own context.
     */
    private static Reading modelReading(RiskModel reader, Prepared prepared, List<String> setAside, RiskLevel level,
                                        Set<RiskCategory> categories, String hitLanguage, String detectedLanguage) {
        RiskModel.Scores kept = RiskModel.Scores.NONE;
        RiskModel.Scores explained = RiskModel.Scores.NONE;
        List<String> parts = new ArrayList<>();
        parts.add(prepared.text());
        if (prepared.text().contains(TextNormaliser.SENTENCE_BREAK)) {
            parts.addAll(List.of(prepared.text().split(java.util.regex.Pattern.quote(TextNormaliser.SENTENCE_BREAK))));
        }
        for (String part : parts) {
            if (part.isBlank()) continue;
            RiskModel.Scores scores = reader.score(tokensWithCues(prepared.cues(), part));
            // below every threshold the detector or its sweep uses, whether context explains it cannot matter
            if (scores.risk() < LOWEST_THRESHOLD) {
                if (scores.risk() > kept.risk()) kept = scores;
                continue;
            }
            boolean isExplained = setAside.stream().anyMatch(part::contains)
                    || prepared.cues() != null && prepared.cues().judgeWhole(part) != ContextCues.Verdict.KEEP;
            if (isExplained) {
                if (scores.risk() > explained.risk()) explained = scores;
            } else if (scores.risk() > kept.risk()) {
                kept = scores;
            }
        }
        return new Reading(level, categories, hitLanguage, detectedLanguage, kept, explained);
    }

    /** Text as the other languages' model reads it, with the cues of its language (none for English or a language without patterns). */
    private record Prepared(String text, ContextCues cues) {}

    private static Prepared preparedIn(SafeguardingData data, String normalised, String language) {
        PhrasePatterns own = language == null || language.equals("en") ? null : data.patternsFor(language);
        return own == null ? new Prepared(normalised, null) : new Prepared(own.prepare(normalised), data.contexts().get(language));
    }

    /** Whether every word of a hit is an English word (a loanword in another language's pattern, in an English message). */
    private boolean onlyEnglishWords(String hitText) {
        for (String w : hitText.strip().split(" ")) {
            if (!w.isEmpty() && !w.equals(".") && !data.englishWords().contains(w)) return false;
        }
        return true;
    }

    /** The level alone, without the language or categories: cheap, for the threshold sweep. */
    RiskLevel levelOf(Reading r) {
        return higher(r.patternLevel(), modelLevel(r));
    }

    private static RiskLevel higher(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    RiskAssessment decide(String text, Reading r) {
        RiskLevel byModel = modelLevel(r);
        RiskLevel level = higher(r.patternLevel(), byModel);
        String language = r.hitLanguage() != null && !r.hitLanguage().equals("en") ? r.hitLanguage() : r.detectedLanguage();
        boolean needsReview = language != null && !settings.languages().contains(language);
        if (level == RiskLevel.NONE) {
            return new RiskAssessment(RiskLevel.NONE, Set.of(), null, r.scores().risk(), language, needsReview);
        }
        Set<RiskCategory> categories = EnumSet.noneOf(RiskCategory.class);
        categories.addAll(r.patternCategories());
        if (byModel != RiskLevel.NONE) categories.addAll(likelyCategories(modelScores(r).byCategory()));
        boolean byPattern = r.patternLevel() != RiskLevel.NONE;
        String source = !byPattern ? "model" : byModel != RiskLevel.NONE ? "both" : "pattern";
        return new RiskAssessment(level, categories, source, r.scores().risk(), language, needsReview);
    }

    /**
     * The model's own verdict. A part the context explains away (a hit set aside in it, or long
     * past or topic talk across it) needs the urgent threshold to raise even a check-in, since the
     * model reads words, not who or when; low mood alone is never urgent.
     */
    private RiskLevel modelLevel(Reading r) {
        DetectorSettings.Thresholds t = thresholdsFor(r);
        double kept = r.kept().risk();
        RiskLevel level = kept >= t.urgent() ? RiskLevel.URGENT : kept >= t.check() ? RiskLevel.CHECK : RiskLevel.NONE;
        if (level == RiskLevel.URGENT && topCategory(r.kept().byCategory()) == RiskCategory.LOW_MOOD) level = RiskLevel.CHECK;
        if (level == RiskLevel.NONE && r.explained().risk() >= t.urgent()) level = RiskLevel.CHECK;
        return level;
    }

    /** The scores behind the model's verdict: those of the part it raised the level on. */
    private RiskModel.Scores modelScores(Reading r) {
        return r.kept().risk() >= thresholdsFor(r).check() ? r.kept() : r.explained();
    }

    /** The thresholds of the model that read the text. */
    private DetectorSettings.Thresholds thresholdsFor(Reading r) {
        return r.byOtherLanguagesModel() ? settings.otherLanguages() : settings.english();
    }

    private static RiskCategory topCategory(Map<RiskCategory, Double> byCategory) {
        return byCategory.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
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

    /** How the English model reads a text: English spellings and idioms applied, plus the context cues found as features. */
    private static String[] englishTokens(SafeguardingData data, String text) {
        return modelTokens(data, data.english().prepare(TextNormaliser.normalise(text)));
    }

    private static RiskFeatures englishFeatures(SafeguardingData data) {
        return new RiskFeatures(data.english().wordGroups());
    }

    /** Every other language's word groups, for the model of other languages (their words rarely collide). */
    private static RiskFeatures otherFeatures(SafeguardingData data) {
        Map<String, List<String>> groups = new java.util.HashMap<>();
        for (PhrasePatterns p : data.patterns()) {
            if (p.language().equals("en")) continue;
            p.wordGroups().forEach((word, g) -> groups.computeIfAbsent(word, w -> new ArrayList<>()).addAll(g));
        }
        return new RiskFeatures(groups, true);
    }

    private static String[] modelTokens(SafeguardingData data, String preparedEnglish) {
        return tokensWithCues(data.contexts().get("en"), preparedEnglish);
    }

    /**
     * How the other-languages model reads an example: as it will read a message, with the spellings,
     * idioms and cues of the language the text is detected as (not the one its file says), so an
     * everyday line and a disclosure in one language are prepared alike.
     */
    private static String[] otherTokens(SafeguardingData data, String text) {
        LanguageIdentifier.Result detected = LANGUAGES.detect(text);
        Prepared prepared = preparedIn(data, TextNormaliser.normalise(text), detected == null ? null : detected.language());
        return tokensWithCues(prepared.cues(), prepared.text());
    }

    private static String[] tokensWithCues(ContextCues cues, String prepared) {
        List<String> tokens = new ArrayList<>();
        if (cues != null) {
            for (ContextCues.Kind kind : cues.found(prepared)) {
                tokens.add(RiskFeatures.CUE + kind.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (String t : prepared.split(" ")) {
            if (t.isEmpty() || t.equals("~") || t.equals(".")) continue;
            if (t.codePoints().anyMatch(RiskDetector::isHan)) {
                // Chinese is written without spaces: each character is a word, so pairs of
                // characters (the model's word pairs) carry the meaning
                t.codePoints().forEach(cp -> tokens.add(new String(Character.toChars(cp))));
            } else {
                tokens.add(t);
            }
        }
        return tokens.toArray(String[]::new);
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** The languages this detector has patterns for. */
    public List<String> languages() {
        return settings.languages();
    }

    DetectorSettings settings() {
        return settings;
    }
}
