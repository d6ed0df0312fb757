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
import org.junit.jupiter.api.Test;

/** The terminal chat loop, driven by a scripted stdin, talking to the engine alone. */
class TerminalChatTest {

    /** What the loop handed over, in order. */
    final List<Inbound> received = new ArrayList<>();

    String chat(String... lines) {
        Engine engine = new Engine(Chat.BUNDLED);
        ConversationState[] state = {null};
        TerminalChat.Talk talk = (inbound, heard) -> {
            received.add(inbound);
            Turn turn = engine.step(state[0], inbound, heard == null ? Signals.NONE : new Signals(heard, false));
            state[0] = turn.state();
            return turn.messages();
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TerminalChat.run(Chat.BUNDLED.defaultScriptId(), talk,
                new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), out);
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
        assertTrue(received.get(1) instanceof Inbound.ButtonPress press && press.value().endsWith("yes"), received.toString());
        assertTrue(received.get(4) instanceof Inbound.Unsupported, received.toString());
        assertTrue(transcript.endsWith("(end of chat)" + System.lineSeparator()), transcript);
    }

    @Test
    void themesInBracesAreHeardSoTheReflectStepCanBeTried() {
        String transcript = chat("hi", "1", "Walking", "The buses {transport, gp_access}", "2", "Getting around", "12");
        assertEquals(Inbound.fromTyped("The buses"), received.get(3));
        assertTrue(transcript.contains("bot> It sounds like getting around and seeing a GP matter to you."), transcript);
    }

    @Test
    void aNumberWithNoButtonsIsJustText() {
        chat("hi", "1", "42");
        assertEquals(Inbound.fromTyped("42"), received.get(2));
    }

    @Test
    void commandsWorkAndForgetStartsOver() {
        String transcript = chat("hi", "/help", "/forget", "1", "hello");
        assertTrue(transcript.contains("/stop – stop the chat"), transcript);
        assertTrue(transcript.lastIndexOf("Are you happy to chat?") > transcript.indexOf(Chat.text(BotText.FORGOTTEN)),
                transcript);
    }
}
