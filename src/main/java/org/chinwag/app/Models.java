package org.chinwag.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.chinwag.classify.ThemeClassifier;
import org.chinwag.messages.ModelAnalyzer;
import org.chinwag.safeguard.RiskDetector;
import org.chinwag.safeguard.Signposting;

/**
 * Finds the campaign's data and models. The build trains the models from {@code intents/} and puts
 * them in the jar ({@code models/}), with an index of the intents files; at start-up they are copied
 * into the model folder, so the service and the {@code classify} command start in a second or two.
 * Edited intents on disk have a different content hash, so they are trained once and cached.
 */
public final class Models {

    static final String MODELS_INDEX = "models/index.txt";
    static final String INTENTS_INDEX = "intents/files.txt";

    private Models() {}

    /**
     * The model folder cannot be written (full, read-only, not a folder): one line for an operator
     * naming the folder and what to do, with no stack trace.
     */
    public static final class Unavailable extends RuntimeException {
        Unavailable(Path modelDir, IOException cause) {
            super("cannot write the models to " + modelDir.toAbsolutePath() + " (" + reason(cause) + "): free some space "
                    + "or let the service's user write there, or set CHINWAG_MODEL_DIR to another folder", cause);
        }

        private static String reason(IOException e) {
            if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file is in the way of a folder";
            if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
            if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) return fs.getReason();
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** The intents folder: the configured one when it exists, else the copy built into the jar, unpacked. */
    public static Path intentsFolder(Settings settings) {
        if (Files.isDirectory(settings.intentsDir())) return settings.intentsDir();
        Path unpacked = settings.modelDir().resolve("intents");
        try {
            for (String file : index(INTENTS_INDEX)) copyResource("intents/" + file, unpacked.resolve(file));
        } catch (UncheckedIOException e) {
            throw writing(settings.modelDir(), e);
        }
        return unpacked;
    }

    /** Loads (or trains once and caches) everything the message path needs to analyse text. */
    public static ModelAnalyzer analyzer(Settings settings) {
        Path intents = intentsFolder(settings);
        try {
            installBundledModels(settings.modelDir());
            return new ModelAnalyzer(
                    ThemeClassifier.loadOrTrain(intents, settings.campaignId(), settings.modelDir()),
                    RiskDetector.load(intents, settings.campaignId(), settings.modelDir()),
                    Signposting.load(intents, settings.campaignId()));
        } catch (UncheckedIOException e) {
            throw writing(settings.modelDir(), e);
        }
    }

    /** A failure to write into the model folder becomes {@link Unavailable}; anything else stays as it was. */
    private static RuntimeException writing(Path modelDir, UncheckedIOException e) {
        // copies and the model cache name the file they were writing, which is inside the model folder
        boolean aboutTheFolder = e.getMessage() != null && e.getMessage().contains(modelDir.toString());
        return aboutTheFolder ? new Unavailable(modelDir, e.getCause()) : e;
    }

    /**
     * Where a command-line tool ({@code classify}, {@code chat}, {@code evaluate}) keeps models:
     * {@code CHINWAG_MODEL_DIR} when it is set, else a scratch folder removed when the tool ends,
     * so running a tool leaves nothing behind in the working folder.
     */
    static final class ToolFolder implements AutoCloseable {
        private final Path scratch;
        private final Settings settings;

        ToolFolder(Settings configured) {
            try {
                scratch = Files.createTempDirectory("chinwag-");
            } catch (IOException e) {
                throw new Unavailable(Path.of(System.getProperty("java.io.tmpdir")), e);
            }
            settings = configured.modelDirSet() ? configured : configured.withModelDir(scratch.resolve("models"));
        }

        /** The settings the tool runs with. */
        Settings settings() {
            return settings;
        }

        /** A folder for anything else the tool needs for the moment (the chat's throwaway database). */
        Path scratch() {
            return scratch;
        }

        @Override
        public void close() {
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
            } catch (IOException e) {
                // a scratch folder under the system's temporary folder: left for the system to clear
            }
        }
    }

    /** Copies models trained at build time into the model folder, leaving files already there alone. */
    static void installBundledModels(Path modelDir) {
        for (String file : index(MODELS_INDEX)) {
            Path target = modelDir.resolve(file);
            if (!Files.exists(target)) copyResource("models/" + file, target);
        }
    }

    private static List<String> index(String resource) {
        InputStream in = Models.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) return List.of();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyResource(String resource, Path target) {
        try (InputStream in = Models.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing from the jar: " + resource);
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + resource + " to " + target, e);
        }
    }

    /**
     * Run by the build (process-classes): trains the default campaign's models from {@code intents/}
     * into {@code target/classes/models} and writes the two indexes. Args: intents dir, classes dir, campaign.
     */
    public static void main(String[] args) throws IOException {
        Path intents = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        String campaign = args.length > 2 ? args[2] : "big-chat";
        Path models = classes.resolve("models");
        long start = System.nanoTime();
        ThemeClassifier classifier = ThemeClassifier.loadOrTrain(intents, campaign, models);
        RiskDetector.load(intents, campaign, models);
        try (Stream<Path> files = Files.list(models)) {
            // the current theme model only (older ones from earlier builds stay out of the jar);
            // risk models are small and named by their data's hash, so all are listed
            String current = classifier.modelFile().getFileName().toString();
            Files.write(models.resolve("index.txt"), files.map(p -> p.getFileName().toString())
                    .filter(name -> name.equals(current) || (name.startsWith("risk-model-") && name.endsWith(".bin")))
                    .sorted().toList());
        }
        try (Stream<Path> files = Files.walk(intents)) {
            Files.write(classes.resolve(INTENTS_INDEX), files.filter(Files::isRegularFile)
                    .map(p -> intents.relativize(p).toString().replace('\\', '/')).sorted().toList());
        }
        System.out.printf("chinwag models for %s ready in %.1f s: %s%n", campaign, (System.nanoTime() - start) / 1e9,
                classifier.modelVersion());
    }
}
