package org.chinwag.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.langdetect.Language;

/**
 * Which language a short resident message is in. OpenNLP's detector alone is unreliable on a few
 * words and knows neither Kurdish (Sorani, Kurmanji) nor Tigrinya, so it is the last resort:
 * <ol>
 *   <li>the script decides where it can: Ethiopic is Tigrinya (Amharic when its marker words win),
 *       Han is Chinese, Bengali script Bengali, Gurmukhi Punjabi; Arabic script with a Kurdish-only
 *       letter (ڕ ڵ ۆ ێ) is Sorani;</li>
 *   <li>marker words (very common words of each language, in
 *       {@code org/chinwag/classify/languages/<code>.txt}) decide between languages of one script
 *       when at least two are found and they outnumber common English words;</li>
 *   <li>otherwise OpenNLP, restricted for Arabic script to the languages written in it.</li>
 * </ol>
 * Codes are ISO 639-1 where one exists ("pl", "ur"), else ISO 639-3 ("ckb", "kmr").
 */
public final class LanguageIdentifier {

    /** The languages whose marker files are looked for; a missing file is skipped. */
    static final List<String> MARKER_LANGUAGES = List.of("ur", "pa", "pl", "ar", "ro", "ckb", "kmr", "bn", "zh", "pt",
            "fa", "ti", "am", "cs", "sk", "so", "hi", "es", "it", "fr", "de", "tr", "lt", "lv", "hu", "sl", "ku");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");
    private static final Set<String> ARABIC_SCRIPT_LANGUAGES = Set.of("ar", "fa", "ur", "pa", "ckb", "ps", "ug", "sd");
    private static volatile LanguageIdentifier standard;

    /** One language's markers. */
    record Markers(String code, Character.UnicodeScript script, Set<String> words, Set<Integer> letters) {}

    /** The language and whether the evidence was strong (script, or several marker words). */
    public record Result(String language, boolean confident) {}

    /** The languages in the order given: a tie goes to the one listed first, the same in every run. */
    private final String[] codes;
    /** For each marker word and letter, the languages (indexes into {@link #codes}) it is a marker of: one lookup per word. */
    private final Map<String, int[]> languagesByWord = new HashMap<>();
    private final Map<Integer, int[]> languagesByLetter = new HashMap<>();
    /** Letters only Sorani uses (ڕ ڵ ۆ ێ): one settles an Arabic-script text. */
    private final Set<Integer> soraniLetters;

    /** @param markers each language's markers, in the order ties are settled by (a LinkedHashMap, not Map.copyOf, whose order changes from run to run) */
    LanguageIdentifier(Map<String, Markers> markers) {
        this.codes = markers.keySet().toArray(String[]::new);
        this.soraniLetters = markers.containsKey("ckb") ? markers.get("ckb").letters() : Set.of();
        int i = 0;
        for (Markers m : markers.values()) {
            for (String w : m.words()) languagesByWord.merge(w, new int[] {i}, LanguageIdentifier::concat);
            for (int letter : m.letters()) languagesByLetter.merge(letter, new int[] {i}, LanguageIdentifier::concat);
            i++;
        }
    }

    private static int[] concat(int[] a, int[] b) {
        int[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** How many of the words (and, if given, letters) are markers of each language, by index into {@link #codes}. */
    private int[] markerHits(List<String> words, int[] codePoints) {
        int[] hits = new int[codes.length];
        for (String w : words) {
            int[] languages = languagesByWord.get(w);
            if (languages != null) for (int l : languages) hits[l]++;
        }
        for (int cp : codePoints) {
            int[] languages = languagesByLetter.get(cp);
            if (languages != null) for (int l : languages) hits[l]++;
        }
        return hits;
    }

    /** The identifier with the marker files on the classpath (loaded once). */
    public static LanguageIdentifier standard() {
        LanguageIdentifier s = standard;
        if (s == null) {
            synchronized (LanguageIdentifier.class) {
                s = standard;
                if (s == null) standard = s = new LanguageIdentifier(loadMarkers());
            }
        }
        return s;
    }

    /** Whether the word (lower case, no accents) is a marker word of some language other than English. */
    public boolean isMarkerWord(String word) {
        return languagesByWord.containsKey(word);
    }

    /**
     * The language of {@code text}, or null when it has no letters. English is the answer when
     * nothing points elsewhere.
     */
    public Result detect(String text) {
        Map<Character.UnicodeScript, Integer> scripts = scripts(text);
        if (scripts.isEmpty()) return null;
        Character.UnicodeScript main = scripts.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
        switch (main) {
            case ETHIOPIC:
                return new Result(best(text, 1).orElse("ti"), true);
            case HAN:
                return new Result(scripts.containsKey(Character.UnicodeScript.HIRAGANA)
                        || scripts.containsKey(Character.UnicodeScript.KATAKANA) ? "ja" : "zh", true);
            case HIRAGANA, KATAKANA:
                return new Result("ja", true);
            case BENGALI:
                return new Result("bn", true);
            case GURMUKHI:
                return new Result("pa", true);
            case HANGUL:
                return new Result("ko", true);
            case ARABIC:
                return new Result(arabicScript(text), true);
            case LATIN:
                return latin(text);
            default:
                return new Result(openNlp(text, null), false);
        }
    }

    private String arabicScript(String text) {
        // a Kurdish-only letter (ڕ ڵ ۆ ێ) settles it; otherwise marker words, then OpenNLP
        if (text.codePoints().anyMatch(soraniLetters::contains)) return "ckb";
        return best(text, 2)
                .orElseGet(() -> openNlp(text, ARABIC_SCRIPT_LANGUAGES));
    }

    private Result latin(String text) {
        List<String> words = words(text);
        int english = 0;
        for (String w : words) if (COMMON_ENGLISH.contains(w)) english++;
        String bestCode = null;
        int bestHits = 0;
        // every language's markers: a file for Urdu also lists Roman Urdu words
        int[] hits = markerHits(words, new int[0]);
        for (int l = 0; l < codes.length; l++) {
            if (hits[l] > bestHits) {
                bestHits = hits[l];
                bestCode = codes[l];
            }
        }
        if (bestCode != null && bestHits >= 2 && bestHits > english) return new Result(bestCode, true);
        if (bestCode != null && bestHits == 1 && english == 0 && words.size() <= 2 && words.get(0).length() >= 4) {
            return new Result(bestCode, false);
        }
        // Mostly unknown words and long enough for the statistical detector to have a say.
        if (words.size() >= 4 && english * 5 < words.size()) {
            String guess = openNlp(text, null);
            if (guess != null && !guess.equals("en")) return new Result(guess, false);
        }
        return new Result("en", english > 0);
    }

    /** The language with the most marker words and letters in the text, if it has at least {@code min} and a clear lead. */
    private java.util.Optional<String> best(String text, int min) {
        List<String> words = words(text);
        int[] codePoints = text.codePoints().toArray();
        String bestCode = null;
        int bestHits = 0;
        int second = 0;
        // words and letters only match text in their own script, so every language can be asked
        int[] hits = markerHits(words, codePoints);
        for (int l = 0; l < codes.length; l++) {
            if (hits[l] > bestHits) {
                second = bestHits;
                bestHits = hits[l];
                bestCode = codes[l];
            } else if (hits[l] > second) {
                second = hits[l];
            }
        }
        return bestHits >= min && bestHits > second ? java.util.Optional.of(bestCode) : java.util.Optional.empty();
    }

    private static String openNlp(String text, Set<String> among) {
        Language[] guesses = LanguageGuard.detector().predictLanguages(text);
        for (Language l : guesses) {
            String code = LanguageGuard.iso1(l.getLang());
            if ("pnb".equals(code)) code = "pa";
            if ("pes".equals(code) || "fas".equals(code)) code = "fa";
            if ("cmn".equals(code)) code = "zh";
            if (among == null || among.contains(code)) return code;
        }
        return among == null ? null : "ar";
    }

    private static Map<Character.UnicodeScript, Integer> scripts(String text) {
        Map<Character.UnicodeScript, Integer> counts = new EnumMap<>(Character.UnicodeScript.class);
        text.codePoints().filter(Character::isLetter).forEach(cp -> counts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum));
        return counts;
    }

    /** Lower-case words without accents, as the marker files are written. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(plain(text));
        while (m.find()) words.add(m.group());
        return words;
    }

    static String plain(String text) {
        String s = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(s.length());
        Character.UnicodeScript base = Character.UnicodeScript.COMMON;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                if (base != Character.UnicodeScript.LATIN && base != Character.UnicodeScript.ARABIC) out.appendCodePoint(cp);
                continue;
            }
            base = Character.UnicodeScript.of(cp);
            switch (cp) {
                case 'ł' -> out.append('l');
                case 'ı' -> out.append('i');
                case '\u064a', '\u0649' -> out.append('\u06cc');
                case '\u0643' -> out.append('\u06a9');
                case '\u06c1', '\u06be', '\u06d5' -> out.append('\u0647');
                case '\u200c', '\u200d', '\u0640' -> { }
                default -> out.appendCodePoint(cp);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static Map<String, Markers> loadMarkers() {
        Map<String, Markers> all = new LinkedHashMap<>();
        for (String code : MARKER_LANGUAGES) {
            try (InputStream in = LanguageIdentifier.class.getResourceAsStream("languages/" + code + ".txt")) {
                if (in != null) all.put(code, parseMarkers(code, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    /** {@code words = ...}, {@code letters = ...} and {@code script = ...} lines; # comments. */
    static Markers parseMarkers(String code, String content) {
        Set<String> words = new HashSet<>();
        Set<Integer> letters = new HashSet<>();
        Character.UnicodeScript script = Character.UnicodeScript.LATIN;
        for (String raw : content.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq < 0) throw new IllegalStateException("languages/" + code + ".txt: expected 'words = ...', 'letters = ...' or 'script = ...': " + line);
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            switch (key) {
                case "words" -> words.addAll(words(value));
                case "letters" -> value.codePoints().filter(Character::isLetter).forEach(letters::add);
                case "script" -> script = scriptNamed(code, value);
                default -> throw new IllegalStateException("languages/" + code + ".txt: unknown key '" + key + "'");
            }
        }
        // English words are never evidence for another language
        words.removeAll(COMMON_ENGLISH);
        return new Markers(code, script, Set.copyOf(words), Set.copyOf(letters));
    }

    private static Character.UnicodeScript scriptNamed(String code, String name) {
        Map<String, Character.UnicodeScript> names = new HashMap<>();
        names.put("latin", Character.UnicodeScript.LATIN);
        names.put("arabic", Character.UnicodeScript.ARABIC);
        names.put("bengali", Character.UnicodeScript.BENGALI);
        names.put("gurmukhi", Character.UnicodeScript.GURMUKHI);
        names.put("han", Character.UnicodeScript.HAN);
        names.put("ethiopic", Character.UnicodeScript.ETHIOPIC);
        names.put("devanagari", Character.UnicodeScript.DEVANAGARI);
        Character.UnicodeScript s = names.get(name.toLowerCase(Locale.ROOT).split("[\\s|,]+")[0]);
        if (s == null) throw new IllegalStateException("languages/" + code + ".txt: unknown script '" + name + "'");
        return s;
    }

    /** Common English words: evidence that a Latin-script message is English. */
    static final Set<String> COMMON_ENGLISH = Set.copyOf(List.of(
            "the", "a", "an", "and", "or", "but", "i", "you", "he", "she", "it", "we", "they", "me", "my", "your",
            "our", "their", "is", "are", "was", "were", "be", "been", "have", "has", "had", "do", "does", "did",
            "not", "no", "yes", "to", "of", "in", "on", "at", "for", "with", "from", "by", "about", "this", "that",
            "there", "here", "what", "why", "who", "how", "when", "where", "can", "cant", "cannot", "will", "would",
            "should", "could", "get", "got", "go", "going", "more", "less", "very", "so", "too", "just", "like",
            "need", "want", "think", "know", "dont", "im", "its", "thats", "theres", "all", "some", "any", "if",
            "then", "than", "up", "out", "down", "over", "really", "good", "bad", "ok", "okay", "thanks", "thank",
            "hello", "hi", "please", "people", "place", "area", "live", "round", "lot", "lots", "much", "many",
            "bus", "buses", "gp", "park", "doctor", "help", "life", "time", "home", "work", "kids", "nothing", "not",
            "never", "always", "feel", "anymore", "today", "now", "tired", "alone"));
}
