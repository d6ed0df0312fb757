package org.chinwag.conversation;

import static org.chinwag.conversation.ScriptReaderTest.GOOD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.chinwag.conversation.ConversationState.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading scripts, and conversations surviving edits to the script they began with. */
class ScriptLibraryTest {

    /** Version 2 of this test: "barriers" renamed (with formerly), the reflect step and follow-up removed. */
    static final Script V1 = ScriptReader.read("v1.yaml", GOOD.replace("version: 2", "version: 1"));
    static final Script V2 = ScriptReader.read("v2.yaml", GOOD
            .replace("  - id: barriers\n", "  - id: what_gets_in_the_way\n    formerly: [barriers]\n")
            .replaceAll("(?s)  # Says back, in plain words.*?\n\n  - id: one_thing", "  - id: one_thing"));

    static ConversationState waitingAt(String step, int version) {
        return new ConversationState("big-chat", version, step, Status.ACTIVE, null, null,
                Map.of("consent", "given", "consent_version", String.valueOf(version)));
    }

    @Test
    void bundledScriptsMatchTheDirectoryAndIndexListsEveryFile() {
        ScriptLibrary bundled = ScriptLibrary.bundled();
        ScriptLibrary onDisk = ScriptLibrary.load(Path.of("intents/scripts"));
        assertEquals("big-chat", bundled.defaultScriptId());
        assertEquals(onDisk.latest("big-chat"), bundled.latest("big-chat"));
    }

    @Test
    void getFallsBackToTheNewestVersionWhenTheOneAskedForIsGone() {
        ScriptLibrary lib = ScriptLibrary.of(V2);
        assertEquals(Optional.empty(), lib.find("big-chat", 1));
        assertEquals(2, lib.get("big-chat", 1).version());
        assertEquals(2, lib.latest("big-chat").version());
        assertThrows(NoSuchElementException.class, () -> lib.get("no-such-script", 1));
    }

    @Test
    void getKeepsAnOlderVersionThatIsStillThere() {
        ScriptLibrary lib = ScriptLibrary.of(V1, V2);
        assertEquals(1, lib.get("big-chat", 1).version());
        assertEquals(2, lib.latest("big-chat").version());
    }

    @Test
    void aRenamedStepPicksUpWhereTheOldOneWas() {
        Turn turn = new Engine(ScriptLibrary.of(V2)).step(waitingAt("barriers", 1), new Inbound.Text("buses"), Signals.NONE);
        assertEquals(List.of(new Effect.ReplyGiven("what_gets_in_the_way", "buses")), turn.effects());
        assertEquals("one_thing", turn.state().step());
        assertEquals(2, turn.state().scriptVersion(), "the state follows the version actually used");
    }

    @Test
    void aRemovedStepResumesAtTheStartOfTheQuestions() {
        Turn turn = new Engine(ScriptLibrary.of(V2)).resume(waitingAt("followup", 1));
        assertEquals("healthy", turn.state().step());
        assertEquals(V2.require("healthy").text(), turn.messages().get(1).text());
    }

    @Test
    void aRemovedStepBeforeConsentResumesAtConsent() {
        ConversationState beforeConsent = new ConversationState("big-chat", 1, "gone", Status.ACTIVE, null, null, Map.of());
        Turn turn = new Engine(ScriptLibrary.of(V2)).step(beforeConsent, new Inbound.Text("hello"), Signals.NONE);
        assertEquals("consent", turn.state().step());
        assertEquals(List.of(), turn.effects());
    }

    @Test
    void aVanishedScriptFallsBackToTheDefault() {
        ConversationState old = new ConversationState("old-campaign", 3, "barriers", Status.ACTIVE, null, "x",
                Map.of("consent", "given"));
        Turn turn = new Engine(ScriptLibrary.of(V1)).step(old, new Inbound.Text("buses"), Signals.NONE);
        assertEquals("big-chat", turn.state().scriptId());
        assertEquals("followup", turn.state().step());
    }

    @Test
    void restartUnderANewVersionAsksConsentAgain() {
        Turn turn = new Engine(ScriptLibrary.of(V1, V2)).step(waitingAt("healthy", 1), new Inbound.Command("restart", ""), Signals.NONE);
        assertEquals(List.of(new Effect.ConversationStarted("big-chat", 2, null)), turn.effects());
        assertEquals("consent", turn.state().step());
    }

    @Test
    void loadReadsADirectoryWithAnIndex(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("other.yaml"), GOOD.replace("id: big-chat", "id: other"));
        Files.writeString(dir.resolve("big-chat.yaml"), GOOD);
        Files.writeString(dir.resolve("index.txt"), "# default first\nbig-chat.yaml\nother.yaml\n");
        ScriptLibrary lib = ScriptLibrary.load(dir);
        assertEquals("big-chat", lib.defaultScriptId());
        assertTrue(lib.has("other"));
    }

    @Test
    void loadRefusesAFileMissingFromTheIndex(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("big-chat.yaml"), GOOD);
        Files.writeString(dir.resolve("extra.yaml"), GOOD.replace("id: big-chat", "id: extra"));
        Files.writeString(dir.resolve("index.txt"), "big-chat.yaml\n");
        ScriptException e = assertThrows(ScriptException.class, () -> ScriptLibrary.load(dir));
        assertTrue(e.getMessage().contains("extra.yaml: not listed in index.txt"), e.getMessage());
    }

    @Test
    void loadNamesTheBrokenFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("big-chat.yaml"), GOOD.replace("id: one_thing", "id: healthy"));
        ScriptException e = assertThrows(ScriptException.class, () -> ScriptLibrary.load(dir));
        assertTrue(e.getMessage().contains("big-chat.yaml: step 'healthy': duplicate step id"), e.getMessage());
    }

    @Test
    void loadWithoutAnIndexNeedsASingleFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), GOOD);
        assertEquals("big-chat", ScriptLibrary.load(dir).defaultScriptId());
        Files.writeString(dir.resolve("b.yaml"), GOOD.replace("id: big-chat", "id: b"));
        assertThrows(ScriptException.class, () -> ScriptLibrary.load(dir));
    }

    @Test
    void twoFilesWithTheSameIdAndVersionAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScriptLibrary.of(V1, V1));
    }
}
