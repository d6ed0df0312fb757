package org.chinwag.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.stemmer.PorterStemmer;
import opennlp.tools.util.InvalidFormatException;

/**
 * Turns a reply into the feature strings the maxent models see. Text is lower-cased, apostrophes
 * dropped ("can't" becomes "cant"), common text-speak expanded ("u" to "you"), and stemmed with
 * OpenNLP's Porter stemmer. Feature generators (all OpenNLP {@link FeatureGenerator}s):
 * <ul>
 *   <li>OpenNLP {@link BagOfWordsFeatureGenerator} over normalised words ({@code bow=})</li>
 *   <li>OpenNLP {@link NGramFeatureGenerator} word bigrams over stems ({@code ng=})</li>
 *   <li>{@link StemFeatures}: stems ({@code st=})</li>
 *   <li>{@link CharNGramFeatures}: character 3- to 5-grams inside words, to survive misspellings</li>
 *   <li>{@link ConceptFeatures}: the campaign's hand-written concept lexicon ({@code cn=}), plus
 *       buses named by route number ("the 4 stopped coming")</li>
 *   <li>{@link ShapeFeatures}: length bucket and question shape, which help the "none" decision</li>
 * </ul>
 */
final class Features {
  /** Bump when feature extraction changes, so cached models are retrained. */
  static final String VERSION = "f9";

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}£&]+");
  private static final Map<String, String> TEXT_SPEAK = Map.ofEntries(
      Map.entry("u", "you"), Map.entry("r", "are"), Map.entry("ur", "your"), Map.entry("yr", "your"),
      Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("plse", "please"),
      Map.entry("cos", "because"), Map.entry("coz", "because"), Map.entry("cuz", "because"),
      Map.entry("bc", "because"), Map.entry("thru", "through"), Map.entry("nowt", "nothing"),
      Map.entry("owt", "anything"), Map.entry("ppl", "people"), Map.entry("b4", "before"),
      Map.entry("gr8", "great"), Map.entry("wiv", "with"), Map.entry("wiv'", "with"),
      Map.entry("dr", "doctor"), Map.entry("drs", "doctors"), Map.entry("docs", "doctors"),
      Map.entry("doc", "doctor"), Map.entry("appt", "appointment"), Map.entry("appts", "appointments"),
      Map.entry("apt", "appointment"), Map.entry("kidz", "kids"), Map.entry("skool", "school"),
      Map.entry("im", "i'm"), Map.entry("n", "and"), Map.entry("nd", "and"), Map.entry("wat", "what"),
      Map.entry("wot", "what"), Map.entry("tht", "that"), Map.entry("da", "the"), Map.entry("teh", "the"),
      Map.entry("t'kids", "the kids"), Map.entry("summat", "something"), Map.entry("yer", "your"),
      Map.entry("thx", "thanks"), Map.entry("ty", "thanks"), Map.entry("tx", "thanks"));

  private static final ThreadLocal<PorterStemmer> STEMMER = ThreadLocal.withInitial(PorterStemmer::new);

  private final List<FeatureGenerator> generators;
  private final Lexicon lexicon;

  Features(Lexicon lexicon) {
    this.lexicon = lexicon;
    try {
      this.generators = List.of(
          new BagOfWordsFeatureGenerator(),
          new StemNGrams(),
          new StemFeatures(),
          new CharNGramFeatures(3, 4),
          new ConceptFeatures(lexicon),
          new ShapeFeatures());
    } catch (InvalidFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lower-cases and splits into word tokens, dropping apostrophes and expanding text-speak. */
  static List<String> tokenize(String text) {
    String s = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace("'", "");
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(s);
    while (m.find()) {
      String t = m.group();
      String rep = TEXT_SPEAK.get(t);
      if (rep != null) {
        for (String r : rep.replace("'", "").split(" ")) {
          out.add(r);
        }
      } else {
        out.add(t);
      }
    }
    return out;
  }

  static String stem(String token) {
    if (token.length() <= 3 || !token.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return token;
    }
    return STEMMER.get().stem(token);
  }

  /** The features of one text (a whole reply or one segment of it). */
  String[] extract(String text) {
    List<String> tokens = RubbishAsAdjective.rewrite(lexicon.replacePlaces(tokenize(text)));
    List<String> stems = new ArrayList<>(tokens.size());
    for (String t : tokens) {
      stems.add(stem(t));
    }
    Map<String, Object> extra = Map.of("stems", stems, "raw", text);
    String[] toks = tokens.toArray(new String[0]);
    Set<String> feats = new LinkedHashSet<>();
    for (FeatureGenerator g : generators) {
      feats.addAll(g.extractFeatures(toks, extra));
    }
    feats.add("bias");
    return feats.toArray(new String[0]);
  }

  Lexicon lexicon() {
    return lexicon;
  }

  @SuppressWarnings("unchecked")
  private static List<String> stems(String[] tokens, Map<String, Object> extra) {
    Object s = extra == null ? null : extra.get("stems");
    if (s instanceof List<?> l) {
      return (List<String>) l;
    }
    List<String> out = new ArrayList<>();
    for (String t : tokens) {
      out.add(stem(t));
    }
    return out;
  }

  /** Word bigrams over stems, using OpenNLP's n-gram generator. */
  static final class StemNGrams implements FeatureGenerator {
    private final NGramFeatureGenerator ngrams;

    StemNGrams() throws InvalidFormatException {
      this.ngrams = new NGramFeatureGenerator(2, 2);
    }

    @Override
    public Collection<String> extractFeatures(String[] text, Map<String, Object> extra) {
      return ngrams.extractFeatures(stems(text, extra).toArray(new String[0]), extra);
    }
  }

  /** Porter stems of the words. */
  static final class StemFeatures implements FeatureGenerator {
    @Override
    public Collection<String> extractFeatures(String[] text, Map<String, Object> extra) {
      List<String> out = new ArrayList<>();
      for (String s : stems(text, extra)) {
        out.add("st=" + s);
      }
      return out;
    }
  }

  /** Character n-grams of each word padded with boundary marks, e.g. "^bu", "bus", "us$". */
  static final class CharNGramFeatures implements FeatureGenerator {
    private final int min;
    private final int max;

    CharNGramFeatures(int min, int max) {
      this.min = min;
      this.max = max;
    }

    @Override
    public Collection<String> extractFeatures(String[] text, Map<String, Object> extra) {
      Set<String> out = new LinkedHashSet<>();
      for (String t : text) {
        if (t.length() < 3) {
          continue;
        }
        String w = "^" + t + "$";
        for (int n = min; n <= max; n++) {
          for (int i = 0; i + n <= w.length(); i++) {
            out.add("ch=" + w.substring(i, i + n));
          }
        }
      }
      return out;
    }
  }

  /** Concept cues from the campaign lexicon. */
  static final class ConceptFeatures implements FeatureGenerator {
    private final Lexicon lexicon;

    ConceptFeatures(Lexicon lexicon) {
      this.lexicon = lexicon;
    }

    @Override
    public Collection<String> extractFeatures(String[] text, Map<String, Object> extra) {
      List<String> out = new ArrayList<>();
      Set<String> cs = lexicon.concepts(List.of(text), stems(text, extra));
      if (RouteNumbers.named(text)) {
        cs.add("transport");
      }
      for (String c : cs) {
        out.add("cn=" + c);
      }
      if (cs.isEmpty()) {
        out.add("cn=-");
      }
      return out;
    }
  }

  /**
   * A route named by its number ("the 4 stopped coming", "number 72", "the x84 is always late"):
   * residents rarely say "bus" when they name their route, and a bare number carries no other
   * signal. Numbers followed by a unit ("the 8 o'clock", "the 2 kids", "the 10 minutes") are not
   * routes.
   */
  static final class RouteNumbers {
    private static final Pattern ROUTE = Pattern.compile("x?\\d{1,3}[a-rt-z]?");
    private static final Set<String> BEFORE = Set.of("the", "number", "no", "route", "bus");
    private static final Set<String> UNITS = Set.of("am", "pm", "oclock", "o", "clock", "min", "mins",
        "minute", "minutes", "hour", "hours", "hrs", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "yrs", "times", "time", "of", "kids", "children", "people", "olds", "old",
        "pounds", "quid", "p", "percent", "mile", "miles", "k", "th", "st", "nd", "rd", "s", "and", "or");

    private RouteNumbers() {}

    static boolean named(String[] text) {
      for (int i = 0; i + 1 < text.length; i++) {
        if (BEFORE.contains(text[i]) && ROUTE.matcher(text[i + 1]).matches()
            && (i + 2 >= text.length || !UNITS.contains(text[i + 2]))) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * "The buses are rubbish" means poor, not litter: in Yorkshire the adjective is far commoner than
   * the noun, and read as litter it tags any complaint as green spaces. After a linking or degree
   * word ("are rubbish", "it's rubbish", "so rubbish") it becomes "poor", unless it is clearly the
   * thing ("there is rubbish everywhere", "was rubbish bags").
   */
  static final class RubbishAsAdjective {
    private static final Set<String> BEFORE = Set.of("is", "are", "was", "were", "be", "been", "its", "so",
        "really", "absolutely", "totally", "proper", "pretty", "bit", "dead", "just", "too", "always", "utterly",
        "completely", "getting", "gone", "look", "looks", "still", "bloody");
    private static final Set<String> THING_AFTER = Set.of("everywhere", "bags", "bag", "bins", "bin", "dumped",
        "piled", "left", "lying", "strewn", "all", "on", "in", "collection", "collections",
        "tip", "tips", "thrown", "dumping");

    private RubbishAsAdjective() {}

    static List<String> rewrite(List<String> tokens) {
      List<String> out = null;
      for (int i = 1; i < tokens.size(); i++) {
        if (!tokens.get(i).equals("rubbish") || !BEFORE.contains(tokens.get(i - 1))) {
          continue;
        }
        boolean existential = i >= 2 && (tokens.get(i - 2).equals("there") || tokens.get(i - 2).equals("theres"));
        boolean thingAfter = i + 1 < tokens.size() && THING_AFTER.contains(tokens.get(i + 1));
        if (!existential && !thingAfter) {
          if (out == null) {
            out = new ArrayList<>(tokens);
          }
          out.set(i, "poor");
        }
      }
      return out == null ? tokens : out;
    }
  }

  /** Length bucket and question shape. */
  static final class ShapeFeatures implements FeatureGenerator {
    private static final Set<String> WH = Set.of("what", "why", "who", "how", "when", "where", "is", "are",
        "can", "do", "does", "will", "which");

    @Override
    public Collection<String> extractFeatures(String[] text, Map<String, Object> extra) {
      List<String> out = new ArrayList<>();
      int n = text.length;
      out.add("len=" + (n == 0 ? "0" : n == 1 ? "1" : n <= 3 ? "2-3" : n <= 7 ? "4-7" : n <= 15 ? "8-15" : "16+"));
      Object raw = extra == null ? null : extra.get("raw");
      boolean q = raw instanceof String r && r.trim().endsWith("?");
      if (q) {
        out.add("shape=q");
      }
      if (n > 0 && WH.contains(text[0])) {
        out.add("first=" + text[0]);
      }
      return out;
    }
  }
}
