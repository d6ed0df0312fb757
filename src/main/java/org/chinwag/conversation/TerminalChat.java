package org.chinwag.conversation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Try a script in a terminal: type as a resident would; a number presses that button; a line
 * like {@code !sticker} or {@code !photo} sends something the bot cannot read; a line ending in
 * {@code {transport,gp_access}} pretends the classifier heard those themes (to try a reflect step
 * or a themed follow-up). In memory only:
 * nothing is stored, and what the engine would record is shown after each reply.
 */
public final class TerminalChat {

    /** "the buses {transport,gp_access}": the text, then the themes the classifier is pretended to hear. */
    private static final Pattern HEARD = Pattern.compile("(.*?)\\s*\\{([a-z0-9_, ]*)}\\s*");

    private TerminalChat() {}

    private static List<String> themes(String listed) {
        return Arrays.stream(listed.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    public static void run(ScriptLibrary lib, BufferedReader in, PrintStream out) {
        Engine engine = new Engine(lib);
        out.println("Chatting with script '" + lib.defaultScriptId() + "'. Type as a resident would; "
                + "a number presses a button; !sticker sends a sticker; end a line with {transport,gp_access} "
                + "to pretend those themes were heard; end with Ctrl-D.");
        ConversationState state = null;
        List<Outbound.Button> buttons = List.of();
        while (true) {
            out.print("you> ");
            out.flush();
            String line = readLine(in);
            if (line == null) break;
            Matcher heard = HEARD.matcher(line);
            Signals signals = heard.matches() ? new Signals(themes(heard.group(2)), false) : Signals.NONE;
            Turn turn = engine.step(state, toInbound(heard.matches() ? heard.group(1) : line, buttons), signals);
            state = turn.state();
            buttons = show(turn, out);
        }
        out.println();
        out.println("(end of chat)");
    }

    /** A number picks one of the buttons just shown; anything else is typed text or a command. */
    static Inbound toInbound(String line, List<Outbound.Button> buttons) {
        String text = line.strip();
        if (text.matches("\\d{1,2}")) {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= buttons.size()) {
                Outbound.Button b = buttons.get(n - 1);
                return new Inbound.ButtonPress(b.value(), b.label());
            }
        }
        if (text.startsWith("!") && text.length() > 1) return new Inbound.Unsupported(text.substring(1));
        return Inbound.fromTyped(text);
    }

    /** Prints the bot's messages and the effects; returns the buttons now on offer. */
    private static List<Outbound.Button> show(Turn turn, PrintStream out) {
        List<Outbound.Button> buttons = List.of();
        for (Outbound message : turn.messages()) {
            for (String line : message.text().split("\n", -1)) out.println("bot> " + line);
            for (int i = 0; i < message.buttons().size(); i++) {
                out.println("     [" + (i + 1) + "] " + message.buttons().get(i).label());
            }
            if (!message.buttons().isEmpty()) buttons = message.buttons();
        }
        for (Effect effect : turn.effects()) out.println("     (recorded: " + effect + ")");
        return buttons;
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
