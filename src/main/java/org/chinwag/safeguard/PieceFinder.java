package org.chinwag.safeguard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Finds which of many literal pieces occur in a text in one pass (Aho-Corasick), so that the
 * {@link RequiredText} of hundreds of patterns is checked with a few bit lookups instead of
 * thousands of {@link String#contains} calls.
 */
final class PieceFinder {

    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final List<Map<Character, Integer>> next = new ArrayList<>();
    private final List<Integer> fail = new ArrayList<>();
    private final List<int[]> output = new ArrayList<>();
    /** The automaton as a table: each character of the pieces has a column (0: any other character). */
    private final char[] column = new char[Character.MAX_VALUE + 1];
    private int columns = 1;
    private int[] delta = new int[0];
    private int[][] outputs = new int[0][];

    /** The id of a piece, adding it if new. Call before {@link #build()}. */
    int id(String piece) {
        return ids.computeIfAbsent(piece, p -> ids.size());
    }

    PieceFinder build() {
        next.add(new HashMap<>());
        fail.add(0);
        List<List<Integer>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        ids.forEach((piece, id) -> {
            int state = 0;
            for (int i = 0; i < piece.length(); i++) {
                char c = piece.charAt(i);
                Integer to = next.get(state).get(c);
                if (to == null) {
                    to = next.size();
                    next.get(state).put(c, to);
                    next.add(new HashMap<>());
                    fail.add(0);
                    out.add(new ArrayList<>());
                }
                state = to;
            }
            out.get(state).add(id);
        });
        Queue<Integer> queue = new ArrayDeque<>(next.get(0).values());
        while (!queue.isEmpty()) {
            int state = queue.remove();
            for (Map.Entry<Character, Integer> edge : next.get(state).entrySet()) {
                int child = edge.getValue();
                int f = fail.get(state);
                while (f != 0 && !next.get(f).containsKey(edge.getKey())) f = fail.get(f);
                Integer to = next.get(f).get(edge.getKey());
                fail.set(child, to != null && to != child ? to : 0);
                out.get(child).addAll(out.get(fail.get(child)));
                queue.add(child);
            }
        }
        for (List<Integer> o : out) output.add(o.stream().mapToInt(Integer::intValue).distinct().toArray());
        table();
        return this;
    }

    /** Every state's move on every column, following failure links once here rather than per character. */
    private void table() {
        for (Map<Character, Integer> edges : next) {
            for (char c : edges.keySet()) if (column[c] == 0) column[c] = (char) columns++;
        }
        int states = next.size();
        delta = new int[states * columns];
        outputs = output.toArray(int[][]::new);
        // breadth first, so a state's failure target is filled in before the state itself
        Queue<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        boolean[] seen = new boolean[states];
        seen[0] = true;
        List<Character> chars = new ArrayList<>();
        for (int c = 0; c < column.length; c++) if (column[c] != 0) chars.add((char) c);
        while (!queue.isEmpty()) {
            int state = queue.remove();
            for (char c : chars) {
                Integer to = next.get(state).get(c);
                int move = to != null ? to : state == 0 ? 0 : delta[fail.get(state) * columns + column[c]];
                delta[state * columns + column[c]] = move;
                if (to != null && !seen[to]) {
                    seen[to] = true;
                    queue.add(to);
                }
            }
        }
    }

    /** The ids of every piece found in the text. */
    BitSet find(String text) {
        BitSet found = new BitSet(ids.size());
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            state = delta[state * columns + column[text.charAt(i)]];
            for (int id : outputs[state]) found.set(id);
        }
        return found;
    }
}
