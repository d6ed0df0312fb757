package org.chinwag.classify;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Scores the classifier: k-fold cross-validation on the training examples, and the held-out set.
 *
 * <p>Cross-validation is honest about thresholds too: every example is scored by a model trained
 * without its fold (with augmentation made from the training folds only), and the calibration and
 * thresholds applied to fold f are fitted on the out-of-fold scores of the other folds.
 */
public final class Evaluator {
  private Evaluator() {}

  /** Precision/recall/F1 counts of one theme. */
  public record ThemeStats(String id, int tp, int fp, int fn) {
    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
      return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
  }

  /**
   * A scored run. {@code confusion.get(expected).get(predicted)} counts, for each example with
   * {@code expected} among its gold themes (or "none"), the wrongly predicted themes (or "none"
   * when nothing was predicted although a theme was expected).
   */
  public record Report(String name, int examples, List<ThemeStats> perTheme, double macroF1, double microF1,
      double noneAccuracy, int noneExamples, double exactMatch, int flaggedNeedsReview,
      Map<String, Map<String, Integer>> confusion) {

    public void print(PrintStream out) {
      out.printf(Locale.ROOT, "== %s: %d replies ==%n", name, examples);
      out.printf(Locale.ROOT, "%-22s %6s %6s %6s %5s %5s %5s%n", "theme", "prec", "recall", "F1", "tp", "fp", "fn");
      for (ThemeStats s : perTheme) {
        out.printf(Locale.ROOT, "%-22s %6.3f %6.3f %6.3f %5d %5d %5d%n", s.id(), s.precision(), s.recall(), s.f1(),
            s.tp(), s.fp(), s.fn());
      }
      out.printf(Locale.ROOT, "macro-F1 %.3f   micro-F1 %.3f   none-accuracy %.3f (%d none replies)   exact-match %.3f%n",
          macroF1, microF1, noneAccuracy, noneExamples, exactMatch);
      if (flaggedNeedsReview > 0) {
        out.printf(Locale.ROOT, "flagged needsReview (other language): %d%n", flaggedNeedsReview);
      }
      out.println("confusion (expected -> wrongly predicted: count), top 25:");
      List<Map.Entry<String, Integer>> pairs = new ArrayList<>();
      confusion.forEach((e, m) -> m.forEach((p, c) -> pairs.add(Map.entry(e + " -> " + p, c))));
      pairs.sort((a, b) -> b.getValue() - a.getValue());
      pairs.stream().limit(25).forEach(p -> out.printf(Locale.ROOT, "  %-48s %d%n", p.getKey(), p.getValue()));
    }
  }

  /** Scores predictions against gold labels. */
  public static Report score(String name, List<Example> gold, List<Set<String>> predicted, List<String> themeIds,
      int flagged) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    themeIds.forEach(t -> counts.put(t, new int[3]));
    Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    int none = 0;
    int noneRight = 0;
    int exact = 0;
    for (int i = 0; i < gold.size(); i++) {
      Set<String> g = gold.get(i).labels();
      Set<String> p = predicted.get(i);
      if (g.equals(p)) {
        exact++;
      }
      if (g.isEmpty()) {
        none++;
        if (p.isEmpty()) {
          noneRight++;
        }
      }
      for (String t : themeIds) {
        int[] c = counts.get(t);
        boolean inG = g.contains(t);
        boolean inP = p.contains(t);
        if (inG && inP) {
          c[0]++;
        } else if (inP) {
          c[1]++;
        } else if (inG) {
          c[2]++;
        }
      }
      List<String> expected = g.isEmpty() ? List.of("none") : List.copyOf(g);
      List<String> wrong = new ArrayList<>();
      for (String t : p) {
        if (!g.contains(t)) {
          wrong.add(t);
        }
      }
      if (p.isEmpty() && !g.isEmpty()) {
        wrong.add("none");
      }
      for (String e : expected) {
        for (String w : wrong) {
          confusion.computeIfAbsent(e, k -> new TreeMap<>()).merge(w, 1, Integer::sum);
        }
      }
    }
    List<ThemeStats> stats = new ArrayList<>();
    int tp = 0;
    int fp = 0;
    int fn = 0;
    double macro = 0;
    for (String t : themeIds) {
      int[] c = counts.get(t);
      ThemeStats s = new ThemeStats(t, c[0], c[1], c[2]);
      stats.add(s);
      macro += s.f1();
      tp += c[0];
      fp += c[1];
      fn += c[2];
    }
    double micro = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    return new Report(name, gold.size(), stats, macro / themeIds.size(), micro,
        none == 0 ? 1 : (double) noneRight / none, none, gold.isEmpty() ? 0 : (double) exact / gold.size(), flagged,
        confusion);
  }

  /** k-fold cross-validation on the campaign's training examples. */
  public static Report crossValidate(IntentsData data, int folds) {
    List<String> ids = data.themes.stream().map(Theme::id).toList();
    Features features = new Features(data.lexicon);
    List<Example> ex = data.examples;
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
    double[][] oof;
    try {
      oof = Trainer.outOfFoldScores(ex, ids, features, folds, Trainer.SEED + 1000, pool);
    } finally {
      pool.shutdownNow();
    }
    List<List<Integer>> foldIdx = Trainer.folds(ex, folds, Trainer.SEED + 1000);
    List<Set<String>> predicted = new ArrayList<>();
    for (int i = 0; i < ex.size(); i++) {
      predicted.add(Set.of());
    }
    for (List<Integer> test : foldIdx) {
      boolean[] inTest = new boolean[ex.size()];
      test.forEach(i -> inTest[i] = true);
      List<Example> fitEx = new ArrayList<>();
      List<double[]> fitScores = new ArrayList<>();
      for (int i = 0; i < ex.size(); i++) {
        if (!inTest[i]) {
          fitEx.add(ex.get(i));
          fitScores.add(oof[i]);
        }
      }
      double[][] apply = new double[test.size()][];
      for (int k = 0; k < test.size(); k++) {
        apply[k] = oof[test.get(k)];
      }
      Platt[] platts = new Platt[ids.size()];
      double[] th = new double[ids.size()];
      double[][] cal = Trainer.calibrateAll(fitEx, ids, fitScores.toArray(new double[0][]), apply, platts, th);
      for (int k = 0; k < test.size(); k++) {
        Set<String> p = new java.util.LinkedHashSet<>();
        for (int j = 0; j < ids.size(); j++) {
          if (cal[k][j] >= th[j]) {
            p.add(ids.get(j));
          }
        }
        predicted.set(test.get(k), p);
      }
    }
    if (Boolean.getBoolean("chinwag.classify.errors")) {
      for (int i = 0; i < ex.size(); i++) {
        if (!predicted.get(i).equals(ex.get(i).labels())) {
          System.err.printf(Locale.ROOT, "cv-error gold=%s pred=%s | %s%n", ex.get(i).labels(), predicted.get(i),
              ex.get(i).text());
        }
      }
    }
    return score(folds + "-fold cross-validation on examples/", ex, predicted, ids, 0);
  }

  /** Scores a trained classifier on labelled replies (e.g. heldout.tsv). */
  public static Report evaluate(String name, ThemeClassifier c, List<Example> gold) {
    List<Set<String>> predicted = new ArrayList<>();
    int flagged = 0;
    for (Example e : gold) {
      Classification r = c.classify(e.text());
      if (r.needsReview()) {
        flagged++;
      }
      Set<String> p = new java.util.LinkedHashSet<>();
      r.themes().forEach(s -> p.add(s.id()));
      predicted.add(p);
    }
    return score(name, gold, predicted, c.themes().stream().map(Theme::id).toList(), flagged);
  }

  /** Lists held-out or other labelled replies the classifier gets wrong (for error analysis). */
  static void printErrors(ThemeClassifier c, List<Example> gold, PrintStream out) {
    for (Example e : gold) {
      Classification r = c.classify(e.text());
      Set<String> p = new java.util.LinkedHashSet<>();
      r.themes().forEach(s -> p.add(s.id()));
      if (!p.equals(e.labels())) {
        out.printf(Locale.ROOT, "gold=%s pred=%s %s| %s%n", e.labels(), r.themes(), r.needsReview() ? "[review] " : "",
            e.text());
      }
    }
  }
}
