package org.chinwag.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.chinwag.testing.TestScript;
import org.junit.jupiter.api.Test;

/** The terminal chat loop, driven by a scripted stdin, talking to the engine alone. */
class TerminalChatTest {

    /** What the loop handed over, in order. */
    final List<Inbound> received = new ArrayList<>();

    String chat(String... lines) {
        Engine engine = new Engine(Chat.SCRIPTS);
        ConversationState[] state = {null};
        TerminalChat.Talk talk = (inbound, heard) -> {
            received.add(inbound);
            Turn turn = engine.step(state[0], inbound, heard == null ? Signals.NONE : new Signals(heard, false));
            state[0] = turn.state();
            return turn.messages();
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TerminalChat.run(Chat.SCRIPTS.defaultScriptId(), talk,
                new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void numbersPressButtonsAndTheWholeScriptCanBeWalked() {
        String transcript = chat("hi", "1", "Walking in the park", "The buses", "!sticker", "2", "More buses",
                "1", "LS12 3AB", "3", "none", "1", "and the library");
        assertTrue(transcript.contains("bot> " + TestScript.ASKS_CONSENT), transcript);
        assertTrue(transcript.contains("     [1] " + TestScript.CONSENT_YES), transcript);
        assertTrue(transcript.contains("     [2] No thanks"), transcript);
        assertTrue(transcript.contains("bot> " + Chat.text(BotText.UNSUPPORTED)), transcript);
        assertTrue(received.get(1) instanceof Inbound.ButtonPress press && press.value().endsWith("yes"), received.toString());
        assertTrue(received.get(4) instanceof Inbound.Unsupported, received.toString());
        assertTrue(transcript.endsWith("(end of chat)" + System.lineSeparator()), transcript);
    }

    @Test
    void themesInBracesAreHeardSoTheReflectStepCanBeTried() {
        String transcript = chat("hi", "1", "Walking", "The buses {transport, gp_access}", "2", "Travel", "9");
        assertEquals(Inbound.fromTyped("The buses"), received.get(3));
        assertTrue(transcript.contains("bot> I heard that travel and the doctor matter to you."), transcript);
    }

    @Test
    void aNumberWithNoButtonsIsJustText() {
        chat("hi", "1", "42");
        assertEquals(Inbound.fromTyped("42"), received.get(2));
    }

    @Test
    void commandsWorkAndForgetStartsOver() {
        String transcript = chat("hi", "/help", "/forget", "1", "hello");
        assertTrue(transcript.contains("/stop – stop the test chat"), transcript);
        assertTrue(transcript.lastIndexOf(TestScript.ASKS_CONSENT) > transcript.indexOf(Chat.text(BotText.FORGOTTEN)),
                transcript);
    }
}
