package org.chinwag.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Decides the language of a reply. OpenNLP's language detector (the {@code langdetect-183.bin}
 * model) is unreliable on short text, and residents' English is short, misspelt and full of
 * local words, so the rule is:
 * <ol>
 *   <li>no letters (emoji, numbers): the campaign language;</li>
 *   <li>mostly non-Latin letters (Arabic, Urdu, Bengali, Chinese scripts...): ask the detector, and
 *       trust it whatever the length;</li>
 *   <li>at least half the words are known English (the training vocabulary plus common words;
 *       capitalised words after the first are taken as names and not counted):
 *       the campaign language, no detector needed;</li>
 *   <li>fewer than 4 words or 20 letters: too short to judge, the campaign language;</li>
 *   <li>otherwise the detector's answer when its top language is not the campaign's and either
 *       scores at least 1.2 times the campaign language, or fewer than 35% of the words are known
 *       English; else the campaign language.</li>
 * </ol>
 */
final class LanguageGuard {
  private static final String MODEL_RESOURCE = "/langdetect-183.bin";
  private static final Map<String, String> ISO3_TO_ISO1 = new HashMap<>();
  private static volatile LanguageDetectorME detector;

  static {
    for (String iso1 : Locale.getISOLanguages()) {
      try {
        ISO3_TO_ISO1.put(new Locale(iso1).getISO3Language(), iso1);
      } catch (RuntimeException ignored) {
        // no 3-letter code
      }
    }
    ISO3_TO_ISO1.put("pes", "fa"); // langdetect uses Iranian Persian
    ISO3_TO_ISO1.put("zho", "zh");
    ISO3_TO_ISO1.put("cmn", "zh");
  }

  private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{M}'\u2019]*\\p{L}[\\p{L}\\p{M}'\u2019]*");
  private final Set<String> campaignLanguages;
  private final String defaultLanguage;
  private final Set<String> vocabulary;

  LanguageGuard(List<String> campaignLanguages, Set<String> trainingVocabulary) {
    this.campaignLanguages = Set.copyOf(campaignLanguages);
    this.defaultLanguage = campaignLanguages.get(0);
    this.vocabulary = new HashSet<>(trainingVocabulary);
    this.vocabulary.addAll(COMMON_ENGLISH);
  }

  record Result(String language, boolean supported) {}

  Result detect(String text) {
    int letters = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters++;
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
          latin++;
        }
      }
    }
    if (letters == 0) {
      return new Result(defaultLanguage, true);
    }
    boolean nonLatin = latin * 2 < letters;
    if (nonLatin) {
      LanguageIdentifier.Result id = LanguageIdentifier.standard().detect(text);
      return new Result(id.language(), campaignLanguages.contains(id.language()));
    }
    // marker words of a language we know ("nie", "jest", "naxwazim") outweigh a shaky English guess
    LanguageIdentifier.Result marked = LanguageIdentifier.standard().detect(text);
    if (marked != null && marked.confident() && !campaignLanguages.contains(marked.language())) {
      return new Result(marked.language(), false);
    }
    double knownRatio = 1;
    if (!nonLatin) {
      // Count words, ignoring capitalised words after the first (names of places, shops, people).
      boolean allCaps = text.equals(text.toUpperCase(java.util.Locale.ROOT));
      java.util.regex.Matcher m = WORD.matcher(text);
      int words = 0;
      int known = 0;
      boolean first = true;
      while (m.find()) {
        String w = m.group();
        boolean name = !first && !allCaps && Character.isUpperCase(w.codePointAt(0));
        first = false;
        if (name) {
          continue;
        }
        words++;
        List<String> t = Features.tokenize(w);
        if (!t.isEmpty() && vocabulary.contains(t.get(0))) {
          known++;
        }
      }
      knownRatio = words == 0 ? 1 : (double) known / words;
      if (words == 0 || knownRatio >= 0.5) {
        return new Result(defaultLanguage, true);
      }
      if (words < 4 || letters < 20) {
        return new Result(defaultLanguage, true);
      }
    }
    Language[] langs = detector().predictLanguages(text);
    if (langs.length == 0) {
      return new Result(defaultLanguage, true);
    }
    String code = iso1(langs[0].getLang());
    if (campaignLanguages.contains(code)) {
      return new Result(code, true);
    }
    // The detector's probabilities are spread over ~100 languages, so compare the top language
    // with the campaign language's score rather than with an absolute cut-off.
    double campaign = 1e-9;
    for (Language l : langs) {
      if (campaignLanguages.contains(iso1(l.getLang()))) {
        campaign = Math.max(campaign, l.getConfidence());
      }
    }
    boolean confident = nonLatin || langs[0].getConfidence() >= 1.2 * campaign || knownRatio < 0.35;
    return confident ? new Result(code, false) : new Result(defaultLanguage, true);
  }

  static String iso1(String iso3) {
    return ISO3_TO_ISO1.getOrDefault(iso3, iso3);
  }

  /** Starts loading the detector model (about 1 s) on a daemon thread, so a batch overlaps it. */
  static void preloadInBackground() {
    if (detector == null) {
      Thread t = new Thread(() -> {
        try {
          detector();
        } catch (RuntimeException ignored) {
          // reported again on first real use
        }
      }, "langdetect-preload");
      t.setDaemon(true);
      t.start();
    }
  }

  static LanguageDetectorME detector() {
    LanguageDetectorME d = detector;
    if (d == null) {
      synchronized (LanguageGuard.class) {
        d = detector;
        if (d == null) {
          try (InputStream in = LanguageGuard.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("language model " + MODEL_RESOURCE
                  + " not on the classpath (org.apache.opennlp:opennlp-models-langdetect)");
            }
            d = new LanguageDetectorME(new LanguageDetectorModel(in));
            detector = d;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return d;
  }

  /** Common English words, shared with {@link LanguageIdentifier}. */
  private static final Set<String> COMMON_ENGLISH = LanguageIdentifier.COMMON_ENGLISH;
}
