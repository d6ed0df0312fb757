package org.chinwag.messages;

import java.time.Duration;
import org.chinwag.conversation.Outbound;

/** The sending half of a channel adapter, used only by {@link Outbox}. */
public interface ChannelSender {

    /** The channel name this sender serves, as stored on messages ("telegram", "web"). */
    String channel();

    /**
     * Delivers one message; throws {@link SendFailure} saying whether and when to try again. The
     * outbox may call this from several threads at once, never for the same recipient at once.
     */
    void send(String recipient, Outbound message) throws SendFailure;

    /** The least time between any two sends on this channel (Telegram: about 30 a second per bot). */
    default Duration minimumGapOverall() {
        return Duration.ZERO;
    }

    /** The least time between two messages to one recipient (Telegram: one a second per chat). */
    default Duration minimumGapPerChat() {
        return Duration.ZERO;
    }
}
