package org.chinwag.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hand-written concept lexicon ({@code lexicon.yaml}): cue words and phrases grouped into named
 * concepts. A reply containing a cue gets the feature {@code cn=<concept>}. Single words match on
 * the normalised token or its stem; phrases match on the normalised token sequence.
 */
final class Lexicon {
  private final Map<String, Set<String>> byWord = new HashMap<>();
  /** Phrases by their first token (a reply is scanned once, not once per phrase): tokens..., concept last. */
  private final Map<String, List<String[]>> phrasesByFirst = new HashMap<>();
  /** Place names by their first token, longest first within each. */
  private final Map<String, List<String[]>> placesByFirst = new HashMap<>();

  static Lexicon empty() {
    return new Lexicon();
  }

  static Lexicon load(Path file) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      Lexicon lex = new Lexicon();
      Iterator<Map.Entry<String, JsonNode>> it = root.path("concepts").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        for (JsonNode cue : e.getValue()) {
          lex.add(e.getKey(), cue.asText());
        }
      }
      for (JsonNode place : root.path("places")) {
        List<String> toks = Features.tokenize(place.asText());
        if (!toks.isEmpty()) {
          lex.placesByFirst.computeIfAbsent(toks.get(0), k -> new ArrayList<>()).add(toks.toArray(new String[0]));
        }
      }
      // longest names first, so "east end park" wins over "east end"
      lex.placesByFirst.values().forEach(names -> names.sort((a, b) -> b.length - a.length));
      return lex;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon " + file, e);
    }
  }

  private void add(String concept, String cue) {
    List<String> toks = Features.tokenize(cue);
    if (toks.isEmpty()) {
      return;
    }
    if (toks.size() == 1) {
      String t = toks.get(0);
      byWord.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(concept);
      byWord.computeIfAbsent("§" + Features.stem(t), k -> new LinkedHashSet<>()).add(concept);
    } else {
      String[] p = new String[toks.size() + 1];
      for (int i = 0; i < toks.size(); i++) {
        p[i] = toks.get(i);
      }
      p[toks.size()] = concept;
      phrasesByFirst.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p);
    }
  }

  /**
   * Replaces local place names ("Hyde Park", "Cross Gates", "Belle Isle") with the token
   * {@code placename}, so a resident saying where they live is not read as talking about parks or
   * gates. Names come from the {@code places} list of the lexicon.
   */
  List<String> replacePlaces(List<String> tokens) {
    if (placesByFirst.isEmpty()) {
      return tokens;
    }
    List<String> out = new ArrayList<>(tokens.size());
    int i = 0;
    outer:
    while (i < tokens.size()) {
      for (String[] p : placesByFirst.getOrDefault(tokens.get(i), List.of())) {
        if (startsAt(tokens, i, p, p.length)) {
          out.add("placename");
          i += p.length;
          continue outer;
        }
      }
      out.add(tokens.get(i));
      i++;
    }
    return out;
  }

  /** Concepts cued in the given normalised tokens (with their stems), in first-seen order. */
  Set<String> concepts(List<String> tokens, List<String> stems) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      Set<String> c = byWord.get(tokens.get(i));
      if (c != null) {
        out.addAll(c);
      }
      c = byWord.get("§" + stems.get(i));
      if (c != null) {
        out.addAll(c);
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      for (String[] p : phrasesByFirst.getOrDefault(tokens.get(i), List.of())) {
        if (startsAt(tokens, i, p, p.length - 1)) {
          out.add(p[p.length - 1]);
        }
      }
    }
    return out;
  }

  /** Whether the first {@code length} entries of {@code words} occur in {@code tokens} at {@code at}. */
  private static boolean startsAt(List<String> tokens, int at, String[] words, int length) {
    if (at + length > tokens.size()) {
      return false;
    }
    for (int j = 0; j < length; j++) {
      if (!tokens.get(at + j).equals(words[j])) {
        return false;
      }
    }
    return true;
  }
}
