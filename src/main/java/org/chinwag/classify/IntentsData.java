package org.chinwag.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The training material of one campaign, read from {@code <intentsDir>/<campaignId>/}:
 * {@code themes.yaml}, {@code lexicon.yaml}, {@code examples/*.tsv} and (for evaluation only)
 * {@code heldout.tsv}. TSV lines are {@code labels<TAB>text}; labels are comma-separated theme ids
 * or {@code none}; blank lines and lines starting with {@code #} are skipped.
 */
public final class IntentsData {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  final String campaignId;
  final Path dir;
  final List<Theme> themes;
  final List<String> languages;
  final Lexicon lexicon;
  final List<Example> examples;
  /** SHA-256 (hex) of everything that goes into training, plus the feature-code version. */
  final String contentHash;

  private IntentsData(String campaignId, Path dir, List<Theme> themes, List<String> languages,
      Lexicon lexicon, List<Example> examples, String contentHash) {
    this.campaignId = campaignId;
    this.dir = dir;
    this.themes = themes;
    this.languages = languages;
    this.lexicon = lexicon;
    this.examples = examples;
    this.contentHash = contentHash;
  }

  static IntentsData load(Path intentsDir, String campaignId) {
    Path dir = intentsDir.resolve(campaignId);
    try {
      Path themesFile = dir.resolve("themes.yaml");
      if (!Files.isRegularFile(themesFile)) {
        throw new IllegalArgumentException("no themes.yaml for campaign '" + campaignId + "' in " + dir);
      }
      JsonNode root = YAML.readTree(themesFile.toFile());
      List<Theme> themes = new ArrayList<>();
      Set<String> ids = new LinkedHashSet<>();
      for (JsonNode t : root.path("themes")) {
        String id = t.path("id").asText();
        if (id.isBlank() || !ids.add(id) || id.equals("none")) {
          throw new IllegalArgumentException("bad or duplicate theme id '" + id + "' in " + themesFile);
        }
        themes.add(new Theme(id, t.path("name").asText(id), t.path("description").asText("")));
      }
      if (themes.isEmpty()) {
        throw new IllegalArgumentException("no themes in " + themesFile);
      }
      List<String> languages = new ArrayList<>();
      root.path("languages").forEach(l -> languages.add(l.asText()));
      if (languages.isEmpty()) {
        languages.add("en");
      }

      Path lexiconFile = dir.resolve("lexicon.yaml");
      Lexicon lexicon = Files.isRegularFile(lexiconFile) ? Lexicon.load(lexiconFile) : Lexicon.empty();

      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      update(sha, "feature-version:" + Features.VERSION);
      update(sha, "themes.yaml");
      sha.update(Files.readAllBytes(themesFile));
      if (Files.isRegularFile(lexiconFile)) {
        update(sha, "lexicon.yaml");
        sha.update(Files.readAllBytes(lexiconFile));
      }
      List<Path> files;
      Path exDir = dir.resolve("examples");
      try (Stream<Path> s = Files.isDirectory(exDir) ? Files.list(exDir) : Stream.empty()) {
        files = s.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList();
      }
      if (files.isEmpty()) {
        throw new IllegalArgumentException("no examples/*.tsv in " + dir);
      }
      List<Example> examples = new ArrayList<>();
      for (Path f : files) {
        update(sha, "examples/" + f.getFileName());
        sha.update(Files.readAllBytes(f));
        examples.addAll(readTsv(f, ids));
      }
      String hash = HexFormat.of().formatHex(sha.digest());
      return new IntentsData(campaignId, dir, List.copyOf(themes), List.copyOf(languages), lexicon,
          List.copyOf(examples), hash);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read intents of campaign '" + campaignId + "' in " + dir, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The held-out examples ({@code heldout.tsv}), never used for training; empty if absent. */
  List<Example> heldout() {
    Path f = dir.resolve("heldout.tsv");
    if (!Files.isRegularFile(f)) {
      return List.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    themes.forEach(t -> ids.add(t.id()));
    try {
      return readTsv(f, ids);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Example> readTsv(Path f, Set<String> themeIds) throws IOException {
    List<Example> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IllegalArgumentException(f + ":" + n + ": expected labels<TAB>text");
      }
      Set<String> labels = new LinkedHashSet<>();
      for (String l : line.substring(0, tab).split(",")) {
        String id = l.trim();
        if (id.isEmpty() || id.equals("none")) {
          continue;
        }
        if (!themeIds.contains(id)) {
          throw new IllegalArgumentException(f + ":" + n + ": unknown theme '" + id + "'");
        }
        labels.add(id);
      }
      String text = line.substring(tab + 1).trim();
      if (!text.isEmpty()) {
        out.add(new Example(text, labels));
      }
    }
    return out;
  }

  private static void update(MessageDigest sha, String s) {
    sha.update(s.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }
}
