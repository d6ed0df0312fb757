package org.chinwag.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which package may import what, one row a rule: the pure core (conversation, classify, safeguard)
 * knows no framework and no outer package; the adapters (channels, HTTP) reach the database only
 * through the capability services, never through {@code store}; generated jOOQ classes stay in {@code store}.
 */
class LayeringTest {

    static final Path MAIN = Path.of("src/main/java/org/chinwag");
    static final List<String> FRAMEWORKS = List.of("io.javalin", "org.jooq", "org.telegram", "com.zaxxer",
            "org.flywaydb", "java.sql");
    static final List<String> OUTER = List.of("org.chinwag.store", "org.chinwag.messages", "org.chinwag.http",
            "org.chinwag.channel", "org.chinwag.app");

    /**
     * @param folder        the package's folder under org/chinwag (sub-packages included)
     * @param forbidden     import prefixes no file there may use
     * @param mayDoIo       files there that may also import {@code java.io} (null: the rule does not check I/O)
     */
    record Rule(String folder, List<String> forbidden, List<String> mayDoIo) {
        @Override
        public String toString() {
            return folder;
        }
    }

    static Stream<Rule> rules() {
        return Stream.of(
                // the engine is pure: no clock, no network, no randomness, no other package of ours, I/O only in the loaders
                new Rule("conversation", concat(FRAMEWORKS, OUTER, List.of("org.slf4j", "java.net", "java.time",
                        "java.util.Random", "org.chinwag.classify", "org.chinwag.safeguard")),
                        List.of("ScriptLibrary.java", "ScriptReader.java", "TerminalChat.java")),
                new Rule("classify", concat(FRAMEWORKS, OUTER, List.of("org.chinwag.safeguard")), null),
                new Rule("safeguard", concat(FRAMEWORKS, OUTER), null),
                new Rule("channel", List.of("org.chinwag.store"), null),
                new Rule("http", List.of("org.chinwag.store"), null),
                // capability services: storage through the repositories' own records, no web framework, no adapters
                service("participants"), service("replies"), service("flags"), service("tokens"), service("webchat"),
                service("accounts"),
                // the message path works in own records too, on the repositories' transaction handle
                new Rule("messages", List.of("org.chinwag.store.schema", "io.javalin", "org.chinwag.http",
                        "org.chinwag.channel", "org.chinwag.app"), null),
                // generated classes and queries stay in store
                new Rule("app", List.of("org.chinwag.store.schema", "org.jooq"), null),
                new Rule("retention", List.of("org.chinwag.store.schema", "org.jooq"), null),
                new Rule("lease", List.of("org.chinwag.store.schema", "org.jooq"), null));
    }

    private static Rule service(String folder) {
        return new Rule(folder, List.of("org.chinwag.store.schema", "org.jooq", "io.javalin", "org.chinwag.http",
                "org.chinwag.channel", "org.chinwag.app"), null);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void importsOnlyWhatItsLayerMay(Rule rule) throws IOException {
        Path folder = MAIN.resolve(rule.folder());
        assertTrue(Files.isDirectory(folder), folder + " is not a package folder");
        try (Stream<Path> files = Files.walk(folder)) {
            List<String> offences = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> lines(f).stream()
                            .filter(l -> l.startsWith("import "))
                            .filter(l -> rule.forbidden().stream().anyMatch(p -> imports(l, p))
                                    || (rule.mayDoIo() != null && !rule.mayDoIo().contains(f.getFileName().toString())
                                            && imports(l, "java.io")))
                            .map(l -> MAIN.relativize(f) + ": " + l))
                    .toList();
            assertEquals(List.of(), offences);
        }
    }

    /** {@code import [static] prefix...}, whole names only ("java.time" is not "java.timex"). */
    private static boolean imports(String line, String prefix) {
        String name = line.replaceFirst("^import\\s+(static\\s+)?", "");
        return name.startsWith(prefix + ".") || name.startsWith(prefix + ";");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
