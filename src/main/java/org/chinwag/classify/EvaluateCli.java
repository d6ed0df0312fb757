package org.chinwag.classify;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code evaluate}: k-fold cross-validation on the training examples, then the held-out set. */
public final class EvaluateCli {
  private EvaluateCli() {}

  /** As {@link #run(Path, String, int, PrintStream, Path)} with the cache in {@code data/models}. */
  public static void run(Path intentsDir, String campaignId, int folds, PrintStream out) {
    run(intentsDir, campaignId, folds, out, Path.of("data", "models"));
  }

  public static void run(Path intentsDir, String campaignId, int folds, PrintStream out, Path cacheDir) {
    IntentsData data = IntentsData.load(intentsDir, campaignId);
    out.printf(Locale.ROOT, "campaign %s: %d training examples, %d themes%n", campaignId, data.examples.size(),
        data.themes.size());
    long t0 = System.nanoTime();
    if (folds >= 2) {
      Evaluator.crossValidate(data, folds).print(out);
      out.printf(Locale.ROOT, "(cross-validation took %.1f s)%n%n", (System.nanoTime() - t0) / 1e9);
    }
    long t1 = System.nanoTime();
    ThemeClassifier c = ThemeClassifier.loadOrTrain(intentsDir, campaignId, cacheDir);
    out.printf(Locale.ROOT, "model %s %s in %.1f s%n", c.modelVersion(),
        c.loadedFromCache() ? "loaded from cache" : "trained", (System.nanoTime() - t1) / 1e9);
    out.println("thresholds: " + c.thresholds());
    List<Example> heldout = data.heldout();
    if (heldout.isEmpty()) {
      out.println("no heldout.tsv");
      return;
    }
    Evaluator.evaluate("held-out set (heldout.tsv)", c, heldout).print(out);
    if (Boolean.getBoolean("chinwag.classify.errors")) {
      Evaluator.printErrors(c, heldout, out);
    }
  }
}
