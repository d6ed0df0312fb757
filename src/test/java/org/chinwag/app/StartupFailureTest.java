package org.chinwag.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chinwag.testing.ChinwagProcess;
import org.chinwag.testing.ReadOnlyFiles;
import org.chinwag.testing.TinyDisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Start-up failures other than configuration, each run as {@code serve} in a real process: stderr
 * is one line that names the path (or port) and says what to do, with no stack trace.
 */
class StartupFailureTest {

    static final Path BUILT_MODELS = Path.of("target/classes/models").toAbsolutePath();

    @TempDir Path dir;
    /** What a case set up that must be undone (read-only attributes, mounts), closed after the run. */
    final List<AutoCloseable> undo = new ArrayList<>();

    @AfterEach
    void undo() throws Exception {
        for (int i = undo.size() - 1; i >= 0; i--) undo.get(i).close();
    }

    /** One way start-up fails: it prepares {@code dir}, returns the settings, and names what the line must mention. */
    interface Setup {
        Map<String, String> prepare(StartupFailureTest test) throws Exception;
    }

    record Case(String name, String mentions, Setup setup) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("database folder not writable", "locked", t -> {
                    Files.createDirectories(t.dir.resolve("locked"));
                    t.undo.add(ReadOnlyFiles.make(t.dir.resolve("locked")));
                    return t.database(t.dir.resolve("locked/chinwag.db"));
                }),
                new Case("database folder cannot be created", "locked/data", t -> {
                    Files.createDirectories(t.dir.resolve("locked"));
                    t.undo.add(ReadOnlyFiles.make(t.dir.resolve("locked")));
                    return t.database(t.dir.resolve("locked/data/chinwag.db"));
                }),
                new Case("database path is a folder", "a-folder", t -> {
                    Files.createDirectories(t.dir.resolve("a-folder"));
                    return t.database(t.dir.resolve("a-folder"));
                }),
                new Case("database file is not a database", "corrupt.db", t -> {
                    byte[] junk = new byte[8192];
                    new java.util.Random(9).nextBytes(junk);
                    Files.write(t.dir.resolve("corrupt.db"), junk);
                    return t.database(t.dir.resolve("corrupt.db"));
                }),
                new Case("database file and folder read-only", "old.db", t -> {
                    Path file = t.dir.resolve("ro/old.db");
                    Files.createDirectories(file.getParent());
                    Files.write(file, new byte[0]);
                    t.undo.add(ReadOnlyFiles.make(file, file.getParent()));
                    return t.database(file);
                }),
                new Case("disk full", "full/chinwag.db", t -> {
                    TinyDisk disk = TinyDisk.full(t.dir.resolve("full"));
                    t.undo.add(disk);
                    return t.database(disk.path().resolve("chinwag.db"));
                }),
                new Case("model folder full", "full/models", t -> {
                    TinyDisk disk = TinyDisk.full(t.dir.resolve("full"));
                    t.undo.add(disk);
                    return t.models(disk.path().resolve("models"));
                }),
                new Case("model folder not writable", "frozen-models", t -> {
                    Files.createDirectories(t.dir.resolve("frozen-models"));
                    t.undo.add(ReadOnlyFiles.make(t.dir.resolve("frozen-models")));
                    return t.models(t.dir.resolve("frozen-models"));
                }),
                new Case("model folder is a file", "models-file", t -> {
                    Files.writeString(t.dir.resolve("models-file"), "not a folder");
                    return t.models(t.dir.resolve("models-file"));
                }));
    }

    Map<String, String> database(Path file) {
        Map<String, String> env = new HashMap<>();
        env.put("CHINWAG_DB_URL", "jdbc:sqlite:" + file);
        env.put("CHINWAG_MODEL_DIR", BUILT_MODELS.toString());
        env.put("CHINWAG_PORT", "0");
        return env;
    }

    Map<String, String> models(Path folder) {
        Map<String, String> env = database(dir.resolve("chinwag.db"));
        env.put("CHINWAG_MODEL_DIR", folder.toString());
        return env;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void startUpFailsWithOneLineNamingThePathAndNoStackTrace(Case failure) throws Exception {
        Map<String, String> env = failure.setup().prepare(this);
        Path work = Files.createDirectories(dir.resolve("work"));
        ChinwagProcess.Result run = ChinwagProcess.run(work, env, "", "serve");

        assertNotEquals(0, run.code(), "start-up must fail: " + run.err());
        List<String> lines = run.errLines();
        assertEquals(1, lines.size(), "one line on stderr, got:\n" + run.err());
        String line = lines.get(0);
        assertTrue(line.startsWith("chinwag: "), line);
        assertTrue(line.contains(failure.mentions()), "names " + failure.mentions() + ": " + line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), "no Java internals: " + line);
        assertEquals("", run.out());
    }
}
