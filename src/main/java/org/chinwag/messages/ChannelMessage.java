package org.chinwag.messages;

import org.chinwag.conversation.Inbound;

/**
 * One inbound delivery as a channel adapter hands it over.
 *
 * @param channel       "telegram", "web", ...
 * @param channelUserId who sent it, in the channel's own terms (a Telegram chat id, a web session id)
 * @param externalId    the channel's id for this delivery (Telegram's update_id), so redelivery is a no-op; may be null
 * @param event         what was sent
 * @param language      the language the channel reports for the person (e.g. Telegram's language_code), or null
 */
public record ChannelMessage(String channel, String channelUserId, String externalId, Inbound event, String language) {}
