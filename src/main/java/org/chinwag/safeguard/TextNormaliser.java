package org.chinwag.safeguard;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Puts resident text into one plain form before patterns or the model see it: lower case, curly
 * quotes and apostrophes dropped ("don't" and "dont" become the same word), punctuation to spaces,
 * long letter runs shortened ("pleeeease" to "pleease") and text-speak mapped to plain words from
 * the {@code spell} lines of the pattern file. Patterns are therefore written against this form.
 */
final class TextNormaliser {

    private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02bc`\u00b4]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LETTER_RUN = Pattern.compile("(\\p{L})\\1{2,}");

    private final Map<String, String> spellings;

    TextNormaliser(Map<String, String> spellings) {
        this.spellings = Map.copyOf(spellings);
    }

    String normalise(String text) {
        if (text == null) return "";
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = APOSTROPHES.matcher(s).replaceAll("");
        s = NOT_WORD.matcher(s).replaceAll(" ");
        s = LETTER_RUN.matcher(s).replaceAll("$1$1");
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (String token : s.strip().split(" ")) {
            if (token.isEmpty()) continue;
            if (!out.isEmpty()) out.append(' ');
            out.append(spellings.getOrDefault(token, token));
        }
        return out.toString();
    }
}
