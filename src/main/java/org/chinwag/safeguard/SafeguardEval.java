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

/**
 * Measures the detector: recall per category and false alarms on the held-out file (never trained
 * on), then 5-fold cross-validated figures on the training examples, including a sweep of model
 * thresholds to choose {@code threshold} in detector.properties. The texts printed are the
 * campaign's own written examples, never residents' messages.
 */
public final class SafeguardEval {

    static final int FOLDS = 5;
    private static final long SEED = 42;
    /**
     * The recall-first rule: flag as much as possible while at most this share of idioms is flagged
     * in cross-validation. The target on unseen idioms is 1 in 10; three quarters of that in CV
     * leaves a margin for wording the examples do not cover.
     */
    static final double MAX_IDIOM_FALSE_ALARMS = 0.075;

    private SafeguardEval() {}

    /** One example with what the detector made of it. */
    record Scored(LabelledExample example, boolean pattern, double modelScore, RiskAssessment assessment) {
        boolean flaggedAt(double threshold) {
            return pattern || modelScore >= threshold;
        }
    }

    public static void run(Path intentsDir, String campaignId, PrintStream out) {
        run(intentsDir, campaignId, out, false);
    }

    /** As {@link #run(Path, String, PrintStream)}; {@code listCrossValidationMistakes} also lists every CV miss and false alarm. */
    public static void run(Path intentsDir, String campaignId, PrintStream out, boolean listCrossValidationMistakes) {
        IntentFiles files = IntentFiles.folder(intentsDir);
        SafeguardingData data = SafeguardingData.read(files, campaignId);
        String heldoutFile = SafeguardingData.folder(campaignId) + "heldout.tsv";
        List<LabelledExample> heldout = LabelledExample.parse(files.describe(heldoutFile), files.require(heldoutFile));
        double threshold = data.settings().threshold();

        long start = System.nanoTime();
        RiskDetector detector = RiskDetector.train(data, data.examples(), threshold);
        long trainMillis = (System.nanoTime() - start) / 1_000_000;
        out.printf(Locale.ROOT, "Safeguarding evaluation, campaign %s: %d training examples, %d held out, threshold %.2f, training took %d ms%n",
                campaignId, data.examples().size(), heldout.size(), threshold, trainMillis);

        out.println();
        out.println("== Held-out examples (never trained on)");
        List<Scored> held = score(detector, heldout);
        report(held, threshold, out);
        printMistakes(held, threshold, out);

        out.println();
        out.println("== " + FOLDS + "-fold cross-validation on the training examples");
        List<Scored> cv = crossValidate(data, threshold);
        report(cv, threshold, out);
        if (listCrossValidationMistakes) printMistakes(cv, threshold, out);
        out.println();
        sweep(cv, threshold, out);
    }

    static List<Scored> score(RiskDetector detector, List<LabelledExample> examples) {
        List<Scored> scored = new ArrayList<>(examples.size());
        for (LabelledExample e : examples) {
            scored.add(new Scored(e, detector.patternFlags(e.text()), detector.modelScore(e.text()), detector.assess(e.text())));
        }
        return scored;
    }

    /** Each example scored by a detector trained without its fold; folds are stratified by label. */
    static List<Scored> crossValidate(SafeguardingData data, double threshold) {
        Map<String, List<LabelledExample>> byLabel = new TreeMap<>();
        for (LabelledExample e : data.examples()) byLabel.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e);
        List<List<LabelledExample>> folds = new ArrayList<>();
        for (int i = 0; i < FOLDS; i++) folds.add(new ArrayList<>());
        Random random = new Random(SEED);
        for (List<LabelledExample> group : byLabel.values()) {
            Collections.shuffle(group, random);
            for (int i = 0; i < group.size(); i++) folds.get(i % FOLDS).add(group.get(i));
        }
        List<Scored> scored = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            List<LabelledExample> training = new ArrayList<>();
            for (int g = 0; g < FOLDS; g++) if (g != f) training.addAll(folds.get(g));
            scored.addAll(score(RiskDetector.train(data, training, threshold), folds.get(f)));
        }
        return scored;
    }

    private static void report(List<Scored> scored, double threshold, PrintStream out) {
        for (RiskCategory c : RiskCategory.values()) {
            List<Scored> of = filter(scored, s -> s.example().label().equals(c.id()));
            if (of.isEmpty()) continue;
            long caught = of.stream().filter(s -> s.assessment().risk()).count();
            long rightCategory = of.stream().filter(s -> s.assessment().categories().contains(c)).count();
            out.printf(Locale.ROOT, "  recall %-18s %s   (category named: %s)%n", c.id(), ratio(caught, of.size()), ratio(rightCategory, of.size()));
        }
        List<Scored> risks = filter(scored, s -> s.example().isRisk());
        List<Scored> nones = filter(scored, s -> !s.example().isRisk());
        List<Scored> idioms = filter(scored, s -> s.example().label().equals("none-idiom"));
        out.printf(Locale.ROOT, "  recall overall            %s   (patterns alone %s, model alone %s)%n",
                ratio(count(risks, s -> s.assessment().risk()), risks.size()),
                ratio(count(risks, Scored::pattern), risks.size()),
                ratio(count(risks, s -> s.modelScore() >= threshold), risks.size()));
        out.printf(Locale.ROOT, "  false alarms on all none  %s%n", ratio(count(nones, s -> s.assessment().risk()), nones.size()));
        out.printf(Locale.ROOT, "  false alarms on idioms    %s%n", ratio(count(idioms, s -> s.assessment().risk()), idioms.size()));
    }

    private static void printMistakes(List<Scored> scored, double threshold, PrintStream out) {
        for (Scored s : scored) {
            boolean flagged = s.assessment().risk();
            if (flagged == s.example().isRisk()) continue;
            out.printf(Locale.ROOT, "    %s %-18s %.2f %s  %s%n", flagged ? "FALSE ALARM" : "MISSED     ", s.example().label(),
                    s.modelScore(), s.pattern() ? "pattern" : "       ", s.example().text());
        }
    }

    /** Recall and false alarms across thresholds, and the threshold the recall-first rule picks. */
    static double sweep(List<Scored> cv, double current, PrintStream out) {
        List<Scored> risks = filter(cv, s -> s.example().isRisk());
        List<Scored> nones = filter(cv, s -> !s.example().isRisk());
        List<Scored> idioms = filter(cv, s -> s.example().label().equals("none-idiom"));
        double chosen = Double.NaN;
        out.println("  threshold  CV recall  false alarms (none)  false alarms (idioms)");
        for (int t = 5; t <= 95; t += 5) {
            double threshold = t / 100.0;
            double recall = rate(risks, threshold);
            double idiomRate = rate(idioms, threshold);
            if (Double.isNaN(chosen) && idiomRate <= MAX_IDIOM_FALSE_ALARMS) chosen = threshold;
            out.printf(Locale.ROOT, "  %9.2f  %9.3f  %19.3f  %21.3f%s%n", threshold, recall, rate(nones, threshold), idiomRate,
                    Math.abs(threshold - current) < 1e-9 ? "   <- current" : "");
        }
        out.printf(Locale.ROOT, "  Suggested threshold (the lowest, i.e. highest recall, whose CV idiom false alarms are at most %.1f%%): %.2f%n",
                MAX_IDIOM_FALSE_ALARMS * 100, chosen);
        return chosen;
    }

    private static double rate(List<Scored> scored, double threshold) {
        return scored.isEmpty() ? 0 : (double) count(scored, s -> s.flaggedAt(threshold)) / scored.size();
    }

    private static List<Scored> filter(List<Scored> scored, Predicate<Scored> p) {
        return scored.stream().filter(p).toList();
    }

    private static long count(List<Scored> scored, Predicate<Scored> p) {
        return scored.stream().filter(p).count();
    }

    private static String ratio(long n, int of) {
        return String.format(Locale.ROOT, "%5.1f%% (%d/%d)", of == 0 ? 0.0 : 100.0 * n / of, n, of);
    }
}
