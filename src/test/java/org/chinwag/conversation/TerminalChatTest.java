package org.chinwag.conversation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The terminal chat, driven by a scripted stdin. */
class TerminalChatTest {

    static String chat(String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TerminalChat.run(Chat.BUNDLED, new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void numbersPressButtonsAndTheWholeScriptCanBeWalked() {
        String transcript = chat("hi", "1", "Walking in the park", "The buses", "!sticker", "2", "More buses",
                "1", "LS12 3AB", "3", "none", "1", "and the library");
        assertTrue(transcript.contains("bot> Are you happy to chat?"), transcript);
        assertTrue(transcript.contains("     [1] Yes, I'm happy to chat"), transcript);
        assertTrue(transcript.contains("     [2] No thanks"), transcript);
        assertTrue(transcript.contains("bot> " + Chat.text(BotText.UNSUPPORTED)), transcript);
        assertTrue(transcript.contains("(recorded: ConsentGiven[scriptId=big-chat, scriptVersion=2])"), transcript);
        assertTrue(transcript.contains("(recorded: ProfileAnswered[field=area, value=LS12])"), transcript);
        assertTrue(transcript.contains("(recorded: ProfileAnswered[field=age_band, value=25_to_44])"), transcript);
        assertTrue(transcript.contains("(recorded: OptInChanged[optedIn=true])"), transcript);
        assertTrue(transcript.contains("(recorded: ReplyGiven[questionId=after_end, text=and the library])"), transcript);
        assertTrue(transcript.endsWith("(end of chat)" + System.lineSeparator()), transcript);
    }

    @Test
    void themesInBracesArePretendedHeardSoTheReflectStepCanBeTried() {
        String transcript = chat("hi", "1", "Walking", "The buses {transport, gp_access}", "2", "Getting around", "12");
        assertTrue(transcript.contains("(recorded: ReplyGiven[questionId=barriers, text=The buses])"), transcript);
        assertTrue(transcript.contains("bot> It sounds like getting around and seeing a GP matter to you."), transcript);
        assertTrue(transcript.contains("(recorded: ThemesConfirmed[questionId=barriers, themes=[transport]])"), transcript);
    }

    @Test
    void aNumberWithNoButtonsIsJustText() {
        String transcript = chat("hi", "1", "42");
        assertTrue(transcript.contains("(recorded: ReplyGiven[questionId=healthy, text=42])"), transcript);
    }

    @Test
    void commandsWorkAndForgetStartsOver() {
        String transcript = chat("hi", "/help", "/forget", "1", "hello");
        assertTrue(transcript.contains("/stop – stop the chat"), transcript);
        assertTrue(transcript.contains("(recorded: ForgetConfirmed[])"), transcript);
        assertTrue(transcript.lastIndexOf("Are you happy to chat?") > transcript.indexOf("ForgetConfirmed"), transcript);
    }
}
