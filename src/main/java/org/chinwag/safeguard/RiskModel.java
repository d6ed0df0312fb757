package org.chinwag.safeguard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * An OpenNLP maximum-entropy document categoriser over {@code none} and the risk categories,
 * trained from labelled examples at load. Its risk score is 1 - P(none): a text that looks like
 * any kind of disclosure scores high even when the model is unsure which kind.
 */
final class RiskModel {

    /** What the model thinks of one text: P(any risk), and P(category) for each risk category. */
    record Scores(double risk, Map<RiskCategory, Double> byCategory) {}

    private final DocumentCategorizerME categoriser;

    private RiskModel(DoccatModel model) {
        this.categoriser = new DocumentCategorizerME(model);
    }

    /** Trains on normalised texts; examples' labels must include {@code none}. */
    static RiskModel train(List<LabelledExample> examples, TextNormaliser normaliser, PhrasePatterns patterns) {
        List<DocumentSample> samples = new ArrayList<>(examples.size());
        for (LabelledExample e : examples) {
            samples.add(new DocumentSample(e.trainingLabel(), tokens(normaliser, patterns, e.text())));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.ITERATIONS_PARAM, 300);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        try {
            DoccatModel model = DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples),
                    params, new DoccatFactory(new FeatureGenerator[] {new RiskFeatures()}));
            return new RiskModel(model);
        } catch (IOException e) {
            throw new UncheckedIOException("training the risk model failed", e);
        }
    }

    /** The tokens the model sees: normalised words with idioms blanked out. */
    static String[] tokens(TextNormaliser normaliser, PhrasePatterns patterns, String text) {
        String cleaned = patterns.withoutIdioms(normaliser.normalise(text)).replace('~', ' ').strip();
        return cleaned.isEmpty() ? new String[0] : cleaned.split("\\s+");
    }

    Scores score(String[] tokens) {
        if (tokens.length == 0) return new Scores(0.0, Map.of());
        double[] p = categoriser.categorize(tokens);
        double none = 0.0;
        Map<RiskCategory, Double> byCategory = new EnumMap<>(RiskCategory.class);
        for (int i = 0; i < p.length; i++) {
            String label = categoriser.getCategory(i);
            double probability = p[i];
            if (label.equals(LabelledExample.NONE)) none = probability;
            else RiskCategory.fromId(label).ifPresent(c -> byCategory.put(c, probability));
        }
        return new Scores(1.0 - none, byCategory);
    }
}
