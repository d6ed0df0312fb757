package org.chinwag.safeguard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the evaluation on a tiny campaign, so it stays fast; the real figures are in docs/safeguarding.md. */
class SafeguardEvalTest {

    @Test
    void printsRecallFalseAlarmsAndCrossValidation(@TempDir Path intents) throws Exception {
        Path dir = Files.createDirectories(intents.resolve("tiny/safeguarding"));
        Files.writeString(dir.resolve("detector.properties"), "languages=en\nthreshold=0.5\n");
        Files.writeString(dir.resolve("patterns-en.txt"), "suicide | kill myself\nidiom | dying for a\n");
        StringBuilder examples = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            examples.append("suicide\ti want to end my life ").append(i).append('\n');
            examples.append("abuse\tmy partner hits me ").append(i).append('\n');
            examples.append("none\tthe bus was late again ").append(i).append('\n');
            examples.append("none-idiom\tdying for a brew ").append(i).append('\n');
        }
        Files.writeString(dir.resolve("examples.tsv"), examples);
        Files.writeString(dir.resolve("heldout.tsv"), "suicide\ti will kill myself\nabuse\the hits me\nnone\tnice park\nnone-idiom\tdying for a cuppa\n");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SafeguardEval.run(intents, "tiny", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        for (String expected : new String[] {"Held-out", "recall suicide", "recall abuse", "recall overall",
                "false alarms on all none", "false alarms on idioms", "cross-validation", "Suggested threshold"}) {
            assertTrue(out.contains(expected), "missing '" + expected + "' in:\n" + out);
        }
    }
}
