package org.chinwag.channel.web;

import org.chinwag.conversation.Outbound;
import org.chinwag.messages.ChannelSender;

/**
 * The outbox's view of the web chat. There is nothing to push: a web chat message is "delivered"
 * when the resident's browser reads the transcript ({@link WebChat} returns the bot's replies in
 * the response to each message and the page polls for any that come later). So sending always
 * succeeds at once, which lets the outbox mark web rows sent instead of retrying them forever.
 * The rows themselves stay in the {@code message} table, which is where the browser reads them.
 */
public final class WebSender implements ChannelSender {

    @Override
    public String channel() {
        return WebChat.CHANNEL;
    }

    @Override
    public void send(String recipient, Outbound message) {
        // deliberately nothing: see the class comment
    }
}
