package org.chinwag.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.chinwag.conversation.Inbound;
import org.chinwag.messages.ChannelMessage;
import org.chinwag.testing.FakeBotApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Update JSON as Telegram sends it, through Jackson and TelegramBots' types, to what Chinwag does with it. */
class TelegramUpdatesTest {

    static final long CHAT = 6_000_000_123L;
    static final FakeBotApi telegram = FakeBotApi.start(org.chinwag.testing.ChinwagHarness.TOKEN); // used for its update builders only
    static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void close() {
        telegram.close();
    }

    static TelegramUpdates.Action translate(ObjectNode update) {
        if (!update.has("update_id")) update.put("update_id", 987_654_321);
        try {
            return TelegramUpdates.translate(JSON.readValue(update.toString(), Update.class));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static ChannelMessage toInbox(ObjectNode update) {
        return assertInstanceOf(TelegramUpdates.ToInbox.class, translate(update)).message();
    }

    @Test
    void textFromAPrivateChatIsKeyedByChatIdAndUpdateId() {
        ChannelMessage message = toInbox(telegram.text(CHAT, "More benches in the park"));
        assertEquals("telegram", message.channel());
        assertEquals("6000000123", message.channelUserId());
        assertEquals("987654321", message.externalId());
        assertEquals("en", message.language());
        assertEquals(new Inbound.Text("More benches in the park"), message.event());
    }

    @Test
    void commandsAreParsedIncludingTheBotNameForm() {
        assertEquals(new Inbound.Command("start", "leeds-fair"), toInbox(telegram.text(CHAT, "/start leeds-fair")).event());
        assertEquals(new Inbound.Command("stop", ""), toInbox(telegram.text(CHAT, "/stop@" + FakeBotApi.BOT_USERNAME)).event());
    }

    @Test
    void aButtonPressCarriesItsValueAndLabelAndIsAnswered() {
        FakeBotApi.SentMessage shown = new FakeBotApi.SentMessage(CHAT, 7, "Are you happy to chat?", JSON.valueToTree(
                Map.of("inline_keyboard", List.of(List.of(Map.of("text", "Yes, I'm happy to chat", "callback_data", "consent:yes")),
                        List.of(Map.of("text", "No thanks", "callback_data", "consent:no"))))));
        ObjectNode press = telegram.callback(CHAT, "consent:no", shown);
        TelegramUpdates.Action action = translate(press);
        ChannelMessage message = assertInstanceOf(TelegramUpdates.ToInbox.class, action).message();
        assertEquals(new Inbound.ButtonPress("consent:no", "No thanks"), message.event());
        assertEquals("6000000123", message.channelUserId());
        assertEquals(press.get("callback_query").get("id").asText(), action.callbackQueryId(), "to be answered");

        ChannelMessage withoutMessage = toInbox(telegram.callback(CHAT, "consent:yes", null));
        assertEquals(new Inbound.ButtonPress("consent:yes", null), withoutMessage.event());
        assertEquals("6000000123", withoutMessage.channelUserId(), "a private chat's id is the person's id");
    }

    @Test
    void everythingElseAResidentSendsIsNamedPlainly() {
        assertEquals(new Inbound.Unsupported("sticker"), toInbox(telegram.sticker(CHAT)).event());
        assertEquals(new Inbound.Unsupported("photo", "caption"), toInbox(telegram.photo(CHAT, "caption")).event());
        assertEquals("[photo] caption", toInbox(telegram.photo(CHAT, "caption")).event().storedText());
        assertEquals(new Inbound.Unsupported("voice"), toInbox(telegram.voice(CHAT)).event());
        assertEquals(new Inbound.Unsupported("location"), toInbox(telegram.location(CHAT)).event());
        assertEquals(new Inbound.Unsupported("edit", "changed my mind"), toInbox(telegram.edited(CHAT, "changed my mind")).event());
        ObjectNode contact = telegram.text(CHAT, "x");
        ObjectNode message = (ObjectNode) contact.get("message");
        message.remove("text");
        message.remove("entities");
        message.putObject("contact").put("phone_number", "+440000").put("first_name", "A");
        assertEquals(new Inbound.Unsupported("contact"), toInbox(contact).event());
    }

    @Test
    void groupsAreToldOffNotStoredAndOtherUpdatesIgnored() {
        TelegramUpdates.Action group = translate(telegram.groupText(-100777L, CHAT, "hi all"));
        assertEquals(-100777L, assertInstanceOf(TelegramUpdates.GroupChat.class, group).chatId());
        assertInstanceOf(TelegramUpdates.Ignore.class, translate(telegram.myChatMember(CHAT, "kicked")));
        ObjectNode channelPost = telegram.text(CHAT, "news");
        channelPost.set("channel_post", channelPost.remove("message"));
        assertInstanceOf(TelegramUpdates.Ignore.class, translate(channelPost));
        TelegramUpdates.Action unknown = translate((ObjectNode) JSON.createObjectNode().set("message_reaction", JSON.createObjectNode()));
        assertInstanceOf(TelegramUpdates.Ignore.class, unknown);
        assertNull(unknown.callbackQueryId());
    }
}
