package org.chinwag.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.chinwag.conversation.Inbound;
import org.chinwag.messages.ChannelMessage;
import org.chinwag.testing.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process against a real SQLite file. */
class MainTest {

    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    Run run(String... args) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        Path config = dir.resolve("empty.properties");
        Files.writeString(config, "");
        int code = Main.run(args, Map.of("CHINWAG_CONFIG", config.toString(),
                "CHINWAG_DB_URL", "jdbc:sqlite:" + dir.resolve("chinwag.db")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void migrateThenTokenCreateWorksAgainstTheSameDatabaseTheServiceUses() throws Exception {
        assertEquals(0, run("migrate").code());
        Run created = run("token", "create", "--name", "reporting");
        assertEquals(0, created.code());
        String token = created.out().strip();
        assertTrue(token.startsWith("cw_"));
        assertEquals(1, run("token", "create", "--name", "reporting").code(), "names are unique");
        try (RunningService service = RunningService.start(dir, Map.of())) {
            assertEquals(200, service.get("/api/replies", token).statusCode());
        }
        assertEquals(0, run("token", "revoke", "--name", "reporting").code());
        try (RunningService service = RunningService.start(dir, Map.of())) {
            assertEquals(401, service.get("/api/replies", token).statusCode());
        }
    }

    @Test
    void participantShowAndForgetActOnTheReferenceTheResidentWasGiven() throws Exception {
        String pseudonym;
        try (RunningService service = RunningService.start(dir, Map.of())) {
            var inbox = service.service().inbox();
            inbox.receive(new ChannelMessage("telegram", "4242", "1", Inbound.fromTyped("/start"), "en"));
            inbox.receive(new ChannelMessage("telegram", "4242", "2", new Inbound.ButtonPress("yes", "Yes"), "en"));
            inbox.receive(new ChannelMessage("telegram", "4242", "3", Inbound.fromTyped("The leisure centre"), "en"));
            pseudonym = service.service().database().dsl().fetchValue("select pseudonym from participant").toString();
        }
        Run shown = run("participant", "show", pseudonym);
        assertEquals(0, shown.code());
        var json = new ObjectMapper().readTree(shown.out());
        assertEquals("The leisure centre", json.at("/replies/0/text").asText());
        assertFalse(shown.out().contains("4242"), "the channel id is not part of what staff see");

        assertEquals(0, run("participant", "forget", pseudonym).code());
        assertEquals(1, run("participant", "show", pseudonym).code());
        assertEquals(1, run("participant", "forget", pseudonym).code());
    }

    @Test
    void badCommandsAndSettingsExitNonZeroWithAClearLine() throws Exception {
        assertEquals(2, run("frobnicate").code());
        assertEquals(2, run("token", "create").code());
        assertEquals(2, run("participant", "show").code());
        var err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"migrate"}, Map.of("CHINWAG_CONFIG", dir.resolve("missing").toString()),
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("chinwag: configuration error: CHINWAG_CONFIG:"));
    }
}
