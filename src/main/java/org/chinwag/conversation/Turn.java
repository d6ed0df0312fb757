package org.chinwag.conversation;

import java.util.List;

/** The engine's answer to one inbound: the new state, what to send, and what to record. */
public record Turn(ConversationState state, List<Outbound> messages, List<Effect> effects) {

    public Turn {
        messages = List.copyOf(messages);
        effects = List.copyOf(effects);
    }
}
