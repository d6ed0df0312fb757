package org.chinwag.safeguard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A cheap test that a regular expression cannot match a text: the pieces of literal text that any
 * match must contain (one of each required set, as RE2's and Hyperscan's prefilters do). Hundreds of phrase patterns
 * run on every message, and nearly every message is ordinary, so most patterns are skipped after a
 * few {@link String#contains} calls instead of a regular-expression search.
 *
 * <p>Reads the subset of Java regex syntax the pattern files use: literals, groups, alternation,
 * quantifiers, classes, escapes and lookarounds (which require nothing). Anything it does not
 * understand makes it require nothing, so it can only ever let a text through, never wrongly
 * skip one: {@code passes(text)} is false only when the pattern surely does not match.
 */
final class RequiredText {

    /** Beyond this many alternatives the check costs more than it saves. */
    private static final int MAX_ALTERNATIVES = 48;
    /** Literal pieces shorter than this are too common to be worth checking. */
    private static final int MIN_LENGTH = 3;
    /** Checking more parts than this costs more than it rules out. */
    private static final int MAX_PARTS = 3;

    static final RequiredText NOTHING = new RequiredText(List.of());

    /** Each array: a match contains at least one of its pieces; and a match meets every array. */
    private final String[][] allOf;

    private RequiredText(List<Set<String>> allOf) {
        this.allOf = allOf.stream().map(set -> set.toArray(String[]::new)).toArray(String[][]::new);
    }

    static RequiredText of(String regex) {
        try {
            Parser p = new Parser(regex);
            List<Set<String>> required = p.top();
            if (p.pos != regex.length()) return NOTHING;
            return new RequiredText(required);
        } catch (RuntimeException e) {
            return NOTHING;
        }
    }

    /** False only when no match is possible. */
    boolean passes(String text) {
        for (String[] anyOf : allOf) {
            boolean found = false;
            for (String s : anyOf) {
                if (text.contains(s)) {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }

    /** The same test against the pieces a {@link PieceFinder} found: ids of each required set. */
    int[][] ids(PieceFinder finder) {
        int[][] ids = new int[allOf.length][];
        for (int i = 0; i < allOf.length; i++) {
            ids[i] = java.util.Arrays.stream(allOf[i]).mapToInt(finder::id).toArray();
        }
        return ids;
    }

    /** {@link #passes(String)}, given which pieces ({@link #ids}) the text contains. */
    static boolean passes(int[][] ids, java.util.BitSet found) {
        for (int[] anyOf : ids) {
            boolean any = false;
            for (int id : anyOf) {
                if (found.get(id)) {
                    any = true;
                    break;
                }
            }
            if (!any) return false;
        }
        return true;
    }

    /** The most selective set of pieces, one of which any match contains (null: none required). For tests. */
    Set<String> pieces() {
        return allOf.length == 0 ? null : Set.of(allOf[0]);
    }

    /** Recursive descent over the regex; each method returns the required pieces, or null for none. */
    private static final class Parser {
        private final String re;
        int pos;

        Parser(String re) {
            this.re = re;
        }

        /** All the required parts of the whole regex, most selective first. */
        List<Set<String>> top() {
            int start = pos;
            List<Set<String>> parts = sequenceParts();
            if (pos < re.length() && re.charAt(pos) == '|') {
                pos = start;
                Set<String> union = alternation();
                return union == null ? List.of() : List.of(union);
            }
            List<Set<String>> useful = new ArrayList<>(parts.stream().filter(Parser::useful).toList());
            useful.sort((a, b) -> Double.compare(selectivity(b), selectivity(a)));
            return useful.size() > MAX_PARTS ? useful.subList(0, MAX_PARTS) : useful;
        }

        Set<String> alternation() {
            List<Set<String>> branches = new ArrayList<>();
            branches.add(sequence());
            while (pos < re.length() && re.charAt(pos) == '|') {
                pos++;
                branches.add(sequence());
            }
            Set<String> union = new HashSet<>();
            for (Set<String> b : branches) {
                if (b == null) return null;
                union.addAll(b);
                if (union.size() > MAX_ALTERNATIVES) return null;
            }
            return union;
        }

        /** A sequence up to '|' or ')': the most selective requirement of its parts. */
        private Set<String> sequence() {
            Set<String> best = null;
            for (Set<String> part : sequenceParts()) {
                if (!useful(part)) continue;
                if (best == null || selectivity(part) > selectivity(best)) best = part;
            }
            return best;
        }

        /** Short English letter runs ("me", "is") rule out nothing; two letters of another script do. */
        private static boolean useful(Set<String> part) {
            return part.stream().allMatch(s -> {
                String t = s.strip();
                boolean ascii = t.chars().allMatch(c -> c < 128);
                return t.length() >= (ascii ? MIN_LENGTH : 2);
            });
        }

        /** Every requirement of a sequence's parts, in order. */
        private List<Set<String>> sequenceParts() {
            List<Set<String>> parts = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
                Atom atom = atom();
                Quantifier q = quantifier();
                if (atom.literal != null && q.min == 1 && q.max == 1) {
                    run.append(atom.literal);
                    continue;
                }
                flush(run, parts);
                if (q.min == 0) continue;
                if (atom.literal != null) parts.add(Set.of(String.valueOf(atom.literal)));
                else if (atom.required != null) parts.add(atom.required);
            }
            flush(run, parts);
            return parts;
        }

        private static void flush(StringBuilder run, List<Set<String>> parts) {
            if (!run.isEmpty()) parts.add(Set.of(run.toString()));
            run.setLength(0);
        }

        /** Fewer, longer pieces are checked faster and rule out more. */
        private static double selectivity(Set<String> pieces) {
            int shortest = pieces.stream().mapToInt(String::length).min().orElse(0);
            return shortest - 0.05 * pieces.size();
        }

        private record Atom(Character literal, Set<String> required) {}

        private static final Atom OPAQUE = new Atom(null, null);

        private Atom atom() {
            char c = re.charAt(pos++);
            switch (c) {
                case '(' -> {
                    boolean zeroWidth = false;
                    if (re.startsWith("?:", pos)) pos += 2;
                    else if (re.startsWith("?=", pos) || re.startsWith("?!", pos)) { pos += 2; zeroWidth = true; }
                    else if (re.startsWith("?<=", pos) || re.startsWith("?<!", pos)) { pos += 3; zeroWidth = true; }
                    else if (re.startsWith("?<", pos)) pos = re.indexOf('>', pos) + 1;
                    else if (re.startsWith("?", pos)) throw new IllegalArgumentException("flags");
                    Set<String> inner = alternation();
                    if (pos >= re.length() || re.charAt(pos) != ')') throw new IllegalArgumentException("unclosed");
                    pos++;
                    return zeroWidth ? new Atom(null, null) : new Atom(null, inner);
                }
                case '[' -> {
                    skipClass();
                    return OPAQUE;
                }
                case '\\' -> {
                    char e = re.charAt(pos++);
                    if (e == 'p' || e == 'P') {
                        if (re.charAt(pos) == '{') pos = re.indexOf('}', pos) + 1;
                        else pos++;
                        return OPAQUE;
                    }
                    if (Character.isLetterOrDigit(e)) {
                        if (e == 'b' || e == 'B') return new Atom(null, null); // zero width
                        return OPAQUE;
                    }
                    return new Atom(e, null);
                }
                case '.', '^', '$' -> {
                    return c == '.' ? OPAQUE : new Atom(null, null);
                }
                case '*', '+', '?', '{' -> throw new IllegalArgumentException("dangling quantifier");
                default -> {
                    return new Atom(c, null);
                }
            }
        }

        private void skipClass() {
            if (pos < re.length() && re.charAt(pos) == '^') pos++;
            if (pos < re.length() && re.charAt(pos) == ']') pos++;
            while (pos < re.length() && re.charAt(pos) != ']') {
                if (re.charAt(pos) == '\\') pos++;
                else if (re.charAt(pos) == '[') {
                    pos++;
                    skipClass();
                }
                pos++;
            }
            pos++;
        }

        private record Quantifier(int min, int max) {}

        private Quantifier quantifier() {
            if (pos >= re.length()) return new Quantifier(1, 1);
            char c = re.charAt(pos);
            Quantifier q;
            switch (c) {
                case '?' -> { pos++; q = new Quantifier(0, 1); }
                case '*' -> { pos++; q = new Quantifier(0, Integer.MAX_VALUE); }
                case '+' -> { pos++; q = new Quantifier(1, Integer.MAX_VALUE); }
                case '{' -> {
                    int close = re.indexOf('}', pos);
                    String[] bounds = re.substring(pos + 1, close).split(",", -1);
                    int min = Integer.parseInt(bounds[0].strip());
                    int max = bounds.length == 1 ? min : bounds[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1].strip());
                    pos = close + 1;
                    q = new Quantifier(min, max);
                }
                default -> { return new Quantifier(1, 1); }
            }
            if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) pos++; // lazy or possessive
            return q;
        }
    }
}
