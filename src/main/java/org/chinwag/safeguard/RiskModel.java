package org.chinwag.safeguard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import opennlp.tools.doccat.DocumentCategorizerEventStream;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.monitoring.StopCriteria;
import opennlp.tools.monitoring.TrainingMeasure;
import opennlp.tools.monitoring.TrainingProgressMonitor;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingConfiguration;
import opennlp.tools.util.TrainingParameters;

/**
 * An OpenNLP maximum-entropy document categoriser over {@code none} and the risk categories,
 * trained from labelled examples at load. Its risk score is 1 - P(none): a text that looks like
 * any kind of disclosure scores high even when the model is unsure which kind.
 *
 * <p>It is built from the same parts as {@code DocumentCategorizerME.train} (document event
 * stream, GIS maxent trainer) but held as a plain {@link MaxentModel}: that trains quietly (the
 * stock path logs every iteration), in memory (the default indexer writes a temporary file) and
 * needs no reflective loading of our feature generator.
 */
final class RiskModel {

    /** What the model thinks of one text: P(any risk), and P(category) for each risk category. */
    record Scores(double risk, Map<RiskCategory, Double> byCategory) {
        static final Scores NONE = new Scores(0.0, Map.of());
    }

    /**
     * Limited-memory quasi-Newton maxent with L2 regularisation only: on our examples it separates
     * disclosures from everyday text far better than plain GIS (which overfits rare words) and
     * converges in well under 100 iterations. Chosen by cross-validation, see docs/safeguarding.md.
     */
    static final String ALGORITHM = "MAXENT_QN";
    static final int ITERATIONS = 100;
    static final double L1_COST = 0.0;
    static final double L2_COST = 1.0;

    private final MaxentModel maxent;
    private final RiskFeatures features;

    private RiskModel(MaxentModel maxent, RiskFeatures features) {
        this.maxent = maxent;
        this.features = features;
    }

    /** Trains on the examples' tokens, as {@code tokens} makes them from a text. */
    static RiskModel train(List<LabelledExample> examples, Function<LabelledExample, String[]> tokenizer, RiskFeatures features) {
        List<DocumentSample> samples = new ArrayList<>(examples.size());
        for (LabelledExample e : examples) {
            String[] tokens = tokenizer.apply(e);
            if (tokens.length > 0) samples.add(new DocumentSample(e.trainingLabel(), tokens));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, ALGORITHM);
        params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(QNTrainer.L1COST_PARAM, L1_COST);
        params.put(QNTrainer.L2COST_PARAM, L2_COST);
        params.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
        try {
            EventTrainer trainer = TrainerFactory.getEventTrainer(params, new HashMap<>(),
                    new TrainingConfiguration(new QuietMonitor(), null));
            return new RiskModel(trainer.train(new DocumentCategorizerEventStream(
                    ObjectStreamUtils.createObjectStream(samples), features)), features);
        } catch (IOException e) {
            throw new UncheckedIOException("training the risk model failed", e);
        }
    }

    /**
     * As {@link #train}, but keeps the trained model in {@code cacheDir} under a name derived from
     * everything that shapes it ({@code fingerprint}), so a restart with unchanged data skips
     * training. A missing, stale or unreadable cache file just means training again.
     */
    static RiskModel trainOrLoad(List<LabelledExample> examples, Function<LabelledExample, String[]> tokenizer,
                                 RiskFeatures features, String fingerprint, Path cacheDir) {
        Path file = cacheDir.resolve("risk-model-" + sha256(fingerprint + "|" + settingsFingerprint()) + ".bin");
        if (Files.isRegularFile(file)) {
            try {
                return new RiskModel(new GenericModelReader(file.toFile()).getModel(), features);
            } catch (IOException | RuntimeException e) {
                // fall through and retrain: the cache is only an optimisation
            }
        }
        RiskModel model = train(examples, tokenizer, features);
        try {
            Files.createDirectories(cacheDir);
            Path partial = Files.createTempFile(cacheDir, "risk-model-", ".part");
            new GenericModelWriter((AbstractModel) model.maxent, partial.toFile()).persist();
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // an unwritable cache is not fatal either
        }
        return model;
    }

    private static String settingsFingerprint() {
        return ALGORITHM + "/" + ITERATIONS + "/" + L1_COST + "/" + L2_COST + "/" + RiskFeatures.VERSION;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Scores score(String[] tokens) {
        if (tokens.length == 0) return new Scores(0.0, Map.of());
        double[] p = maxent.eval(features.extractFeatures(tokens, Map.of()).toArray(String[]::new));
        double none = 0.0;
        Map<RiskCategory, Double> byCategory = new EnumMap<>(RiskCategory.class);
        for (int i = 0; i < p.length; i++) {
            String label = maxent.getOutcome(i);
            double probability = p[i];
            if (label.equals(LabelledExample.NONE)) none = probability;
            else RiskCategory.fromId(label).ifPresent(c -> byCategory.put(c, probability));
        }
        return new Scores(1.0 - none, byCategory);
    }

    /** Training progress is of no interest at load time. */
    private static final class QuietMonitor implements TrainingProgressMonitor {
        private boolean finished;

        @Override
        public void finishedIteration(int iteration, int numberCorrectEvents, int totalEvents, TrainingMeasure measure, double value) {}

        @Override
        public void finishedTraining(int iterations, StopCriteria<?> stopCriteria) {
            finished = true;
        }

        @Override
        public boolean isTrainingFinished() {
            return finished;
        }

        @Override
        public void display(boolean isForced) {}
    }
}
