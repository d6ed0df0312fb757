package org.chinwag.channel.telegram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.chinwag.messages.Inbox;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Handles one update, the same way whether it came by webhook or long polling: a resident's
 * message goes to the inbox (stored and committed before this returns, so the caller may then
 * acknowledge it to Telegram); a button press is answered; a group is told once that the bot only
 * chats one-to-one. Everything the bot says goes through the outbox; nothing here waits on
 * Telegram. Redelivered updates are harmless: the inbox stores each update_id once.
 */
public final class TelegramUpdateHandler {

    static final String GROUP_NOTICE = "Hello! I only chat one-to-one. To take part, please send me a private "
            + "message – tap my name, then \"Send message\". I won't read or keep anything said in this group.";
    private static final int REMEMBERED_GROUPS = 10_000;

    private final Inbox inbox;
    private final TelegramSender sender;
    /** Groups already told, so a busy group hears the notice once (per run of the service). */
    private final Set<Long> toldGroups = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED_GROUPS;
        }
    });

    public TelegramUpdateHandler(Inbox inbox, TelegramSender sender) {
        this.inbox = inbox;
        this.sender = sender;
    }

    /** Throws only when the update could not be stored; the caller must then not acknowledge it. */
    public void handle(Update update) {
        TelegramUpdates.Action action = TelegramUpdates.translate(update);
        if (action instanceof TelegramUpdates.ToInbox toInbox) {
            inbox.receive(toInbox.message());
        } else if (action instanceof TelegramUpdates.GroupChat group) {
            tellGroupOnce(group.chatId());
        }
        // after the commit (a press answered before it was stored could be lost with a crash), and
        // in the background: a slow Telegram must not hold up the webhook's answer or the next poll
        if (action.callbackQueryId() != null) sender.answerCallbackSoon(action.callbackQueryId());
    }

    private void tellGroupOnce(long chatId) {
        synchronized (toldGroups) {
            if (!toldGroups.add(chatId)) return;
        }
        try {
            inbox.notice(TelegramUpdates.CHANNEL, String.valueOf(chatId), GROUP_NOTICE);
        } catch (RuntimeException e) {
            // not stored: forget we told them, so Telegram's redelivery of this update tries again
            synchronized (toldGroups) {
                toldGroups.remove(chatId);
            }
            throw e;
        }
    }
}
