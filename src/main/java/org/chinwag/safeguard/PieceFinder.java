package org.chinwag.safeguard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** Moves as chars when there are few enough states, else as ints in {@link #delta}. */
    private char[] smallDelta;
    private int[] delta = new int[0];
    private int[][] outputs = new int[0][];

    /** The id of a piece, adding it if new. Call before {@link #build()}. */
    int id(String piece) {
        return ids.computeIfAbsent(piece, p -> ids.size());
    }

    /** How many pieces have ids. */
    int pieces() {
        return ids.size();
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

    /**
     * Every state's move on every column, following failure links once here rather than per
     * character. States are numbered breadth first, so the shallow ones almost every character
     * visits sit together in memory, and moves are chars where they fit: the table of a large
     * pattern file is megabytes, and a cache miss per character was most of the cost of a search.
     */
    private void table() {
        for (Map<Character, Integer> edges : next) {
            for (char c : edges.keySet()) if (column[c] == 0) column[c] = (char) columns++;
        }
        int states = next.size();
        int[] order = new int[states];
        int[] number = new int[states];
        Arrays.fill(number, -1);
        number[0] = 0;
        int numbered = 1;
        for (int k = 0; k < numbered; k++) {
            for (int to : next.get(order[k]).values()) {
                if (number[to] < 0) {
                    number[to] = numbered;
                    order[numbered++] = to;
                }
            }
        }
        int[] moves = new int[states * columns];
        outputs = new int[states][];
        List<Character> chars = new ArrayList<>();
        for (int c = 0; c < column.length; c++) if (column[c] != 0) chars.add((char) c);
        // in breadth-first order a state's failure target (shallower) is filled in before the state itself
        for (int k = 0; k < states; k++) {
            int state = order[k];
            outputs[k] = output.get(state);
            for (char c : chars) {
                Integer to = next.get(state).get(c);
                moves[k * columns + column[c]] = to != null ? number[to]
                        : state == 0 ? 0 : moves[number[fail.get(state)] * columns + column[c]];
            }
        }
        if (states <= Character.MAX_VALUE + 1) {
            smallDelta = new char[moves.length];
            for (int i = 0; i < moves.length; i++) smallDelta[i] = (char) moves[i];
        } else {
            delta = moves;
        }
    }

    /** How many states the automaton has (for tests). */
    int states() {
        return outputs.length;
    }

    /** The ids of every piece found in the text. */
    BitSet find(String text) {
        BitSet found = new BitSet(ids.size());
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            int at = state * columns + column[text.charAt(i)];
            state = smallDelta != null ? smallDelta[at] : delta[at];
            for (int id : outputs[state]) found.set(id);
        }
        return found;
    }
}
