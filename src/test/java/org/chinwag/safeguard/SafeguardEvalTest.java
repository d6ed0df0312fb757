package org.chinwag.safeguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chinwag.safeguard.LabelledExample.Population;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation on a tiny campaign, so it stays fast; the real figures are in docs/safeguarding.md. */
class SafeguardEvalTest {

    @TempDir Path intents;
    Path dir;

    @BeforeEach
    void tinyCampaign() throws Exception {
        dir = Files.createDirectories(intents.resolve("tiny/safeguarding"));
        Files.writeString(dir.resolve("detector.properties"), "threshold.check=0.5\nthreshold.urgent=0.9\n");
        Files.writeString(dir.resolve("patterns-en.txt"), "suicide | kill myself\nidiom | dying for a\n");
        Files.writeString(dir.resolve("context-en.txt"), "past | years ago\nresolved | fine now\n");
        StringBuilder examples = new StringBuilder();
        StringBuilder ordinary = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            examples.append("suicide\ti want to end my life ").append(i).append('\n');
            examples.append("abuse\tmy partner hits me ").append(i).append('\n');
            examples.append("none-past\tmy partner hit me years ago but i am fine now ").append(i).append('\n');
            examples.append("none-idiom\tdying for a brew ").append(i).append('\n');
            ordinary.append("healthy\twalking the dog ").append(i).append('\n');
            ordinary.append("barriers\tthe bus was late again ").append(i).append('\n');
        }
        Files.writeString(dir.resolve("examples.tsv"), examples);
        Files.writeString(dir.resolve("ordinary.tsv"), ordinary);
        Files.writeString(dir.resolve("heldout.tsv"), "suicide\ti will kill myself\nabuse\the hits me\nnone-idiom\tdying for a cuppa\n");
        Files.writeString(dir.resolve("heldout-ordinary.tsv"), "healthy\tnice park\nchat\twho is this\n");
    }

    @Test
    void reportsEachPopulationWithIntervalsOnHeldOutAndCrossValidation() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SafeguardEval.run(intents, "tiny", new PrintStream(bytes, true, StandardCharsets.UTF_8), true, true, null);
        String out = bytes.toString(StandardCharsets.UTF_8);
        for (String expected : new String[] {"Held-out", "cross-validation", "recall on disclosures", "false alarms, hard everyday",
                "false alarms, ordinary replies", "95% CI", "suicide", "abuse", "none-idiom", "none-past", "healthy", "barriers",
                "chat", "by language", "Suggested for the English model", "Suggested for the other languages' model"}) {
            assertTrue(out.contains(expected), "missing '" + expected + "' in:\n" + out);
        }
        assertTrue(out.contains("60 training examples (20 disclosures, 20 hard, 20 ordinary), 5 held out (2 disclosures, 1 hard, 2 ordinary)"), out);
    }

    @Test
    void wilsonIntervalsAreRight() {
        double[] ci = new SafeguardEval.Rate(1, 100).interval();
        assertEquals(0.0018, ci[0], 0.0002);
        assertEquals(0.0545, ci[1], 0.0005);
        double[] none = new SafeguardEval.Rate(0, 1000).interval();
        assertEquals(0.0, none[0], 1e-9);
        assertEquals(0.0038, none[1], 0.0002);
    }

    /** The check threshold moves with each none population: the choice reads all three. */
    @Test
    void theThresholdChoiceReadsAllThreePopulations() {
        SafeguardingData data = SafeguardingData.read(IntentFiles.folder(intents), "tiny");
        RiskDetector detector = RiskDetector.train(data, data.examples(), data.settings());
        // disclosures score 0.7, hard everyday lines 0.3, ordinary replies as given
        assertEquals(0.35, chosen(detector, 0.3, 0.2), 1e-9, "above the hard lines");
        assertEquals(0.5, chosen(detector, 0.3, 0.45), 1e-9, "above the ordinary replies too");
        assertEquals(0.65, chosen(detector, 0.6, 0.2), 1e-9, "hard lines scoring higher push it up");
    }

    private static double chosen(RiskDetector detector, double hardScore, double ordinaryScore) {
        List<SafeguardEval.Scored> cv = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            cv.add(scored(Population.DISCLOSURE, 0.7));
            cv.add(scored(Population.HARD, hardScore));
            cv.add(scored(Population.ORDINARY, ordinaryScore));
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return SafeguardEval.choose(detector, cv, detector.settings(), quiet).english().check();
    }

    private static SafeguardEval.Scored scored(Population population, double score) {
        LabelledExample e = new LabelledExample(population == Population.DISCLOSURE ? "suicide" : "none", "text", "en", population, "g");
        var reading = new RiskDetector.Reading(RiskLevel.NONE, Set.of(), null, "en",
                new RiskModel.Scores(score, Map.of(RiskCategory.SUICIDE, score)), RiskModel.Scores.NONE);
        return new SafeguardEval.Scored(e, reading, RiskAssessment.NONE);
    }
}
