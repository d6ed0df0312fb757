package org.chinwag.classify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The raw one-vs-rest scorer: one binary OpenNLP maxent model per theme (outcomes "1" and "0").
 * A theme's raw score for a reply is the highest P("1") over the reply's segments.
 */
final class ThemeModels {
  final List<String> themeIds;
  final MaxentModel[] models;
  private final int[] positiveIndex;
  private final Features features;
  private final Map<String, String[]> featureCache;

  ThemeModels(List<String> themeIds, MaxentModel[] models, Features features, boolean cacheFeatures) {
    this.themeIds = themeIds;
    this.models = models;
    this.features = features;
    this.positiveIndex = new int[models.length];
    for (int i = 0; i < models.length; i++) {
      positiveIndex[i] = models[i].getIndex("1");
    }
    this.featureCache = cacheFeatures ? new ConcurrentHashMap<>() : null;
  }

  double[] rawScores(String text) {
    double[] best = new double[models.length];
    for (String seg : Segmenter.segments(text)) {
      String[] f = featureCache == null ? features.extract(seg) : featureCache.computeIfAbsent(seg, features::extract);
      for (int i = 0; i < models.length; i++) {
        double p = positiveIndex[i] < 0 ? 0 : models[i].eval(f)[positiveIndex[i]];
        if (p > best[i]) {
          best[i] = p;
        }
      }
    }
    return best;
  }
}
