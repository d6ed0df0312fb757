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
 * {@code {transport,gp_access}} says which themes the classifier is to hear in it (to try a
 * themed follow-up whatever the model makes of the words). Who answers is given as a
 * {@link Talk}: the {@code chat} command passes the real conversation (classifier, safeguarding,
 * reflect step, /mydata) on a database thrown away at the end.
 */
public final class TerminalChat {

    /** "the buses {transport,gp_access}": the text, then the themes the classifier is to hear. */
    private static final Pattern HEARD = Pattern.compile("(.*?)\\s*\\{([a-z0-9_, ]*)}\\s*");

    /** One message from the resident in, the bot's messages out. */
    @FunctionalInterface
    public interface Talk {
        /** @param heard themes the classifier is to hear in the text instead of its own, or null */
        List<Outbound> say(Inbound inbound, List<String> heard);
    }

    private TerminalChat() {}

    public static void run(String scriptId, Talk talk, BufferedReader in, PrintStream out) {
        out.println("Chatting with script '" + scriptId + "'. Type as a resident would; "
                + "a number presses a button; !sticker sends a sticker; end a line with {transport,gp_access} "
                + "to have those themes heard; end with Ctrl-D.");
        List<Outbound.Button> buttons = List.of();
        while (true) {
            out.print("you> ");
            out.flush();
            String line = readLine(in);
            if (line == null) break;
            Matcher heard = HEARD.matcher(line);
            List<Outbound> answer = heard.matches()
                    ? talk.say(toInbound(heard.group(1), buttons), themes(heard.group(2)))
                    : talk.say(toInbound(line, buttons), null);
            List<Outbound.Button> offered = show(answer, out);
            if (!offered.isEmpty()) buttons = offered;
        }
        out.println();
        out.println("(end of chat)");
    }

    private static List<String> themes(String listed) {
        return Arrays.stream(listed.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
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

    /** Prints the bot's messages; returns the buttons they offer. */
    private static List<Outbound.Button> show(List<Outbound> messages, PrintStream out) {
        List<Outbound.Button> buttons = List.of();
        for (Outbound message : messages) {
            for (String line : message.text().split("\n", -1)) out.println("bot> " + line);
            for (int i = 0; i < message.buttons().size(); i++) {
                out.println("     [" + (i + 1) + "] " + message.buttons().get(i).label());
            }
            if (!message.buttons().isEmpty()) buttons = message.buttons();
        }
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
