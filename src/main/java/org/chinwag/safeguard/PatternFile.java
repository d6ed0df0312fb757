package org.chinwag.safeguard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What pattern and context files share: lines of {@code kind | body} with {@code #} comments,
 * {@code define | name = pattern} pieces used later as {name}, and whole-word regular expressions
 * over normalised text. A bad line fails the whole file with its name and line number.
 */
final class PatternFile {

    /** Handles one line; throws IllegalArgumentException with what is wrong. */
    interface LineHandler {
        void line(String kind, String body);
    }

    private static final Pattern REFERENCE = Pattern.compile("\\{([a-z][a-z0-9_-]*)}");

    private final Map<String, String> definitions = new HashMap<>();
    boolean wordBoundaries = true;

    /** Reads every line, handling {@code define} itself and passing the rest on. */
    void read(String source, String content, LineHandler handler) {
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
            String body = TextNormaliser.letterForm(line.substring(bar + 1).strip());
            try {
                if (kind.equals("define")) define(body);
                handler.line(kind, body);
            } catch (IllegalArgumentException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new IllegalStateException(source + ": " + String.join("; ", problems));
    }

    private void define(String body) {
        int eq = body.indexOf('=');
        if (eq < 0) throw new IllegalArgumentException("define lines look like 'name = pattern'");
        definitions.put(body.substring(0, eq).strip(), "(?:" + expand(body.substring(eq + 1).strip()) + ")");
    }

    Pattern compile(String body) {
        String expanded = expand(body);
        try {
            if (!wordBoundaries) return Pattern.compile(expanded);
            // Whole words: a match may not start or end inside a word (it may end on a space).
            return Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}])(?:" + expanded + ")(?:(?![\\p{L}\\p{M}\\p{N}])|(?<=\\s))");
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad pattern: " + e.getDescription());
        }
    }

    /** What any match of the body must contain, to skip the search on texts that cannot match. */
    RequiredText required(String body) {
        return RequiredText.of(expand(body));
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
}
