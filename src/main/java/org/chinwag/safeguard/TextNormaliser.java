package org.chinwag.safeguard;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Puts resident text into one plain form before patterns, context cues or the model see it, the
 * same for every language, so pattern files are written against this form (see docs/safeguarding.md):
 * <ul>
 *   <li>split into sentences (at . ! ? ; newlines and the CJK, Arabic, Urdu and Ethiopic stops),
 *       each normalised alone and joined with {@code " . "}, so context cues can find a hit's sentence;</li>
 *   <li>lower case; apostrophes dropped ("don't" and "dont" become one word);</li>
 *   <li>Latin, Greek, Cyrillic and Arabic-script letters lose their accents and short-vowel marks,
 *       because phones in the UK often type "chce zyc" for "chcę żyć"; Indic and Ethiopic vowel signs
 *       are parts of letters and are kept;</li>
 *   <li>Arabic-script letter variants that Arabic, Farsi, Urdu and Kurdish keyboards type
 *       differently are unified (ي/ی, ك/ک, ہ/ه ...); zero-width joiners removed; every script's digits to 0-9;</li>
 *   <li>other punctuation to single spaces; letter runs of three or more cut to two ("sooo" to "soo").</li>
 * </ul>
 * Per-language spelling (text-speak) is applied afterwards, by each language's {@link PhrasePatterns}.
 */
final class TextNormaliser {

    /** Between two sentences in normalised text. */
    static final String SENTENCE_BREAK = " . ";

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;\\n\\r\u3002\uff01\uff1f\u061f\u06d4\u1362]+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02bc`\u00b4]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern LETTER_RUN = Pattern.compile("(\\p{L})\\1{2,}");

    private TextNormaliser() {}

    static String normalise(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (String sentence : SENTENCE_END.split(text)) {
            String s = sentence(sentence);
            if (s.isEmpty()) continue;
            if (!out.isEmpty()) out.append(SENTENCE_BREAK);
            out.append(s);
        }
        return out.toString();
    }

    /**
     * The letter changes alone (no lower-casing, no punctuation changes), for the bodies of pattern
     * files: a pattern written with "chcę" or "ي" must match the normalised text, and regular
     * expression syntax is ASCII, which this leaves alone.
     */
    static String letterForm(String body) {
        String s = Normalizer.normalize(body, Normalizer.Form.NFKC);
        return Normalizer.normalize(letters(Normalizer.normalize(s, Normalizer.Form.NFD)), Normalizer.Form.NFC);
    }

    private static String sentence(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = APOSTROPHES.matcher(s).replaceAll("");
        s = letters(Normalizer.normalize(s, Normalizer.Form.NFD));
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        s = NOT_WORD.matcher(s).replaceAll(" ");
        s = LETTER_RUN.matcher(s).replaceAll("$1$1");
        return s.strip();
    }

    /** Drops marks on scripts where they are accents, and unifies letter variants. Input is NFD. */
    private static String letters(String nfd) {
        StringBuilder out = new StringBuilder(nfd.length());
        Character.UnicodeScript base = Character.UnicodeScript.COMMON;
        for (int i = 0; i < nfd.length(); ) {
            int cp = nfd.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
                if (!accented(base)) out.appendCodePoint(cp);
                continue;
            }
            base = Character.UnicodeScript.of(cp);
            switch (cp) {
                case 'ł' -> out.append('l');
                case 'đ' -> out.append('d');
                case 'ø' -> out.append('o');
                case 'ß' -> out.append("ss");
                case 'ı' -> out.append('i');
                case 'æ' -> out.append("ae");
                case '\u064a', '\u0649' -> out.append('\u06cc');           // Arabic yeh, alef maksura -> Farsi yeh
                case '\u0643' -> out.append('\u06a9');                     // Arabic kaf -> keheh
                case '\u06c1', '\u06be', '\u06d5' -> out.append('\u0647'); // heh goal, do-chashmi heh, Kurdish ae -> heh
                case '\u0671' -> out.append('\u0627');                     // alef wasla -> alef
                case '\u0640', '\u200c', '\u200d' -> { }                   // tatweel, zero-width (non-)joiner
                default -> {
                    // Arabic-Indic, Persian, Bengali, Devanagari ... digits to 0-9
                    if (cp > 127 && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) out.append((char) ('0' + Character.digit(cp, 10)));
                    else out.appendCodePoint(cp);
                }
            }
        }
        return out.toString();
    }

    private static boolean accented(Character.UnicodeScript script) {
        return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.GREEK
                || script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.ARABIC;
    }
}
