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
}
