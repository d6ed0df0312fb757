package org.chinwag.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * All conversation scripts, by id and version. Scripts live in {@code intents/scripts/*.yaml};
 * {@code index.txt} beside them lists the files (a jar cannot list a directory), and the script in
 * the first listed file is the default one that new residents get.
 */
public final class ScriptLibrary {

    public static final String INDEX = "index.txt";
    private static final String BUNDLED_DIR = "intents/scripts/";

    private final Map<String, NavigableMap<Integer, Script>> scripts;
    private final String defaultScriptId;

    private ScriptLibrary(List<Script> scripts, String defaultScriptId) {
        Map<String, NavigableMap<Integer, Script>> byId = new HashMap<>();
        for (Script s : scripts) {
            Script clash = byId.computeIfAbsent(s.id(), k -> new TreeMap<>()).put(s.version(), s);
            if (clash != null) throw new IllegalArgumentException("two scripts are " + s.id() + " version " + s.version());
        }
        if (!byId.containsKey(defaultScriptId)) throw new IllegalArgumentException("no script has the default id " + defaultScriptId);
        this.scripts = byId;
        this.defaultScriptId = defaultScriptId;
    }

    /** A library of already-read scripts (tests, tools); the first script is the default. */
    public static ScriptLibrary of(Script first, Script... more) {
        List<Script> all = new ArrayList<>(List.of(more));
        all.add(0, first);
        return new ScriptLibrary(all, first.id());
    }

    /**
     * Loads every {@code *.yaml} in {@code dir}. With an {@code index.txt} there, every file must be
     * listed in it (so the jar, which ships only listed files, matches the directory) and the first
     * listed file holds the default script; without one, the directory must hold a single script id.
     */
    public static ScriptLibrary load(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
            Path index = dir.resolve(INDEX);
            List<String> listed = Files.exists(index) ? indexEntries(Files.readString(index)) : List.of();
            for (String name : names) {
                if (!listed.isEmpty() && !listed.contains(name)) {
                    throw new ScriptException(dir.resolve(name).toString(), List.of("not listed in " + INDEX + " (add it there too)"));
                }
            }
            List<String> order = listed.isEmpty() ? names : listed;
            if (listed.isEmpty() && names.size() > 1) {
                throw new ScriptException(dir.toString(), List.of("several script files: add " + INDEX
                        + " listing them, the default script's file first"));
            }
            List<Script> loaded = new ArrayList<>();
            for (String name : order) {
                Path file = dir.resolve(name);
                if (!Files.exists(file)) throw new ScriptException(index.toString(), List.of("lists " + name + ", which does not exist"));
                loaded.add(ScriptReader.read(file.toString(), Files.readString(file)));
            }
            return fromOrdered(loaded, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scripts in " + dir, e);
        }
    }

    /** The scripts shipped inside the jar, under {@code intents/scripts/}. */
    public static ScriptLibrary bundled() {
        List<Script> loaded = new ArrayList<>();
        for (String name : indexEntries(resource(BUNDLED_DIR + INDEX))) {
            loaded.add(ScriptReader.read("classpath:" + BUNDLED_DIR + name, resource(BUNDLED_DIR + name)));
        }
        return fromOrdered(loaded, "classpath:" + BUNDLED_DIR);
    }

    private static ScriptLibrary fromOrdered(List<Script> loaded, String where) {
        if (loaded.isEmpty()) throw new ScriptException(where, List.of("no scripts found"));
        try {
            return new ScriptLibrary(loaded, loaded.get(0).id());
        } catch (IllegalArgumentException e) {
            throw new ScriptException(where, List.of(e.getMessage()));
        }
    }

    private static List<String> indexEntries(String index) {
        return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String resource(String name) {
        try (InputStream in = ScriptLibrary.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new ScriptException("classpath:" + name, List.of("not found in the jar"));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** This exact version, if the library still has it. */
    public Optional<Script> find(String id, int version) {
        return Optional.ofNullable(scripts.get(id)).map(v -> v.get(version));
    }

    /**
     * This version, or the newest version of the same id if that one is gone (an edited script
     * never strands a conversation). Throws if no version of the id exists.
     */
    public Script get(String id, int version) {
        return find(id, version).orElseGet(() -> latest(id));
    }

    /** The newest version of the script. */
    public Script latest(String id) {
        NavigableMap<Integer, Script> versions = scripts.get(id);
        if (versions == null) throw new NoSuchElementException("no script with id " + id);
        return versions.lastEntry().getValue();
    }

    public boolean has(String id) {
        return scripts.containsKey(id);
    }

    public String defaultScriptId() {
        return defaultScriptId;
    }
}
