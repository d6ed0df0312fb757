package org.chinwag.messages;

import org.chinwag.conversation.Outbound;

/** The sending half of a channel adapter, used only by {@link Outbox}. */
public interface ChannelSender {

    /** The channel name this sender serves, as stored on messages ("telegram", "web"). */
    String channel();

    /** Delivers one message; throws {@link SendFailure} saying whether and when to try again. */
    void send(String recipient, Outbound message) throws SendFailure;
}
