package org.chinwag.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.chinwag.store.schema.Tables.REPLY_TAG;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chinwag.testing.TestDatabase;
import org.chinwag.conversation.Inbound;
import org.chinwag.conversation.ScriptLibrary;
import org.chinwag.testing.ChinwagProcess;
import org.chinwag.testing.Leftovers;
import org.chinwag.testing.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process against a real SQLite file. */
class MainTest {

    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    Run run(String... args) throws Exception {
        return runWithInput("", args);
    }

    Run runWithInput(String stdin, String... args) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        Path config = dir.resolve("empty.properties");
        Files.writeString(config, "");
        int code = Main.run(args, Map.of("CHINWAG_CONFIG", config.toString(),
                        "CHINWAG_DB_URL", TestDatabase.url(dir),
                        // the models the build trained, as the service in RunningService uses them
                        "CHINWAG_MODEL_DIR", Path.of("target/classes/models").toAbsolutePath().toString()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void classifyWritesOneJsonLinePerInputLineInOrder() throws Exception {
        Run run = runWithInput("the buses never come\nhello\n\n"
                + "Autobusy są zawsze spóźnione i nie mogę dostać się do lekarza\n"
                + "\uFEFFI don't want to be here anymore\n"
                + "not been right for weeks, can't be bothered with anything\n", "classify");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(6, lines.size(), run.out());
        ObjectMapper json = new ObjectMapper();
        JsonNode bus = json.readTree(lines.get(0));
        assertEquals("the buses never come", bus.get("text").asText());
        assertEquals("transport", bus.at("/themes/0/id").asText());
        double confidence = bus.at("/themes/0/confidence").asDouble();
        assertTrue(confidence > 0 && confidence <= 1, bus.toString());
        assertEquals("en", bus.get("language").asText());
        assertFalse(bus.get("risk").asBoolean());
        assertEquals("none", bus.get("risk_level").asText());
        assertEquals(0, bus.get("risk_categories").size());
        assertEquals(0, json.readTree(lines.get(1)).get("themes").size(), lines.get(1));
        assertEquals("", json.readTree(lines.get(2)).get("text").asText());
        JsonNode polish = json.readTree(lines.get(3));
        assertEquals("pl", polish.get("language").asText());
        assertEquals(0, polish.get("themes").size());
        JsonNode risky = json.readTree(lines.get(4));
        assertEquals("I don't want to be here anymore", risky.get("text").asText(), "a byte order mark is dropped");
        assertTrue(risky.get("risk").asBoolean(), risky.toString());
        assertEquals("urgent", risky.get("risk_level").asText());
        assertEquals("suicide", risky.at("/risk_categories/0").asText());
        JsonNode weak = json.readTree(lines.get(5));
        assertTrue(weak.get("risk").asBoolean(), "risk is true whenever helplines would be sent: " + weak);
        assertEquals("check", weak.get("risk_level").asText());
        assertEquals("low_mood", weak.at("/risk_categories/0").asText());
    }

    @Test
    void retagReplacesTheModelsTagsAndKeepsTheParticipants() throws Exception {
        try (RunningService service = RunningService.start(dir, Map.of())) {
            service.consentAndAnswer("4242", "The leisure centre", "The buses never come and I can't get a GP appointment");
            service.receive("4242", new Inbound.ButtonPress("yes", "Yes")); // "Did I get that right?"
            var db = service.service().database().dsl();
            assertTrue(db.fetchCount(REPLY_TAG, REPLY_TAG.SOURCE.eq("participant")) > 0, "the resident confirmed themes");
            // as if an older model had tagged history: a wrong tag, under an old version
            db.update(REPLY_TAG).set(REPLY_TAG.THEME, "green_spaces").set(REPLY_TAG.MODEL_VERSION, "big-chat-old")
                    .where(REPLY_TAG.SOURCE.eq("model")).execute();
        }
        Run run = run("retag");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("retagged 2 replies with big-chat-"), run.out());
        try (RunningService service = RunningService.start(dir, Map.of())) {
            var db = service.service().database().dsl();
            assertEquals(0, db.fetchCount(REPLY_TAG, REPLY_TAG.MODEL_VERSION.eq("big-chat-old")));
            assertEquals(0, db.fetchCount(REPLY_TAG, REPLY_TAG.THEME.eq("green_spaces")), db.selectFrom(REPLY_TAG).fetch().format());
            assertTrue(db.fetchCount(REPLY_TAG, REPLY_TAG.SOURCE.eq("model"), REPLY_TAG.THEME.eq("transport")) > 0);
            assertEquals(Set.of("transport", "gp_access"), Set.copyOf(db.select(REPLY_TAG.THEME).from(REPLY_TAG)
                    .where(REPLY_TAG.SOURCE.eq("participant")).fetch(REPLY_TAG.THEME)), "the resident's word stays");
        }
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
    void tokensAreReadOnlyUnlessMadeWithWriteScope() throws Exception {
        String reader = run("token", "create", "--name", "reader").out().strip();
        Run writerMade = run("token", "create", "--name", "writer", "--scope", "write");
        assertTrue(writerMade.err().contains("scope write"), writerMade.err());
        String writer = writerMade.out().strip();
        assertEquals(2, run("token", "create", "--name", "other", "--scope", "admin").code());
        try (RunningService service = RunningService.start(dir, Map.of())) {
            assertEquals(200, service.get("/api/replies", reader).statusCode());
            var readOnly = service.put("/api/replies/1/themes", "{\"themes\": []}", Map.of("Authorization", "Bearer " + reader));
            assertEquals(403, readOnly.statusCode(), readOnly.body());
            assertTrue(readOnly.body().contains("--scope write"), readOnly.body());
            assertEquals(404, service.put("/api/replies/1/themes", "{\"themes\": []}",
                    Map.of("Authorization", "Bearer " + writer)).statusCode(), "allowed, and there is no reply 1");
        }
    }

    @Test
    void userCommandsAddListResetAndDisableStaffAccounts() throws Exception {
        Run none = run("user", "list");
        assertEquals(0, none.code());
        assertTrue(none.err().contains("user add --email E --role admin"), none.err());
        assertEquals(2, run("user", "add", "--email", "admin@example.gov.uk").code(), "a role is needed");
        assertEquals(2, run("user", "add", "--email", "admin@example.gov.uk", "--role", "boss").code());
        assertEquals(2, run("user", "frobnicate").code());
        Run weak = runWithInput("short\n", "user", "add", "--email", "admin@example.gov.uk", "--role", "admin");
        assertEquals(1, weak.code());
        assertTrue(weak.err().contains("at least 12 characters"), weak.err());
        Run noPassword = runWithInput("", "user", "add", "--email", "admin@example.gov.uk", "--role", "admin");
        assertEquals(1, noPassword.code());
        assertTrue(noPassword.err().contains("no password"), noPassword.err());

        Run added = runWithInput("first staff passphrase\n", "user", "add", "--email", "Admin@Example.gov.uk", "--role", "admin");
        assertEquals(0, added.code(), added.err());
        assertFalse(added.out().contains("passphrase") || added.err().contains("passphrase"), "the password is never printed");
        assertEquals(1, runWithInput("first staff passphrase\n", "user", "add", "--email", "admin@example.gov.uk",
                "--role", "analyst").code(), "one account per email");
        assertEquals(0, runWithInput("reader passphrase!!\n", "user", "add", "--email", "ana@example.gov.uk", "--role",
                "analyst").code());
        Run listed = run("user", "list");
        assertTrue(listed.out().contains("admin@example.gov.uk\tadmin\tactive"), listed.out());
        assertTrue(listed.out().contains("ana@example.gov.uk\tanalyst\tactive"), listed.out());

        Run lastAdmin = run("user", "disable", "--email", "admin@example.gov.uk");
        assertEquals(1, lastAdmin.code());
        assertTrue(lastAdmin.err().contains("only active admin"), lastAdmin.err());
        assertEquals(0, runWithInput("a brand new passphrase\n", "user", "reset-password", "--email", "ana@example.gov.uk").code());
        assertEquals(1, runWithInput("a brand new passphrase\n", "user", "reset-password", "--email", "nobody@example.gov.uk").code());
        try (RunningService service = RunningService.start(dir, Map.of())) {
            assertEquals(401, service.staffClient().signIn("ana@example.gov.uk", "reader passphrase!!").statusCode());
            service.staffClient().signedIn("ana@example.gov.uk", "a brand new passphrase");
            service.staffClient().signedIn("admin@example.gov.uk", "first staff passphrase");
        }
        assertEquals(0, run("user", "disable", "--email", "ana@example.gov.uk").code());
        assertEquals(1, run("user", "disable", "--email", "nobody@example.gov.uk").code());
        assertTrue(run("user", "list").out().contains("ana@example.gov.uk\tanalyst\tdisabled"));
    }

    @Test
    void participantShowAndForgetActOnTheReferenceTheResidentWasGiven() throws Exception {
        String pseudonym;
        try (RunningService service = RunningService.start(dir, Map.of())) {
            service.consentAndAnswer("5550004242", "The leisure centre on Kirkstall Road");
            pseudonym = service.service().database().dsl().fetchValue("select pseudonym from participant").toString();
        }
        Run shown = run("participant", "show", pseudonym);
        assertEquals(0, shown.code());
        var json = new ObjectMapper().readTree(shown.out());
        assertEquals("The leisure centre on Kirkstall Road", json.at("/replies/0/text").asText());
        assertFalse(shown.out().contains("4242"), "the channel id is not part of what staff see");

        assertEquals(0, run("participant", "forget", pseudonym).code());
        Leftovers.assertNotOnDisk(dir.resolve("chinwag.db"), List.of(pseudonym, "5550004242", "The leisure centre on Kirkstall Road"));
        assertEquals(1, run("participant", "show", pseudonym).code());
        assertEquals(1, run("participant", "forget", pseudonym).code());
    }

    /** Everything under a folder, relative, for messages. */
    static List<String> contents(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void toolsRunFromAnyFolderLeaveNothingThereAndChatIsTheRealConversation(@TempDir Path work, @TempDir Path tmp)
            throws Exception {
        ChinwagProcess.Result classified = ChinwagProcess.run(work, tmp, Map.of(), "the buses never come\n", "classify");
        assertEquals(0, classified.code(), classified.err());
        assertEquals("transport", new ObjectMapper().readTree(classified.out()).at("/themes/0/id").asText(), classified.out());

        ChinwagProcess.Result chat = ChinwagProcess.run(work, tmp, Map.of(), String.join("\n", "hi", "1",
                "Walking in the park", "The buses are rubbish and I can't get a GP appointment", "/mydata", ""), "chat");
        assertEquals(0, chat.code(), chat.err());
        // the bundled script's own words for the reflect step, after the themes it names
        var reflect = ScriptLibrary.bundled().latest(ScriptLibrary.bundled().defaultScriptId()).require("reflect");
        String saidBack = afterThemes(reflect.text());
        String saidBackForOne = afterThemes(reflect.reflect().textOne());
        assertTrue(chat.out().contains(saidBack) || chat.out().contains(saidBackForOne),
                "the classifier heard themes, so the reflect step came: " + chat.out());
        assertTrue(chat.out().contains("Reference: P-"), "/mydata shows what the conversation holds: " + chat.out());
        assertTrue(chat.out().contains("The buses are rubbish and I can't get a GP appointment"), chat.out());

        assertEquals(List.of(), contents(work), "nothing is left in the working folder");
        assertEquals(List.of(), contents(tmp), "the scratch folder is removed too");
    }

    /** What a reflect text says after {themes} ("matter to you. Did I get that right?"). */
    private static String afterThemes(String text) {
        return text.substring(text.indexOf("{themes}") + "{themes}".length());
    }

    @Test
    void withAModelFolderSetTheToolsUseIt(@TempDir Path work, @TempDir Path models) throws Exception {
        Path folder = models.resolve("kept");
        ChinwagProcess.Result classified = ChinwagProcess.run(work, Map.of("CHINWAG_MODEL_DIR", folder.toString()),
                "thanks!\n", "classify");
        assertEquals(0, classified.code(), classified.err());
        assertTrue(contents(folder).stream().anyMatch(name -> name.startsWith("big-chat-")), contents(folder).toString());
        assertEquals(List.of(), contents(work));
    }

    @Test
    void badCommandsAndSettingsExitNonZeroWithAClearLine() throws Exception {
        assertEquals(2, run("frobnicate").code());
        assertEquals(2, run("token", "create").code());
        assertEquals(2, run("participant", "show").code());
        var err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"migrate"}, Map.of("CHINWAG_CONFIG", dir.resolve("missing").toString()),
                System.in, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("chinwag: configuration error: CHINWAG_CONFIG:"));
    }
}
