package org.chinwag.conversation;

import java.util.List;

/**
 * What the pure checks outside the engine found in the inbound text, computed before the engine
 * runs: theme ids from the classifier and whether the text suggests someone is at risk.
 */
public record Signals(List<String> themes, boolean risk) {

    public static final Signals NONE = new Signals(List.of(), false);

    public Signals {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }
}
