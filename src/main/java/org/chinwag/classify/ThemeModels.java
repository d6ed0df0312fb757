package org.chinwag.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The raw one-vs-rest scorer: one binary OpenNLP maxent model per theme (outcomes "1" and "0").
 * A theme's raw score for a reply is the highest P("1") over the reply's segments.
 *
 * <p>Scoring does not call each model's {@code eval}: that looks every feature up once per theme
 * and normalises each model on its own, which made theme scoring the slower half of the text
 * analysis. The models are folded once into one table, feature to the per-theme difference of the
 * "1" and "0" weights, so a segment costs one lookup per feature and one logistic per theme. For
 * two outcomes the maxent softmax is exactly that logistic; a test holds the two equal.
 */
final class ThemeModels {
  final List<String> themeIds;
  final MaxentModel[] models;
  private final Features features;
  /** Feature to, per theme, weight("1") - weight("0"). */
  private final Map<String, double[]> margins;
  /** Per theme, the margin of a segment with no known feature; 0 unless a model lacks an outcome. */
  private final double[] baseMargin;

  ThemeModels(List<String> themeIds, MaxentModel[] models, Features features) {
    this.themeIds = themeIds;
    this.models = models;
    this.features = features;
    this.margins = new HashMap<>();
    this.baseMargin = new double[models.length];
    for (int m = 0; m < models.length; m++) {
      fold(m, models[m]);
    }
  }

  @SuppressWarnings("unchecked")
  private void fold(int m, MaxentModel model) {
    int positive = model.getIndex("1");
    int negative = model.getIndex("0");
    if (positive < 0) {
      // a theme with no positive examples can never be raised
      baseMargin[m] = Double.NEGATIVE_INFINITY;
      return;
    }
    Map<String, Context> byFeature = (Map<String, Context>) ((AbstractModel) model).getDataStructures()[1];
    byFeature.forEach((feature, context) -> {
      int[] outcomes = context.getOutcomes();
      double[] parameters = context.getParameters();
      double margin = 0;
      for (int k = 0; k < outcomes.length; k++) {
        if (outcomes[k] == positive) {
          margin += parameters[k];
        } else if (outcomes[k] == negative) {
          margin -= parameters[k];
        }
      }
      if (margin != 0) {
        margins.computeIfAbsent(feature, f -> new double[models.length])[m] = margin;
      }
    });
  }

  double[] rawScores(String text) {
    double[] best = new double[models.length];
    double[] margin = new double[models.length];
    for (String seg : Segmenter.segments(text)) {
      System.arraycopy(baseMargin, 0, margin, 0, margin.length);
      for (String feature : features.extract(seg)) {
        double[] w = margins.get(feature);
        if (w != null) {
          for (int m = 0; m < w.length; m++) {
            margin[m] += w[m];
          }
        }
      }
      for (int m = 0; m < margin.length; m++) {
        double p = 1.0 / (1.0 + Math.exp(-margin[m]));
        if (p > best[m]) {
          best[m] = p;
        }
      }
    }
    return best;
  }

  /** P("1") of one theme's own model for the features of a text: the reference the table is held to. */
  double modelProbability(int theme, String text) {
    int positive = models[theme].getIndex("1");
    return positive < 0 ? 0 : models[theme].eval(features.extract(text))[positive];
  }
}
