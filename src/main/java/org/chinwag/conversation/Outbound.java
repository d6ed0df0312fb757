package org.chinwag.conversation;

import java.util.List;

/** One message the bot sends, with optional buttons (free text is always accepted as well). */
public record Outbound(String text, List<Button> buttons) {

    public Outbound {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public static Outbound text(String text) {
        return new Outbound(text, List.of());
    }

    /** A button: what it says, and the value the engine gets back when it is pressed. */
    public record Button(String label, String value) {}
}
