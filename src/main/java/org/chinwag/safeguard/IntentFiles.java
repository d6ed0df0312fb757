package org.chinwag.safeguard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a campaign's safeguarding files are read from: a folder on disk (so staff can edit them) or
 * the copy bundled in the jar under {@code intents/}. Paths are relative to the intents folder.
 */
interface IntentFiles {

    Optional<String> read(String relativePath);

    default String require(String relativePath) {
        return read(relativePath).orElseThrow(() -> new IllegalStateException("missing safeguarding file: " + describe(relativePath)));
    }

    String describe(String relativePath);

    /** The files directly in a folder (relative to the intents folder), sorted; none if it is missing. */
    java.util.List<String> list(String relativeDir);

    static IntentFiles folder(Path intentsDir) {
        return new IntentFiles() {
            @Override
            public Optional<String> read(String relativePath) {
                Path file = intentsDir.resolve(relativePath);
                if (!Files.isRegularFile(file)) return Optional.empty();
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }

            @Override
            public String describe(String relativePath) {
                return intentsDir.resolve(relativePath).toString();
            }

            @Override
            public java.util.List<String> list(String relativeDir) {
                Path dir = intentsDir.resolve(relativeDir);
                if (!Files.isDirectory(dir)) return java.util.List.of();
                try (var files = Files.list(dir)) {
                    return files.filter(Files::isRegularFile).map(f -> relativeDir + f.getFileName()).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dir, e);
                }
            }
        };
    }

    static IntentFiles classpath() {
        return new IntentFiles() {
            @Override
            public Optional<String> read(String relativePath) {
                try (InputStream in = IntentFiles.class.getClassLoader().getResourceAsStream("intents/" + relativePath)) {
                    if (in == null) return Optional.empty();
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read bundled intents/" + relativePath, e);
                }
            }

            @Override
            public String describe(String relativePath) {
                return "classpath:intents/" + relativePath;
            }

            /** From the index of bundled files that the build writes ({@code intents/files.txt}). */
            @Override
            public java.util.List<String> list(String relativeDir) {
                return read("files.txt").map(index -> index.lines().map(String::strip)
                                .filter(f -> f.startsWith(relativeDir) && f.indexOf('/', relativeDir.length()) < 0)
                                .sorted().toList())
                        .orElse(java.util.List.of());
            }
        };
    }
}
