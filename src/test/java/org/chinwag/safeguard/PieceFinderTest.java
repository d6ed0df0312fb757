package org.chinwag.safeguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PieceFinderTest {

    @Test
    void findsEveryPieceThatOccursIncludingOverlapsAndSuffixes() {
        List<String> pieces = List.of("he", "she", "his", "hers", "kill myself", "myself", "يد", "想死");
        PieceFinder finder = new PieceFinder();
        int[] ids = pieces.stream().mapToInt(finder::id).toArray();
        finder.build();
        Random random = new Random(3);
        String alphabet = "hesirkl myfيد想死a";
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            if (n % 7 == 0) text.append(" kill myself");
            var found = finder.find(text.toString());
            for (int i = 0; i < pieces.size(); i++) {
                assertEquals(text.toString().contains(pieces.get(i)), found.get(ids[i]), pieces.get(i) + " in '" + text + "'");
            }
        }
    }

    /** Past 65,536 states the table no longer fits in chars: the same answers from the wider one. */
    @Test
    void aFinderTooBigForCharMovesFindsTheSame() {
        Random random = new Random(5);
        String alphabet = "abcdefghij";
        List<String> pieces = new java.util.ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder piece = new StringBuilder();
            for (int i = 0; i < 8; i++) piece.append(alphabet.charAt(random.nextInt(alphabet.length())));
            pieces.add(piece.toString());
        }
        PieceFinder finder = new PieceFinder();
        int[] ids = pieces.stream().mapToInt(finder::id).toArray();
        finder.build();
        org.junit.jupiter.api.Assertions.assertTrue(finder.states() > Character.MAX_VALUE + 1, "states: " + finder.states());
        for (int n = 0; n < 200; n++) {
            String text = pieces.get(random.nextInt(pieces.size())) + alphabet.charAt(random.nextInt(10)) + pieces.get(random.nextInt(pieces.size()));
            var found = finder.find(text);
            for (int i = 0; i < pieces.size(); i++) {
                if (text.contains(pieces.get(i)) != found.get(ids[i])) {
                    assertEquals(text.contains(pieces.get(i)), found.get(ids[i]), pieces.get(i) + " in '" + text + "'");
                }
            }
        }
    }
}
