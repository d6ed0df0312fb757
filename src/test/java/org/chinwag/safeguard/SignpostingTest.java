package org.chinwag.safeguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignpostingTest {

    private final Signposting signposting = Signposting.bundled("big-chat");

    @ParameterizedTest(name = "{0} mentions {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SUICIDE           | 116 123
            SUICIDE           | 85258
            SUICIDE           | option 2
            SUICIDE           | MindWell
            SELF_HARM         | 116 123
            SELF_HARM         | MindMate
            ABUSE             | 0808 2000 247
            CHILD_AT_RISK     | 0800 1111
            CHILD_AT_RISK     | MindMate
            MEDICAL_EMERGENCY | 111
            """)
    void namesTheRightServices(RiskCategory category, String expected) {
        assertTrue(signposting.messageFor(Set.of(category)).contains(expected));
    }

    @ParameterizedTest(name = "{0} leaves out {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ABUSE             | 0800 1111
            MEDICAL_EMERGENCY | 116 123
            CHILD_AT_RISK     | 0808 2000 247
            SUICIDE           | 0808 2000 247
            """)
    void leavesOutServicesForOtherRisks(RiskCategory category, String unexpected) {
        assertFalse(signposting.messageFor(Set.of(category)).contains(unexpected));
    }

    @Test
    void emergencyLineComesFirstAndTheInvitationLast() {
        for (RiskCategory c : RiskCategory.values()) {
            String message = signposting.messageFor(Set.of(c));
            int emergency = message.indexOf("999");
            assertTrue(emergency > 0, c + ": " + message);
            for (String number : new String[] {"116 123", "0808 2000 247", "0800 1111", "111"}) {
                int at = message.indexOf(number, message.indexOf("999") + 3);
                assertTrue(at < 0 || at > emergency, c + ": " + number + " before 999");
            }
            assertTrue(message.strip().endsWith("You can carry on chatting with me whenever you're ready."), message);
        }
    }

    @Test
    void severalCategoriesCombineWithoutRepeats() {
        String message = signposting.messageFor(EnumSet.of(RiskCategory.SUICIDE, RiskCategory.SELF_HARM, RiskCategory.ABUSE));
        assertTrue(message.contains("0808 2000 247"));
        assertTrue(message.indexOf("116 123") == message.lastIndexOf("116 123"));
    }

    @Test
    void unknownKindStillGetsSamaritans() {
        assertTrue(signposting.messageFor(Set.of()).contains("116 123"));
        assertTrue(signposting.messageFor(null).contains("999"));
    }

    @Test
    void theCheckInHasTheHelplinesWithoutTheEmergencyFraming() {
        String message = signposting.messageFor(RiskLevel.CHECK, Set.of(RiskCategory.LOW_MOOD), "en");
        assertFalse(message.contains("999"), message);
        assertFalse(message.contains("I'm sorry things are so hard"), message);
        for (String expected : new String[] {"116 123", "85258", "option 2", "MindWell"}) assertTrue(message.contains(expected), message);
        assertTrue(message.startsWith("Thank you for sharing that"), message);
        assertThrows(IllegalArgumentException.class, () -> signposting.messageFor(RiskLevel.NONE, Set.of(), "en"));
    }

    @Test
    void anotherLanguageGetsItsTranslationOrEnglishWithAnInterpreterLine(@TempDir Path intents) throws Exception {
        Path dir = Files.createDirectories(intents.resolve("tiny/safeguarding"));
        Files.writeString(dir.resolve("signposting.yaml"), Files.readString(Path.of("intents/big-chat/safeguarding/signposting.yaml")));
        Files.writeString(dir.resolve("signposting-xx.yaml"), """
                opening: "XX opening"
                emergency: "XX call 999"
                closing: "XX closing"
                check_opening: "XX gently"
                check_closing: "XX no pressure"
                interpreter: "XX ask NHS 111 for an interpreter"
                services:
                  samaritans: "XX Samaritans 116 123"
                """);
        Signposting s = Signposting.load(intents, "tiny");
        assertEquals(Set.of("xx"), s.translatedLanguages());

        String translated = s.messageFor(RiskLevel.URGENT, Set.of(RiskCategory.SUICIDE), "xx");
        assertTrue(translated.startsWith("XX opening\n\nXX call 999"), translated);
        assertTrue(translated.contains("XX Samaritans 116 123"), translated);
        assertTrue(translated.contains("85258"), "a service left untranslated is said in English: " + translated);
        assertTrue(translated.endsWith("XX ask NHS 111 for an interpreter"), translated);

        String untranslated = s.messageFor(RiskLevel.URGENT, Set.of(RiskCategory.SUICIDE), "yy");
        assertTrue(untranslated.startsWith("Thank you for telling me"), untranslated);
        assertTrue(untranslated.endsWith(s.messageFor(RiskLevel.URGENT, Set.of(RiskCategory.SUICIDE), "zz")
                .substring(untranslated.lastIndexOf("\n\n"))), "the English interpreter line");
        assertTrue(untranslated.contains("interpreter"), untranslated);
        assertFalse(s.messageFor(RiskLevel.URGENT, Set.of(RiskCategory.SUICIDE), "en").contains("interpreter"));
        assertTrue(s.messageFor(RiskLevel.CHECK, Set.of(RiskCategory.LOW_MOOD), "xx").startsWith("XX gently"));
    }

    @Test
    void everyBundledTranslationKeepsTheNumbers() {
        for (String language : signposting.translatedLanguages()) {
            String urgent = signposting.messageFor(RiskLevel.URGENT, Set.of(RiskCategory.SUICIDE, RiskCategory.ABUSE), language);
            for (String number : new String[] {"999", "116 123", "0808 2000 247"}) assertTrue(urgent.contains(number), language + ": " + urgent);
            String check = signposting.messageFor(RiskLevel.CHECK, Set.of(RiskCategory.LOW_MOOD), language);
            assertFalse(check.contains("999"), language + ": " + check);
        }
    }

    @Test
    void folderAndBundledAgree() {
        Signposting fromFolder = Signposting.load(Path.of("intents"), "big-chat");
        assertTrue(fromFolder.messageFor(Set.of(RiskCategory.ABUSE)).equals(signposting.messageFor(Set.of(RiskCategory.ABUSE))));
    }

    @Test
    void badFilesAreReportedOnLoad() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Signposting.parse("test.yaml", """
                opening: hi
                emergency: call 999
                closing: bye
                check_opening: gently
                check_closing: no pressure
                interpreter: ask for one
                national:
                  - id: x
                    text: a line
                    for: [suicde]
                  - id: y
                    for: [abuse]
                """));
        assertTrue(e.getMessage().contains("unknown category 'suicde'"), e.getMessage());
        assertTrue(e.getMessage().contains("'y' has no text"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Signposting.parse("test.yaml", "national: []"));
    }
}
