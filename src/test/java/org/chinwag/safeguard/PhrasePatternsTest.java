package org.chinwag.safeguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhrasePatternsTest {

    private static final String FILE = """
            # a comment
            spell | wanna => want to
            spell | dont => do not
            spell | cant => cannot
            define | myself = (?:myself|my self)
            idiom | dying for a
            suicide | want to die|kill {myself}
            low_mood:check | cannot be bothered with anything
            abuse | he hits me
            group | violence = hits punches
            """;

    private static PhrasePatterns patterns() {
        return PhrasePatterns.parse("en", "test", FILE);
    }

    /** What the patterns find in a text, as category:level. */
    private static Set<String> found(PhrasePatterns p, String text) {
        Set<String> found = new java.util.TreeSet<>();
        for (PhrasePatterns.Hit hit : p.hits(p.prepare(TextNormaliser.normalise(text)))) {
            found.add(hit.category().id() + ":" + hit.level().id());
        }
        return found;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I don't wanna be here!!        | i dont wanna be here
            Sooooo   TIRED…                | soo tired
            He’s   hitting me              | hes hitting me
            bus late. i want to die        | bus late . i want to die
            Nie chcę już żyć, naprawdę     | nie chce juz zyc naprawde
            Nu mai vreau să trăiesc        | nu mai vreau sa traiesc
            Ez êdî naxwazim bijîm          | ez edi naxwazim bijim
            أنا لا أريد أن أعيش             | انا لا ارید ان اعیش
            ميں جينا نہيں چاہتا              | میں جینا نهیں چاهتا
            আমি আর বাঁচতে চাই না            | আমি আর বাঁচতে চাই না
            我不想活了。真的                 | 我不想活了 . 真的
            """)
    void normalisesTextTheSameForEveryLanguage(String text, String expected) {
        assertEquals(expected, TextNormaliser.normalise(text));
    }

    @Test
    void findsWholeWordsAfterThisLanguagesSpellingAndIdioms() {
        PhrasePatterns p = patterns();
        assertEquals(Set.of("suicide:urgent"), found(p, "I wanna die"));
        assertEquals(Set.of("suicide:urgent"), found(p, "kill my self"));
        assertEquals(Set.of("abuse:urgent"), found(p, "he hits me"));
        assertEquals(Set.of("low_mood:check"), found(p, "honestly I can't be bothered with anything"));
        assertEquals(Set.of(), found(p, "she hits meatballs"));
        assertEquals(Set.of(), found(p, "dying for a die-cast model"), "idiom blanked first");
        assertEquals(Map.of("hits", List.of("violence"), "punches", List.of("violence")), p.wordGroups());
    }

    @Test
    void runsOnlyOnTextInItsOwnScript() {
        PhrasePatterns polish = PhrasePatterns.parse("pl", "test", "define | want = chce\nsuicide | nie {want} zyc\n");
        PhrasePatterns urdu = PhrasePatterns.parse("ur", "test", "suicide | جینا نهیں چاهتا|jeena nahi chahta\n");
        assertTrue(polish.writtenIn(EnumSet.of(Character.UnicodeScript.LATIN)));
        assertTrue(!polish.writtenIn(EnumSet.of(Character.UnicodeScript.ARABIC)));
        assertTrue(urdu.writtenIn(EnumSet.of(Character.UnicodeScript.ARABIC)) && urdu.writtenIn(EnumSet.of(Character.UnicodeScript.LATIN)),
                "Urdu in its own script and romanised");
        assertEquals(Set.of("suicide:urgent"), found(polish, "Nie chcę żyć"), "patterns written with accents match text without");
    }

    @Test
    void alsoRunsOnLatinTextWhenTheFileSaysSo() {
        String arabic = "suicide | اريد ان اموت|ما بدي عيش|بدي موت|ابغی اموت|اقتل نفسی|انهی حیاتی|لا اريد ان اعيش|تعبت من الحياة|ساقتل نفسی الليلة|ما عاد ابی اعیش|اريد ان انتحر|لم اعد احتمل الحياة\n";
        PhrasePatterns few = PhrasePatterns.parse("ar", "test", arabic + "suicide | bade amoot\n");
        PhrasePatterns marked = PhrasePatterns.parse("ar", "test", "option | also-latin\n" + arabic + "suicide | bade amoot\n");
        assertTrue(!few.writtenIn(EnumSet.of(Character.UnicodeScript.LATIN)), "a few romanised patterns among many are not enough");
        assertTrue(marked.writtenIn(EnumSet.of(Character.UnicodeScript.LATIN)) && marked.writtenIn(EnumSet.of(Character.UnicodeScript.ARABIC)));
        assertEquals(Set.of("suicide:urgent"), found(marked, "wallah bade amoot"));
    }

    @Test
    void writesWithoutSpacesWhenTheLanguageHasNone() {
        PhrasePatterns chinese = PhrasePatterns.parse("zh", "test", "option | no-word-boundaries\nsuicide | 不想活\n");
        assertEquals(Set.of("suicide:urgent"), found(chinese, "我真的不想活了"));
    }

    @Test
    void reportsMistakesWithLineNumbers() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PhrasePatterns.parse("xx", "patterns-xx.txt", """
                suicide | (unclosed
                sucide | typo in the kind
                abuse | uses {undefined}
                no bar here
                low_mood | is only a check
                """));
        String message = e.getMessage();
        assertTrue(message.startsWith("patterns-xx.txt"), message);
        for (String expected : new String[] {"line 1: bad pattern", "line 2: unknown kind 'sucide'", "line 3: {undefined}", "line 4",
                "line 5: low_mood is only ever a check"}) {
            assertTrue(message.contains(expected), message);
        }
    }

    @Test
    void bundledPatternsLoad() {
        SafeguardingData data = SafeguardingData.read(IntentFiles.classpath(), "big-chat");
        assertTrue(data.english().size() > 50);
        assertTrue(data.examples().size() > 500);
    }
}
