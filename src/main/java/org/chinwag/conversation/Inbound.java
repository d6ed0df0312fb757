package org.chinwag.conversation;

/** What a resident sent, already stripped of everything channel-specific. */
public sealed interface Inbound {

    /** Free text typed by the resident. */
    record Text(String text) implements Inbound {
        public Text {
            text = withoutNul(text);
        }
    }

    /** A button the engine offered was pressed; {@code value} is the button's value, {@code label} what it said. */
    record ButtonPress(String value, String label) implements Inbound {
        public ButtonPress {
            value = withoutNul(value);
            label = withoutNul(label);
        }
    }

    /** A slash command such as {@code /start abc}: {@code name} without the slash, lower case; argument may be empty. */
    record Command(String name, String argument) implements Inbound {
        public Command {
            name = withoutNul(name);
            argument = withoutNul(argument);
        }
    }

    /**
     * Something the bot cannot take as an answer: a sticker, photo, voice note, location, document,
     * an edit of an earlier message. {@code what} names it in plain words ("sticker", "photo",
     * "edit"); {@code words} is any text that came with it (a photo's caption, the edited text), kept
     * so that nothing a resident wrote is lost and a disclosure in it is still seen. Empty if none.
     */
    record Unsupported(String what, String words) implements Inbound {
        public Unsupported {
            words = words == null ? "" : withoutNul(words).strip();
        }

        public Unsupported(String what) {
            this(what, "");
        }
    }

    /**
     * The text without NUL characters: they carry nothing a person typed, and no database column
     * keeps them (PostgreSQL refuses them outright), so they are dropped where words come in.
     */
    private static String withoutNul(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    /** Words the resident wrote in this inbound that safeguarding must read: typed text, a caption, an edit. */
    default String words() {
        if (this instanceof Text t) return t.text();
        if (this instanceof Unsupported u) return u.words();
        return "";
    }

    /** The text to store for this inbound, whatever its kind. */
    default String storedText() {
        if (this instanceof Text t) return t.text();
        if (this instanceof ButtonPress b) return b.label() == null || b.label().isBlank() ? b.value() : b.label();
        if (this instanceof Command c) return c.argument().isEmpty() ? "/" + c.name() : "/" + c.name() + " " + c.argument();
        Unsupported u = (Unsupported) this;
        return u.words().isEmpty() ? "[" + u.what() + "]" : "[" + u.what() + "] " + u.words();
    }

    /** Parses typed text: anything starting with '/' is a command (Telegram's "/start@botname" form included). */
    static Inbound fromTyped(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.startsWith("/") && text.length() > 1 && Character.isLetter(text.charAt(1))) {
            int space = text.indexOf(' ');
            String head = space < 0 ? text.substring(1) : text.substring(1, space);
            int at = head.indexOf('@');
            if (at >= 0) head = head.substring(0, at);
            String argument = space < 0 ? "" : text.substring(space + 1).strip();
            return new Command(head.toLowerCase(java.util.Locale.ROOT), argument);
        }
        return new Text(text);
    }
}
