package org.chinwag.classify;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Development entry point (the application's real CLI lives in app.Main):
 * <pre>
 *   classify [campaign]          stdin replies -> JSON lines on stdout
 *   evaluate [campaign] [folds]  cross-validation + held-out scores
 *   train [campaign]             train (or load) and print the model header
 * </pre>
 * Intents come from {@code CHINWAG_INTENTS_DIR} (default {@code intents}); the model cache from
 * {@code CHINWAG_MODEL_DIR} (default {@code data/models}).
 */
public final class ClassifyMain {
  private ClassifyMain() {}

  public static void main(String[] args) {
    String cmd = args.length > 0 ? args[0] : "classify";
    String campaign = args.length > 1 ? args[1] : "big-chat";
    Path intents = Path.of(env("CHINWAG_INTENTS_DIR", "intents"));
    Path cache = Path.of(env("CHINWAG_MODEL_DIR", "data/models"));
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
        StandardCharsets.UTF_8);
    switch (cmd) {
      case "classify" -> ClassifyCli.run(ThemeClassifier.loadOrTrain(intents, campaign, cache), System.in, out);
      case "evaluate" -> EvaluateCli.run(intents, campaign, args.length > 2 ? Integer.parseInt(args[2]) : 10, out,
          cache);
      case "train" -> {
        long t = System.nanoTime();
        ThemeClassifier c = ThemeClassifier.loadOrTrain(intents, campaign, cache);
        out.printf("%s %s in %.1f s%n%s%n", c.modelVersion(), c.loadedFromCache() ? "loaded" : "trained",
            (System.nanoTime() - t) / 1e9, c.modelInfo());
      }
      default -> {
        System.err.println("usage: ClassifyMain classify|evaluate|train [campaign] [folds]");
        System.exit(2);
      }
    }
    out.flush();
  }

  private static String env(String name, String dflt) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? dflt : v;
  }
}
