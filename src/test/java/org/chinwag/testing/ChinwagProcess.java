package org.chinwag.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code java org.chinwag.app.Main ...} in a child JVM, in a working folder of the test's choosing,
 * with only the CHINWAG_* settings the test gives: for what only a real process shows (what it
 * leaves in its working folder, everything it prints on stderr, logging included).
 */
public final class ChinwagProcess {

    public record Result(int code, String out, String err) {
        public List<String> errLines() {
            return err.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    private ChinwagProcess() {}

    public static Result run(Path workingFolder, Map<String, String> settings, String stdin, String... args) {
        return run(workingFolder, Path.of(System.getProperty("java.io.tmpdir")), settings, stdin, args);
    }

    /** As above, with {@code tmp} as the child's temporary folder (to see what it leaves there). */
    public static Result run(Path workingFolder, Path tmp, Map<String, String> settings, String stdin, String... args) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // surefire puts the test classpath here; java.class.path may be its launcher jar
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", classpath,
                "-Djava.io.tmpdir=" + tmp, "org.chinwag.app.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingFolder.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CHINWAG_"));
        builder.environment().putAll(settings);
        try {
            Process process = builder.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("chinwag " + String.join(" ", args) + " did not finish: " + err.getNow(""));
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
