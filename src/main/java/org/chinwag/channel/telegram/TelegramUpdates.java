package org.chinwag.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;
import org.chinwag.conversation.Inbound;
import org.chinwag.messages.ChannelMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Turns a Telegram update into what Chinwag should do with it. Pure: no I/O, no state, so every
 * kind of update can be checked on its own. Only private (one-to-one) chats reach the inbox.
 */
public final class TelegramUpdates {

    public static final String CHANNEL = "telegram";

    /** The update types the bot asks Telegram for (webhook and polling alike). */
    public static final List<String> ALLOWED_UPDATES =
            List.of("message", "edited_message", "callback_query", "my_chat_member");

    private TelegramUpdates() {}

    /** What one update means for Chinwag. */
    public sealed interface Action {
        /** A button was pressed: answer the callback so the person's app stops spinning; null when none. */
        String callbackQueryId();
    }

    /** Something a resident sent in a private chat: store it and let the conversation answer. */
    public record ToInbox(ChannelMessage message, String callbackQueryId) implements Action {}

    /** Someone used the bot in a group: tell the group once that the bot only chats one-to-one. */
    public record GroupChat(long chatId, String callbackQueryId) implements Action {}

    /** Nothing to store or say (membership changes, channel posts, update types we do not use). */
    public record Ignore(String what, String callbackQueryId) implements Action {}

    /**
     * An update's JSON as TelegramBots' {@link Update}. One that does not fit those types (a part
     * Telegram always sends is missing) becomes an update with only its id, which is acknowledged
     * and ignored like any other unusable update, rather than refused and redelivered for a day.
     * Null when the JSON is not an update at all (no whole-number update_id).
     */
    public static Update readable(ObjectMapper json, JsonNode node) {
        Integer id = updateId(node);
        if (id == null) return null;
        try {
            Update update = json.treeToValue(node, Update.class);
            if (update != null) return update;
        } catch (Exception e) {
            // below: only the id is kept
        }
        Update bare = new Update();
        bare.setUpdateId(id);
        return bare;
    }

    /** True when the JSON reads as TelegramBots' {@link Update}. */
    static boolean fits(ObjectMapper json, JsonNode node) {
        try {
            return json.treeToValue(node, Update.class) != null;
        } catch (Exception e) {
            return false;
        }
    }

    /** The whole-number update_id of an update's JSON, or null. */
    static Integer updateId(JsonNode node) {
        JsonNode id = node == null ? null : node.get("update_id");
        return id != null && id.isIntegralNumber() && id.canConvertToInt() ? id.intValue() : null;
    }

    public static Action translate(Update update) {
        String externalId = String.valueOf(Objects.requireNonNull(update.getUpdateId(), "update_id"));
        if (update.hasMessage()) {
            return fromMessage(update.getMessage(), externalId, inbound(update.getMessage()));
        }
        if (update.hasEditedMessage()) {
            // Edits are stored with their new text (so the person's history is complete) and answered
            // like any other unreadable message: the script asks them to send it again as a new message.
            Message edited = update.getEditedMessage();
            return fromMessage(edited, externalId, new Inbound.Unsupported("edit",
                    edited.hasText() ? edited.getText() : edited.getCaption()));
        }
        if (update.hasCallbackQuery()) {
            return fromCallback(update.getCallbackQuery(), externalId);
        }
        if (update.hasMyChatMember()) {
            Chat chat = update.getMyChatMember().getChat();
            // Added to a group: say once that the bot only chats one-to-one. Blocked or unblocked in
            // a private chat: nothing to say (the outbox learns of a block from Telegram's 403).
            if (chat != null && chat.getId() != null && isGroup(chat) && isNowMember(update.getMyChatMember().getNewChatMember())) {
                return new GroupChat(chat.getId(), null);
            }
            return new Ignore("my_chat_member", null);
        }
        if (update.hasChannelPost() || update.hasEditedChannelPost()) {
            // Replying in a channel would post to all its subscribers: stay silent.
            return new Ignore("channel_post", null);
        }
        return new Ignore("other", null);
    }

    private static Action fromMessage(Message message, String externalId, Inbound event) {
        Chat chat = message.getChat();
        if (chat == null || chat.getId() == null) return new Ignore("no chat", null);
        if (isGroup(chat)) return new GroupChat(chat.getId(), null);
        if (!Boolean.TRUE.equals(chat.isUserChat())) return new Ignore("channel_post", null);
        return new ToInbox(new ChannelMessage(CHANNEL, String.valueOf(chat.getId()), externalId, event,
                language(message.getFrom())), null);
    }

    private static Action fromCallback(CallbackQuery query, String externalId) {
        MaybeInaccessibleMessage message = query.getMessage();
        Chat chat = message == null ? null : message.getChat();
        User from = query.getFrom();
        // A button on a message too old for Telegram to show us still came from this person's chat;
        // without a message we fall back to the sender's user id, which equals the private chat id.
        Long chatId = chat != null ? chat.getId() : from != null ? from.getId() : null;
        if (chatId == null) return new Ignore("callback from no one", query.getId());
        if (chat != null && isGroup(chat)) return new GroupChat(chatId, query.getId());
        if (chat != null && !Boolean.TRUE.equals(chat.isUserChat())) return new Ignore("channel_post", query.getId());
        if (query.getData() == null) return new Ignore("game callback", query.getId());
        Inbound press = new Inbound.ButtonPress(query.getData(), labelOf(message, query.getData()));
        return new ToInbox(new ChannelMessage(CHANNEL, String.valueOf(chatId), externalId, press,
                language(query.getFrom())), query.getId());
    }

    /** The text of the pressed button, read from the message's keyboard when Telegram included it. */
    static String labelOf(MaybeInaccessibleMessage maybe, String data) {
        if (!(maybe instanceof Message message)) return null;
        InlineKeyboardMarkup markup = message.getReplyMarkup();
        if (markup == null || markup.getKeyboard() == null) return null;
        for (InlineKeyboardRow row : markup.getKeyboard()) {
            for (InlineKeyboardButton button : row) {
                if (data.equals(button.getCallbackData())) return button.getText();
            }
        }
        return null;
    }

    /** Text and commands as typed; everything else by the plain name of what it is. */
    static Inbound inbound(Message message) {
        if (message.hasText()) return Inbound.fromTyped(message.getText());
        return new Inbound.Unsupported(kindOf(message), message.getCaption());
    }

    static String kindOf(Message m) {
        if (m.hasSticker()) return "sticker";
        if (m.hasAnimation()) return "animation"; // before document: a GIF carries both
        if (m.hasPhoto()) return "photo";
        if (m.hasVoice()) return "voice";
        if (m.hasVideoNote()) return "video_note";
        if (m.hasVideo()) return "video";
        if (m.hasAudio()) return "audio";
        if (m.hasDocument()) return "document";
        if (m.getVenue() != null) return "venue"; // before location: a venue carries both
        if (m.hasLocation()) return "location";
        if (m.hasContact()) return "contact";
        if (m.hasPoll()) return "poll";
        if (m.hasDice()) return "dice";
        if (m.hasGame()) return "game";
        if (m.hasStory()) return "story";
        return "message";
    }

    private static boolean isGroup(Chat chat) {
        return Boolean.TRUE.equals(chat.isGroupChat()) || Boolean.TRUE.equals(chat.isSuperGroupChat());
    }

    private static boolean isNowMember(org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember member) {
        String status = member == null ? null : member.getStatus();
        return "member".equals(status) || "administrator".equals(status);
    }

    private static String language(User from) {
        return from == null ? null : from.getLanguageCode();
    }
}
