package org.chinwag.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The conversation package stays pure: no framework, no other Chinwag package, no I/O in the engine. */
class EnginePurityTest {

    static final Path SOURCES = Path.of("src/main/java/org/chinwag/conversation");
    static final List<String> FORBIDDEN = List.of("io.javalin", "org.jooq", "org.telegram", "org.slf4j",
            "java.sql", "java.net", "java.time", "java.util.Random", "org.chinwag.app", "org.chinwag.store",
            "org.chinwag.messages", "org.chinwag.classify", "org.chinwag.safeguard", "org.chinwag.channel", "org.chinwag.http");
    /** Only the loaders and the terminal tool touch files or streams. */
    static final List<String> MAY_DO_IO = List.of("ScriptLibrary.java", "ScriptReader.java", "TerminalChat.java");

    @Test
    void noForbiddenImports() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            List<String> offences = files.flatMap(f -> lines(f).stream()
                            .filter(l -> l.startsWith("import "))
                            .filter(l -> FORBIDDEN.stream().anyMatch(l::contains)
                                    || (!MAY_DO_IO.contains(f.getFileName().toString()) && l.contains("java.io")))
                            .map(l -> f.getFileName() + ": " + l))
                    .toList();
            assertEquals(List.of(), offences);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
