package org.chinwag.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Training: one binary maxent model per theme (OpenNLP's L-BFGS maxent, {@code MAXENT_QN}, with
 * L2 regularisation), on the examples plus their augmentations; per-theme Platt calibration and
 * decision thresholds chosen on out-of-fold scores of an inner cross-validation.
 */
final class Trainer {
  static final int INNER_FOLDS = 5;
  static final long SEED = 20231103L;
  static final String ALGORITHM = "MAXENT_QN";
  static final double L2_COST = 0.5;
  static final int ITERATIONS = 60;
  static final int CUTOFF = 1;
  /** Thresholds are searched in this range on calibrated out-of-fold scores. */
  static final double MIN_THRESHOLD = 0.2;
  static final double MAX_THRESHOLD = 0.9;

  private Trainer() {}

  /** A trained model with its calibration and thresholds. */
  record Trained(ThemeModels models, Platt[] platts, double[] thresholds, double[][] oofCalibrated) {}

  static Trained train(List<Example> examples, List<String> themeIds, Features features, int innerFolds) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      double[][] oof = outOfFoldScores(examples, themeIds, features, innerFolds, SEED, pool);
      Platt[] platts = new Platt[themeIds.size()];
      double[] thresholds = new double[themeIds.size()];
      double[][] cal = calibrateAll(examples, themeIds, oof, oof, platts, thresholds);
      MaxentModel[] models = trainModels(examples, themeIds, features, SEED, pool);
      return new Trained(new ThemeModels(themeIds, models, features), platts, thresholds, cal);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Fits Platt scaling and picks the F1-best threshold per theme on {@code fitScores}, then returns
   * {@code applyScores} calibrated. Fills {@code platts} and {@code thresholds}.
   */
  static double[][] calibrateAll(List<Example> fitExamples, List<String> themeIds, double[][] fitScores,
      double[][] applyScores, Platt[] platts, double[] thresholds) {
    int t = themeIds.size();
    for (int j = 0; j < t; j++) {
      double[] s = new double[fitScores.length];
      boolean[] y = new boolean[fitScores.length];
      for (int i = 0; i < s.length; i++) {
        s[i] = fitScores[i][j];
        y[i] = fitExamples.get(i).labels().contains(themeIds.get(j));
      }
      platts[j] = Platt.fit(s, y);
      double[] c = new double[s.length];
      for (int i = 0; i < s.length; i++) {
        c[i] = platts[j].apply(s[i]);
      }
      thresholds[j] = bestThreshold(c, y);
    }
    double[][] out = new double[applyScores.length][t];
    for (int i = 0; i < applyScores.length; i++) {
      for (int j = 0; j < t; j++) {
        out[i][j] = platts[j].apply(applyScores[i][j]);
      }
    }
    return out;
  }

  static double bestThreshold(double[] scores, boolean[] positive) {
    double best = 0.5;
    double bestF1 = -1;
    for (int k = (int) Math.round(MIN_THRESHOLD * 100); k <= (int) Math.round(MAX_THRESHOLD * 100); k++) {
      double th = k / 100.0;
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (int i = 0; i < scores.length; i++) {
        boolean pred = scores[i] >= th;
        if (pred && positive[i]) {
          tp++;
        } else if (pred) {
          fp++;
        } else if (positive[i]) {
          fn++;
        }
      }
      double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
      if (f1 > bestF1 + 1e-9) {
        bestF1 = f1;
        best = th;
      }
    }
    return best;
  }

  /** Raw out-of-fold scores: every example scored by a model trained without its fold. */
  static double[][] outOfFoldScores(List<Example> examples, List<String> themeIds, Features features,
      int k, long seed, ExecutorService pool) {
    List<List<Integer>> folds = folds(examples, k, seed);
    double[][] out = new double[examples.size()][];
    for (int f = 0; f < folds.size(); f++) {
      List<Integer> test = folds.get(f);
      List<Example> train = new ArrayList<>();
      boolean[] inTest = new boolean[examples.size()];
      test.forEach(i -> inTest[i] = true);
      for (int i = 0; i < examples.size(); i++) {
        if (!inTest[i]) {
          train.add(examples.get(i));
        }
      }
      MaxentModel[] models = trainModels(train, themeIds, features, seed + f, pool);
      ThemeModels tm = new ThemeModels(themeIds, models, features);
      List<Future<?>> jobs = new ArrayList<>();
      for (int i : test) {
        jobs.add(pool.submit(() -> out[i] = tm.rawScores(examples.get(i).text())));
      }
      await(jobs);
    }
    return out;
  }

  /** Stratified folds: examples grouped by label set, shuffled, dealt round-robin. */
  static List<List<Integer>> folds(List<Example> examples, int k, long seed) {
    Map<String, List<Integer>> groups = new HashMap<>();
    for (int i = 0; i < examples.size(); i++) {
      List<String> l = new ArrayList<>(examples.get(i).labels());
      Collections.sort(l);
      groups.computeIfAbsent(l.size() > 1 ? "multi" : String.join(",", l), x -> new ArrayList<>()).add(i);
    }
    List<String> keys = new ArrayList<>(groups.keySet());
    Collections.sort(keys);
    Random rnd = new Random(seed);
    List<List<Integer>> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      folds.add(new ArrayList<>());
    }
    int next = 0;
    for (String key : keys) {
      List<Integer> g = groups.get(key);
      Collections.shuffle(g, rnd);
      for (int i : g) {
        folds.get(next).add(i);
        next = (next + 1) % k;
      }
    }
    return folds;
  }

  static MaxentModel[] trainModels(List<Example> base, List<String> themeIds, Features features, long seed,
      ExecutorService pool) {
    List<Example> train = Augmenter.augment(base, seed);
    String[][] feats = new String[train.size()][];
    List<Future<?>> jobs = new ArrayList<>();
    int chunk = 256;
    for (int start = 0; start < train.size(); start += chunk) {
      int s = start;
      jobs.add(pool.submit(() -> {
        for (int i = s; i < Math.min(train.size(), s + chunk); i++) {
          feats[i] = features.extract(train.get(i).text());
        }
      }));
    }
    await(jobs);
    if (Boolean.getBoolean("chinwag.classify.verbose")) {
      System.err.printf("features for %d examples ready%n", train.size());
    }
    MaxentModel[] models = new MaxentModel[themeIds.size()];
    List<Future<?>> trainJobs = new ArrayList<>();
    for (int j = 0; j < themeIds.size(); j++) {
      int jj = j;
      trainJobs.add(pool.submit(() -> {
        String id = themeIds.get(jj);
        List<Event> events = new ArrayList<>(train.size());
        for (int i = 0; i < train.size(); i++) {
          events.add(new Event(train.get(i).labels().contains(id) ? "1" : "0", feats[i]));
        }
        long t0 = System.nanoTime();
        models[jj] = trainBinary(events);
        if (Boolean.getBoolean("chinwag.classify.verbose")) {
          System.err.printf("trained %s on %d events in %.2f s%n", id, events.size(), (System.nanoTime() - t0) / 1e9);
        }
      }));
    }
    await(trainJobs);
    return models;
  }

  static MaxentModel trainBinary(List<Event> events) {
    TrainingParameters p = new TrainingParameters();
    p.put(TrainingParameters.ALGORITHM_PARAM, ALGORITHM);
    p.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
    p.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
    p.put("L2Cost", L2_COST);
    p.put("L1Cost", 0.0);
    p.put("DataIndexer", "OnePass");
    p.put("PrintMessages", false);
    EventTrainer trainer = TrainerFactory.getEventTrainer(p, null);
    try {
      return trainer.train(new CollectionObjectStream<>(events));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void await(List<Future<?>> jobs) {
    for (Future<?> j : jobs) {
      try {
        j.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }
}
