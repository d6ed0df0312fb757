package org.chinwag.safeguard;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.chinwag.safeguard.LabelledExample.Population;

/**
 * Measures the detector on three populations, always separately: disclosures (recall), hard
 * everyday lines (idioms, topic talk, past and other people's events: false alarms) and ordinary
 * replies to the script's questions (false alarms; by far the most common thing the bot sees).
 * Each figure comes with a 95% Wilson interval, per category, per language and per question.
 * Cross-validated figures (5 folds, stratified) choose the thresholds; the held-out sets, written
 * apart and in another style, only report. The texts printed are the campaign's own written
 * examples, never residents' messages.
 */
public final class SafeguardEval {

    static final int FOLDS = 5;
    private static final long SEED = 42;
    /**
     * Check threshold rule: as much recall as possible while the upper end of the 95% interval of
     * ordinary replies flagged stays within this (the target on unseen text: 1 in 100) ...
     */
    static final double MAX_ORDINARY_FALSE_ALARMS = 0.01;
    /** ... and that of hard everyday lines within this (target: 1 in 10). */
    static final double MAX_HARD_FALSE_ALARMS = 0.10;
    /** Urgent threshold rule: the model alone sends the emergency framing to at most this share of either none population. */
    static final double MAX_URGENT_FALSE_ALARMS = 0.002;

    private SafeguardEval() {}

    /** One example with what the detector read in it and decided. */
    record Scored(LabelledExample example, RiskDetector.Reading reading, RiskAssessment assessment) {
        boolean flagged() {
            return assessment.risk();
        }
    }

    /** A count out of a total, with its 95% Wilson score interval. */
    record Rate(long count, long total) {
        double value() {
            return total == 0 ? 0 : (double) count / total;
        }

        double[] interval() {
            if (total == 0) return new double[] {0, 0};
            double z = 1.959964;
            double p = value();
            double n = total;
            double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
            double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
            return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
        }

        @Override
        public String toString() {
            double[] ci = interval();
            return String.format(Locale.ROOT, "%5.1f%% (%d/%d, 95%% CI %.1f-%.1f%%)", 100 * value(), count, total, 100 * ci[0], 100 * ci[1]);
        }
    }

    /** The figures of one set of scored examples. */
    record Figures(Rate recall, Rate hardFalseAlarms, Rate ordinaryFalseAlarms) {}

    /** What the thresholds sweep found and chose. */
    record Choice(DetectorSettings.Thresholds english, DetectorSettings.Thresholds otherLanguages, Figures atChoice) {}

    /**
     * What to print: the cross-validated mistakes (to improve patterns and examples from), the
     * held-out mistakes (to read at the end, never to tune on), and optionally one language alone.
     */
    record Options(boolean mistakes, boolean heldoutMistakes, String language) {
        static final Options SUMMARY = new Options(false, false, null);

        boolean shows(LabelledExample e) {
            return language == null || language.equals(e.language() == null ? "en" : e.language());
        }
    }

    public static void run(Path intentsDir, String campaignId, PrintStream out) {
        run(intentsDir, campaignId, out, Options.SUMMARY);
    }

    public static void run(Path intentsDir, String campaignId, PrintStream out, boolean mistakes, boolean heldoutMistakes,
                           String language) {
        run(intentsDir, campaignId, out, new Options(mistakes, heldoutMistakes, language));
    }

    static void run(Path intentsDir, String campaignId, PrintStream out, Options options) {
        IntentFiles files = IntentFiles.folder(intentsDir);
        SafeguardingData data = SafeguardingData.read(files, campaignId, options.language());
        List<LabelledExample> heldout = SafeguardingData.heldout(files, campaignId, data.settings().languages());
        DetectorSettings settings = data.settings();

        long start = System.nanoTime();
        RiskDetector detector = RiskDetector.train(data, data.examples(), settings);
        long trainMillis = (System.nanoTime() - start) / 1_000_000;
        out.printf(Locale.ROOT, "Safeguarding evaluation, campaign %s: %d training examples (%s), %d held out (%s);"
                        + " languages %s; thresholds check %.2f, urgent %.2f (English model), check %.2f, urgent %.2f"
                        + " (other languages' model); training took %d ms%n",
                campaignId, data.examples().size(), counts(data.examples()), heldout.size(), counts(heldout),
                String.join(",", settings.languages()), settings.english().check(), settings.english().urgent(),
                settings.otherLanguages().check(), settings.otherLanguages().urgent(), trainMillis);

        out.println();
        out.println("== Held-out sets (never trained on, written apart in another style)");
        List<Scored> held = score(detector, heldout);
        report(held, out, options, options.heldoutMistakes());

        out.println();
        out.println("== " + FOLDS + "-fold cross-validation on the training examples");
        List<Scored> cv = crossValidate(data, settings);
        report(cv, out, options, options.mistakes());
        out.println();
        choose(detector, cv, settings, out);
    }

    private static String counts(List<LabelledExample> examples) {
        long d = examples.stream().filter(e -> e.population() == Population.DISCLOSURE).count();
        long h = examples.stream().filter(e -> e.population() == Population.HARD).count();
        long o = examples.stream().filter(e -> e.population() == Population.ORDINARY).count();
        return d + " disclosures, " + h + " hard, " + o + " ordinary";
    }

    static List<Scored> score(RiskDetector detector, List<LabelledExample> examples) {
        List<Scored> scored = new ArrayList<>(examples.size());
        for (LabelledExample e : examples) {
            RiskDetector.Reading reading = detector.read(e.text());
            scored.add(new Scored(e, reading, detector.decide(e.text(), reading)));
        }
        return scored;
    }

    /** Each example scored by a detector trained without its fold; folds are stratified by label and question. */
    static List<Scored> crossValidate(SafeguardingData data, DetectorSettings settings) {
        Map<String, List<LabelledExample>> byGroup = new TreeMap<>();
        for (LabelledExample e : data.examples()) byGroup.computeIfAbsent(e.population() + "/" + e.group(), k -> new ArrayList<>()).add(e);
        List<List<LabelledExample>> folds = new ArrayList<>();
        for (int i = 0; i < FOLDS; i++) folds.add(new ArrayList<>());
        Random random = new Random(SEED);
        int next = 0;
        for (List<LabelledExample> group : byGroup.values()) {
            List<LabelledExample> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);
            for (LabelledExample e : shuffled) folds.get(next++ % FOLDS).add(e);
        }
        List<Scored> scored = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            List<LabelledExample> training = new ArrayList<>();
            for (int g = 0; g < FOLDS; g++) if (g != f) training.addAll(folds.get(g));
            scored.addAll(score(RiskDetector.train(data, training, settings), folds.get(f)));
        }
        return scored;
    }

    static Figures figures(List<Scored> scored) {
        return new Figures(rate(scored, Population.DISCLOSURE), rate(scored, Population.HARD), rate(scored, Population.ORDINARY));
    }

    private static Rate rate(List<Scored> scored, Population population) {
        List<Scored> of = filter(scored, s -> s.example().population() == population);
        return new Rate(count(of, Scored::flagged), of.size());
    }

    private static void report(List<Scored> all, PrintStream out, Options options, boolean listMistakes) {
        List<Scored> scored = filter(all, s -> options.shows(s.example()));
        if (scored.isEmpty()) {
            out.println("  (no examples)");
            return;
        }
        Figures f = figures(scored);
        out.println("  recall on disclosures           " + f.recall());
        out.println("  false alarms, hard everyday     " + f.hardFalseAlarms());
        out.println("  false alarms, ordinary replies  " + f.ordinaryFalseAlarms());
        List<Scored> risks = filter(scored, s -> s.example().isRisk());
        out.printf(Locale.ROOT, "  recall by patterns alone %s, urgent level %s%n",
                new Rate(count(risks, s -> s.reading().patternLevel() != RiskLevel.NONE), risks.size()),
                new Rate(count(risks, s -> s.assessment().level() == RiskLevel.URGENT), risks.size()));

        out.println("  by category (recall; right category named):");
        for (RiskCategory c : RiskCategory.values()) {
            List<Scored> of = filter(risks, s -> s.example().label().equals(c.id()));
            if (of.isEmpty()) continue;
            out.printf(Locale.ROOT, "    %-18s %s; named %s%n", c.id(), new Rate(count(of, Scored::flagged), of.size()),
                    new Rate(count(of, s -> s.assessment().categories().contains(c)), of.size()));
        }
        out.println("  hard everyday lines by kind (false alarms):");
        grouped(filter(scored, s -> s.example().population() == Population.HARD), s -> s.example().label(), out);
        out.println("  ordinary replies by question (false alarms):");
        grouped(filter(scored, s -> s.example().population() == Population.ORDINARY), s -> s.example().group(), out);
        out.println("  by language (recall | false alarms on hard and plain none lines):");
        Map<String, List<Scored>> byLanguage = new TreeMap<>();
        for (Scored s : filter(scored, s -> s.example().population() != Population.ORDINARY)) {
            byLanguage.computeIfAbsent(s.example().language(), k -> new ArrayList<>()).add(s);
        }
        byLanguage.forEach((language, of) -> {
            Figures lf = figures(of);
            out.printf(Locale.ROOT, "    %-4s recall %s | false alarms %s%n", language, lf.recall(), lf.hardFalseAlarms());
        });
        if (listMistakes) {
            for (Scored s : scored) {
                if (s.flagged() == s.example().isRisk()) continue;
                out.printf(Locale.ROOT, "    %s %-4s %-18s %.2f %-7s %s%n", s.flagged() ? "FALSE ALARM" : "MISSED     ",
                        s.example().language() == null ? "" : s.example().language(), s.example().group(), s.reading().scores().risk(),
                        s.flagged() ? s.assessment().level().id() + "/" + s.assessment().source() : "", s.example().text());
            }
        }
    }

    private static void grouped(List<Scored> scored, java.util.function.Function<Scored, String> key, PrintStream out) {
        Map<String, List<Scored>> groups = new TreeMap<>();
        for (Scored s : scored) groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
        groups.forEach((group, of) -> out.printf(Locale.ROOT, "    %-18s %s%n", group, new Rate(count(of, Scored::flagged), of.size())));
    }

    /**
     * The thresholds, chosen on all three cross-validated populations, for each model on the texts
     * it reads: the check threshold is the lowest (most recall) at which the upper ends of the
     * intervals of ordinary replies and hard everyday lines flagged both stay within their targets;
     * the urgent threshold the lowest, at or above it, at which the model alone sends the emergency
     * framing to almost none of either.
     */
    static Choice choose(RiskDetector detector, List<Scored> cv, DetectorSettings current, PrintStream out) {
        DetectorSettings.Thresholds english = chooseFor("English model", detector, filter(cv, s -> !s.reading().byOtherLanguagesModel()),
                current.english(), t -> detector.withThresholds(t, current.otherLanguages()), out);
        DetectorSettings.Thresholds other = chooseFor("other languages' model", detector, filter(cv, s -> s.reading().byOtherLanguagesModel()),
                current.otherLanguages(), t -> detector.withThresholds(current.english(), t), out);
        Figures at = sweepFigures(detector.withThresholds(english, other), cv);
        out.println("  at both suggestions: recall " + at.recall() + "; hard " + at.hardFalseAlarms() + "; ordinary " + at.ordinaryFalseAlarms());
        return new Choice(english, other, at);
    }

    private static DetectorSettings.Thresholds chooseFor(String title, RiskDetector detector, List<Scored> cv, DetectorSettings.Thresholds current,
                                                         java.util.function.Function<DetectorSettings.Thresholds, RiskDetector> with, PrintStream out) {
        out.println("  threshold sweep, " + title + " (" + cv.size() + " texts; check level, urgent at the current urgent threshold):");
        out.println("    check   recall   hard FA   ordinary FA");
        double check = Double.NaN;
        for (int t = (int) Math.round(RiskDetector.LOWEST_THRESHOLD * 100); t <= 95; t += 5) {
            double threshold = t / 100.0;
            Figures f = sweepFigures(with.apply(new DetectorSettings.Thresholds(threshold, Math.max(threshold, current.urgent()))), cv);
            if (Double.isNaN(check) && f.ordinaryFalseAlarms().interval()[1] <= MAX_ORDINARY_FALSE_ALARMS
                    && f.hardFalseAlarms().interval()[1] <= MAX_HARD_FALSE_ALARMS) check = threshold;
            out.printf(Locale.ROOT, "    %5.2f   %5.1f%%   %6.1f%%   %6.2f%%%s%n", threshold, 100 * f.recall().value(),
                    100 * f.hardFalseAlarms().value(), 100 * f.ordinaryFalseAlarms().value(),
                    Math.abs(threshold - current.check()) < 1e-9 ? "   <- current" : "");
        }
        if (Double.isNaN(check)) check = 0.95;
        double urgent = Double.NaN;
        for (int t = (int) Math.round(check * 100); t <= 100; t += 5) {
            double threshold = Math.min(1.0, t / 100.0);
            if (urgentFalseAlarms(with.apply(new DetectorSettings.Thresholds(check, threshold)), cv) <= MAX_URGENT_FALSE_ALARMS) {
                urgent = threshold;
                break;
            }
        }
        if (Double.isNaN(urgent)) urgent = 1.0;
        Figures at = sweepFigures(with.apply(new DetectorSettings.Thresholds(check, urgent)), cv);
        out.printf(Locale.ROOT, "  Suggested for the %s: check %.2f, urgent %.2f (rule: upper 95%% bound of ordinary false alarms at most %.1f%%,"
                        + " of hard at most %.1f%%; model-alone urgent false alarms at most %.1f%%; cross-validated)%n",
                title, check, urgent, 100 * MAX_ORDINARY_FALSE_ALARMS, 100 * MAX_HARD_FALSE_ALARMS, 100 * MAX_URGENT_FALSE_ALARMS);
        out.println("    there: recall " + at.recall() + "; hard " + at.hardFalseAlarms() + "; ordinary " + at.ordinaryFalseAlarms());
        return new DetectorSettings.Thresholds(check, urgent);
    }

    private static Figures sweepFigures(RiskDetector at, List<Scored> cv) {
        long[] flagged = new long[Population.values().length];
        long[] total = new long[Population.values().length];
        for (Scored s : cv) {
            int p = s.example().population().ordinal();
            total[p]++;
            if (at.levelOf(s.reading()) != RiskLevel.NONE) flagged[p]++;
        }
        return new Figures(new Rate(flagged[0], total[0]), new Rate(flagged[1], total[1]), new Rate(flagged[2], total[2]));
    }

    /** The larger of the hard and ordinary shares that get the urgent message from the model alone. */
    private static double urgentFalseAlarms(RiskDetector at, List<Scored> cv) {
        double worst = 0;
        for (Population p : List.of(Population.HARD, Population.ORDINARY)) {
            List<Scored> of = filter(cv, s -> s.example().population() == p);
            long urgent = count(of, s -> s.reading().patternLevel() != RiskLevel.URGENT && at.levelOf(s.reading()) == RiskLevel.URGENT);
            worst = Math.max(worst, of.isEmpty() ? 0 : (double) urgent / of.size());
        }
        return worst;
    }

    private static List<Scored> filter(List<Scored> scored, Predicate<Scored> p) {
        return scored.stream().filter(p).toList();
    }

    private static long count(List<Scored> scored, Predicate<Scored> p) {
        return scored.stream().filter(p).count();
    }
}
