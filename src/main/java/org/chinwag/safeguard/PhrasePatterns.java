package org.chinwag.safeguard;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One language's curated phrase patterns, from {@code patterns-<lang>.txt}. Each line is
 * {@code kind | body}: kind is a risk category id (an urgent hit), {@code <category>:check} (a hit
 * at the gentler check level), {@code idiom} (a harmless figure of speech blanked out before
 * anything else looks at the text), {@code define} (a named piece of pattern, used as {name}),
 * {@code spell} (a text-speak word and its plain form, "wanna => want to"), {@code group} (words
 * that play the same part, a hint for the model) or {@code option} ({@code no-word-boundaries} for
 * languages written without spaces; {@code also-latin} for languages often typed in Latin letters). Patterns are Java regular expressions matched against
 * normalised text, whole words only.
 */
final class PhrasePatterns {

    /** What is not a letter of the language in a pattern body: escapes, define references, group syntax. */
    private static final Pattern SYNTAX = Pattern.compile("\\\\[a-zA-Z]|\\{[a-z0-9_,-]*}|\\(\\?<?[=!:]?|\\[\\^?");

    /** One place a risk pattern matched, in the text as {@link #prepare} left it. */
    record Hit(RiskCategory category, RiskLevel level, int start, int end) {}

    private record Rule(RiskCategory category, RiskLevel level, Pattern pattern, RequiredText required) {}

    private record Idiom(Pattern pattern, RequiredText required) {}

    /** The literal pieces of every rule and idiom, found in one pass; which rules and idioms a text can match. */
    private PieceFinder finder = new PieceFinder().build();
    private Candidates ruleCandidates = Candidates.of(new int[0][][], 0);
    private Candidates idiomCandidates = Candidates.of(new int[0][][], 0);

    /**
     * Which of a list of patterns a text can match, from the pieces found in it: each pattern is
     * indexed under the pieces of its most selective required set, so a text is checked against
     * the few patterns whose pieces it holds rather than against every one.
     */
    private record Candidates(int[][][] ids, int[][] byPiece, int[] always) {
        static Candidates of(int[][][] ids, int pieces) {
            List<List<Integer>> byPiece = new ArrayList<>();
            for (int i = 0; i < pieces; i++) byPiece.add(new ArrayList<>());
            List<Integer> always = new ArrayList<>();
            for (int i = 0; i < ids.length; i++) {
                if (ids[i].length == 0) always.add(i);
                else for (int piece : ids[i][0]) byPiece.get(piece).add(i);
            }
            return new Candidates(ids, byPiece.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new),
                    always.stream().mapToInt(Integer::intValue).toArray());
        }

        /** The patterns (by index, in order) whose every required set has a piece among those found. */
        java.util.BitSet in(java.util.BitSet found) {
            java.util.BitSet candidates = new java.util.BitSet(ids.length);
            for (int i : always) candidates.set(i);
            for (int piece = found.nextSetBit(0); piece >= 0 && piece < byPiece.length; piece = found.nextSetBit(piece + 1)) {
                for (int i : byPiece[piece]) candidates.set(i);
            }
            for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
                if (!RequiredText.passes(ids[i], found)) candidates.clear(i);
            }
            return candidates;
        }
    }

    private final String language;
    private final List<Rule> rules = new ArrayList<>();
    private final List<Idiom> idioms = new ArrayList<>();
    private final Map<String, String> spellings = new HashMap<>();
    private final PatternFile file = new PatternFile();
    private final Map<String, List<String>> wordGroups = new LinkedHashMap<>();
    private final Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
    /** {@code option | also-latin}: the patterns also run on text in Latin letters, whatever share of them is romanised. */
    private boolean alsoLatin;
    private final Map<Character.UnicodeScript, Integer> letterCounts = new HashMap<>();

    PhrasePatterns(String language) {
        this.language = language;
    }

    /** Parses one pattern file; {@code source} names it in error messages, with line numbers. */
    static PhrasePatterns parse(String language, String source, String content) {
        PhrasePatterns p = new PhrasePatterns(language);
        p.add(source, content);
        return p;
    }

    void add(String source, String content) {
        file.read(source, content, this::addLine);
        decideScripts();
        PieceFinder pieces = new PieceFinder();
        int[][][] ruleIds = rules.stream().map(r -> r.required().ids(pieces)).toArray(int[][][]::new);
        int[][][] idiomIds = idioms.stream().map(i -> i.required().ids(pieces)).toArray(int[][][]::new);
        finder = pieces.build();
        ruleCandidates = Candidates.of(ruleIds, pieces.pieces());
        idiomCandidates = Candidates.of(idiomIds, pieces.pieces());
    }

    private void addLine(String kind, String body) {
        switch (kind) {
            case "define" -> { } // handled by the file
            case "spell" -> {
                String[] parts = body.split("=>");
                if (parts.length != 2) throw new IllegalArgumentException("spell lines look like 'wanna => want to'");
                for (String variant : parts[0].strip().split("\\s*,\\s*|\\s+")) spellings.put(variant, parts[1].strip());
            }
            case "group" -> {
                int eq = body.indexOf('=');
                if (eq < 0) throw new IllegalArgumentException("group lines look like 'name = word word word'");
                String group = body.substring(0, eq).strip();
                for (String word : body.substring(eq + 1).strip().split("\\s+")) {
                    wordGroups.computeIfAbsent(word, w -> new ArrayList<>()).add(group);
                }
            }
            case "option" -> {
                if (!body.equals("no-word-boundaries") && !body.equals("also-latin"))
                    throw new IllegalArgumentException("the options are 'no-word-boundaries' and 'also-latin'");
                if (!rules.isEmpty() || !idioms.isEmpty()) throw new IllegalArgumentException("options come before any pattern");
                if (body.equals("also-latin")) alsoLatin = true;
                else file.wordBoundaries = false;
            }
            case "idiom" -> idioms.add(new Idiom(file.compile(body), file.required(body)));
            default -> {
                boolean check = kind.endsWith(":check");
                String id = check ? kind.substring(0, kind.length() - ":check".length()) : kind;
                RiskCategory category = RiskCategory.fromId(id)
                        .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + kind + "'"));
                if (category == RiskCategory.LOW_MOOD && !check) {
                    throw new IllegalArgumentException("low_mood is only ever a check: write 'low_mood:check'");
                }
                rules.add(new Rule(category, check ? RiskLevel.CHECK : RiskLevel.URGENT, file.compile(body), file.required(body)));
            }
        }
        // define and group names are ours, not the language's
        countLetters(kind.equals("define") || kind.equals("group") ? body.substring(body.indexOf('=') + 1) : body);
    }

    private void countLetters(String body) {
        String letters = SYNTAX.matcher(body).replaceAll(" ");
        letters.codePoints().filter(Character::isLetter)
                .forEach(cp -> letterCounts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum));
    }

    /**
     * The scripts this language's patterns are written in (a script with at least a tenth of their
     * letters): a text with no letter in any of them cannot match, so the patterns are not run on it.
     */
    private void decideScripts() {
        int total = letterCounts.values().stream().mapToInt(Integer::intValue).sum();
        scripts.clear();
        letterCounts.forEach((script, n) -> {
            if (n * 10 >= total) scripts.add(script);
        });
        // a language often typed in Latin letters (Arabizi, Finglish) has a few romanised patterns among many in its own script
        if (alsoLatin) scripts.add(Character.UnicodeScript.LATIN);
    }

    String language() {
        return language;
    }

    boolean writtenIn(Set<Character.UnicodeScript> textScripts) {
        for (Character.UnicodeScript s : scripts) if (textScripts.contains(s)) return true;
        return false;
    }

    /** Each grouped word and the groups it belongs to. */
    Map<String, List<String>> wordGroups() {
        return wordGroups;
    }

    /** Normalised text with this language's spellings applied and its idioms blanked out. */
    String prepare(String normalised) {
        String s = spelled(normalised);
        return idioms.isEmpty() ? s : blankIdioms(s, finder.find(s));
    }

    /** Text as {@link #prepare} leaves it, and every hit in it. */
    record Prepared(String text, List<Hit> hits) {}

    /** {@link #prepare} then {@link #hits}, looking for the pieces once where no idiom was blanked (most texts). */
    Prepared prepareAndMatch(String normalised) {
        String spelled = spelled(normalised);
        java.util.BitSet found = finder.find(spelled);
        String prepared = blankIdioms(spelled, found);
        return new Prepared(prepared, hits(prepared, prepared.equals(spelled) ? found : finder.find(prepared)));
    }

    private String blankIdioms(String s, java.util.BitSet found) {
        // (blanking one idiom never creates another's pieces: it only puts " ~ " in their place)
        java.util.BitSet candidates = idiomCandidates.in(found);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            s = idioms.get(i).pattern().matcher(s).replaceAll(" ~ ");
        }
        return s;
    }

    private String spelled(String normalised) {
        if (spellings.isEmpty()) return normalised;
        StringBuilder out = new StringBuilder(normalised.length() + 16);
        for (String token : normalised.split(" ")) {
            if (token.isEmpty()) continue;
            if (!out.isEmpty()) out.append(' ');
            out.append(spellings.getOrDefault(token, token));
        }
        return out.toString();
    }

    /** Every match of every risk pattern in prepared text (context may rule some out, so all are kept). */
    List<Hit> hits(String prepared) {
        return hits(prepared, finder.find(prepared));
    }

    private List<Hit> hits(String prepared, java.util.BitSet found) {
        List<Hit> hits = new ArrayList<>();
        java.util.BitSet candidates = ruleCandidates.in(found);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Rule rule = rules.get(i);
            Matcher m = rule.pattern().matcher(prepared);
            while (m.find()) hits.add(new Hit(rule.category(), rule.level(), m.start(), m.end()));
        }
        return hits;
    }


    /** For tests: every rule and idiom that matches the text passes its prefilter. */
    boolean prefilterAgrees(String prepared) {
        java.util.BitSet found = finder.find(prepared);
        java.util.BitSet rulesTried = ruleCandidates.in(found);
        java.util.BitSet idiomsTried = idiomCandidates.in(found);
        for (int i = 0; i < rules.size(); i++) {
            boolean matches = rules.get(i).pattern().matcher(prepared).find();
            if (matches && !(rules.get(i).required().passes(prepared) && rulesTried.get(i))) return false;
        }
        for (int i = 0; i < idioms.size(); i++) {
            boolean matches = idioms.get(i).pattern().matcher(prepared).find();
            if (matches && !(idioms.get(i).required().passes(prepared) && idiomsTried.get(i))) return false;
        }
        return true;
    }


    int size() {
        return rules.size() + idioms.size();
    }
}
