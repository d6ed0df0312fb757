package org.chinwag.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * Splits a reply into the segments that are scored separately: the whole reply, its sentences
 * (OpenNLP's pretrained English sentence detector) and, within sentences, clauses split at
 * "and", "but", "also", "plus", ";" and commas. A theme's score for the reply is the highest over
 * its segments, so "the buses are rubbish and I can't get a GP appointment" scores both themes
 * on their own clause instead of diluting each across the whole reply.
 */
final class Segmenter {
  private static final String SENT_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
  private static final Pattern CLAUSE = Pattern.compile(
      "\\s*(?:[;,:]|\\s-\\s|\\.{2,}|\\b(?:and|but|also|plus|as well as|n|an|&)\\b)\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final SentenceModel MODEL = loadModel();
  private static final ThreadLocal<SentenceDetectorME> DETECTOR =
      ThreadLocal.withInitial(() -> MODEL == null ? null : new SentenceDetectorME(MODEL));
  /** Clauses shorter than this many words are merged into their neighbour. */
  private static final int MIN_CLAUSE_WORDS = 2;

  private static SentenceModel loadModel() {
    try (InputStream in = Segmenter.class.getResourceAsStream(SENT_MODEL)) {
      return in == null ? null : new SentenceModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load sentence model " + SENT_MODEL, e);
    }
  }

  private Segmenter() {}

  static List<String> segments(String text) {
    Set<String> out = new LinkedHashSet<>();
    String whole = text.strip();
    out.add(whole);
    if (Features.tokenize(whole).size() < 5) {
      return List.copyOf(out);
    }
    for (String sentence : sentences(whole)) {
      out.add(sentence);
      List<String> clauses = clauses(sentence);
      if (clauses.size() > 1) {
        out.addAll(clauses);
      }
    }
    return List.copyOf(out);
  }

  private static List<String> sentences(String text) {
    SentenceDetectorME d = DETECTOR.get();
    List<String> out = new ArrayList<>();
    if (d != null) {
      for (String s : d.sentDetect(text)) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    if (out.size() <= 1) {
      // Residents often skip capitals and full stops; fall back to punctuation and line breaks.
      out.clear();
      for (String s : text.split("(?<=[.!?])\\s+|\\n+")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  private static List<String> clauses(String sentence) {
    List<String> out = new ArrayList<>();
    String pending = "";
    for (String part : CLAUSE.split(sentence)) {
      String c = (pending.isEmpty() ? part : pending + " " + part).strip();
      if (c.isEmpty()) {
        continue;
      }
      if (Features.tokenize(c).size() < MIN_CLAUSE_WORDS) {
        pending = c;
      } else {
        out.add(c);
        pending = "";
      }
    }
    if (!pending.isEmpty()) {
      if (out.isEmpty()) {
        out.add(pending);
      } else {
        out.set(out.size() - 1, out.get(out.size() - 1) + " " + pending);
      }
    }
    return out;
  }
}
