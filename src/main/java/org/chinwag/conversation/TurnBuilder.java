package org.chinwag.conversation;

import java.util.ArrayList;
import java.util.List;

/** Collects one turn's messages and effects, in order. */
final class TurnBuilder {

    private final List<Outbound> messages = new ArrayList<>();
    private final List<Effect> effects = new ArrayList<>();

    TurnBuilder say(String text) {
        messages.add(Outbound.text(text));
        return this;
    }

    TurnBuilder send(Outbound message) {
        messages.add(message);
        return this;
    }

    TurnBuilder record(Effect effect) {
        effects.add(effect);
        return this;
    }

    Turn turn(ConversationState state) {
        return new Turn(state, messages, effects);
    }
}
