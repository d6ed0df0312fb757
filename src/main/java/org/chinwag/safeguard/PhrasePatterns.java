package org.chinwag.safeguard;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The curated phrase patterns from {@code patterns-<lang>.txt}. Each line is
 * {@code kind | pattern}: kind is a risk category id, {@code idiom} (a harmless figure of speech
 * that is blanked out before anything else looks at the text), {@code define} (a named piece of
 * pattern, used as {name}), {@code spell} (a text-speak word and its plain form, "wanna => want
 * to") or {@code group} (words that play the same part, a hint for the model: "group | violence =
 * hit punch kick"). Patterns are Java regular expressions matched against normalised text, whole
 * words only.
 */
final class PhrasePatterns {

    private static final Pattern REFERENCE = Pattern.compile("\\{([a-z][a-z0-9_-]*)}");

    record CategoryPattern(RiskCategory category, Pattern pattern) {}

    private final List<CategoryPattern> risks = new ArrayList<>();
    private final List<Pattern> idioms = new ArrayList<>();
    private final Map<String, String> spellings = new LinkedHashMap<>();
    private final Map<String, String> definitions = new LinkedHashMap<>();
    private final Map<String, List<String>> wordGroups = new LinkedHashMap<>();

    /** Reads one or more pattern files; {@code source} names them in error messages. */
    void add(String source, String content) {
        List<String> problems = new ArrayList<>();
        String[] lines = content.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int bar = line.indexOf('|');
            if (bar < 0) {
                problems.add("line " + (i + 1) + ": expected 'kind | pattern'");
                continue;
            }
            String kind = line.substring(0, bar).strip();
            String body = line.substring(bar + 1).strip();
            try {
                addLine(kind, body);
            } catch (IllegalArgumentException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new IllegalStateException(source + ": " + String.join("; ", problems));
    }

    private void addLine(String kind, String body) {
        switch (kind) {
            case "spell" -> {
                String[] parts = body.split("=>");
                if (parts.length != 2) throw new IllegalArgumentException("spell lines look like 'wanna => want to'");
                spellings.put(parts[0].strip(), parts[1].strip());
            }
            case "define" -> {
                int eq = body.indexOf('=');
                if (eq < 0) throw new IllegalArgumentException("define lines look like 'name = pattern'");
                definitions.put(body.substring(0, eq).strip(), "(?:" + expand(body.substring(eq + 1).strip()) + ")");
            }
            case "group" -> {
                int eq = body.indexOf('=');
                if (eq < 0) throw new IllegalArgumentException("group lines look like 'name = word word word'");
                String group = body.substring(0, eq).strip();
                for (String word : body.substring(eq + 1).strip().split("\\s+")) {
                    wordGroups.computeIfAbsent(word, w -> new ArrayList<>()).add(group);
                }
            }
            case "idiom" -> idioms.add(compile(body));
            default -> {
                RiskCategory category = RiskCategory.fromId(kind)
                        .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + kind + "'"));
                risks.add(new CategoryPattern(category, compile(body)));
            }
        }
    }

    private Pattern compile(String body) {
        try {
            // Whole words: a match may not start or end inside a word (it may end on a space).
            return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + expand(body) + ")(?:(?![\\p{L}\\p{N}])|(?<=\\s))");
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad pattern: " + e.getDescription());
        }
    }

    private String expand(String body) {
        Matcher m = REFERENCE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String definition = definitions.get(m.group(1));
            if (definition == null) throw new IllegalArgumentException("{" + m.group(1) + "} is not defined above");
            m.appendReplacement(out, Matcher.quoteReplacement(definition));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Each grouped word and the groups it belongs to. */
    Map<String, List<String>> wordGroups() {
        return wordGroups;
    }

    Map<String, String> spellings() {
        return spellings;
    }

    /** Blanks every idiom in already-normalised text, leaving the rest (which may still disclose risk). */
    String withoutIdioms(String normalised) {
        String s = normalised;
        for (Pattern idiom : idioms) s = idiom.matcher(s).replaceAll(" ~ ");
        return s;
    }

    /** Categories whose patterns match normalised, idiom-free text. */
    Set<RiskCategory> match(String text) {
        Set<RiskCategory> found = EnumSet.noneOf(RiskCategory.class);
        for (CategoryPattern p : risks) {
            if (!found.contains(p.category()) && p.pattern().matcher(text).find()) found.add(p.category());
        }
        return found;
    }

    int size() {
        return risks.size() + idioms.size();
    }
}
