package org.chinwag.channel.telegram;

import static org.chinwag.testing.ChinwagHarness.SECRET;
import static org.chinwag.testing.ChinwagHarness.WAIT;
import static org.chinwag.testing.ChinwagHarness.await;
import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.chinwag.testing.CapturedLog;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.RunningService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Updates with parts missing or of kinds the bot does not use, as Telegram can send them, through
 * the real webhook route and the real polling loop. Each is acknowledged (a webhook 200, a poll
 * that moves on without a failure), and each is stored exactly as it should be: as the resident's
 * message when it is one, otherwise not at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramOddUpdatesTest {

    /** What the update should leave in the database. */
    enum Stored {
        /** No inbound row, no participant, nothing said. */
        NOTHING,
        /** One inbound row of this kind, from the private chat {@link #CHAT_PLACEHOLDER} stands for. */
        TEXT, BUTTON, UNSUPPORTED,
        /** Nothing stored from the group; the group is sent the one-to-one notice. */
        GROUP_NOTICE
    }

    /** {@code json} is the update without its update_id; CHAT stands for a chat id of the case's own. */
    record OddUpdate(String name, String json, Stored stored) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String CHAT_PLACEHOLDER = "CHAT";
    static final String PRIVATE = "{\"id\":CHAT,\"type\":\"private\",\"first_name\":\"R\"}";
    static final String FROM = "{\"id\":CHAT,\"is_bot\":false,\"first_name\":\"R\"}";
    static final String GROUP = "{\"id\":-100CHAT,\"type\":\"supergroup\",\"title\":\"Allotments\"}";

    static Stream<OddUpdate> updates() {
        return Stream.of(
                new OddUpdate("callback without from or message", "{\"callback_query\":{\"id\":\"1\",\"data\":\"x\"}}",
                        Stored.NOTHING),
                new OddUpdate("callback with nothing but an id", "{\"callback_query\":{\"id\":\"2\"}}", Stored.NOTHING),
                new OddUpdate("callback without id, from or message", "{\"callback_query\":{\"data\":\"x\"}}", Stored.NOTHING),
                new OddUpdate("callback without a message", "{\"callback_query\":{\"id\":\"3\",\"from\":" + FROM
                        + ",\"chat_instance\":\"c\",\"data\":\"yes\"}}", Stored.BUTTON),
                new OddUpdate("callback without data (a game)", "{\"callback_query\":{\"id\":\"4\",\"from\":" + FROM
                        + ",\"chat_instance\":\"c\",\"game_short_name\":\"g\"}}", Stored.NOTHING),
                new OddUpdate("callback on a message too old to show", "{\"callback_query\":{\"id\":\"5\",\"from\":" + FROM
                        + ",\"message\":{\"chat\":" + PRIVATE + ",\"message_id\":3,\"date\":0},\"data\":\"yes\"}}", Stored.BUTTON),
                new OddUpdate("callback on a message without a chat", "{\"callback_query\":{\"id\":\"6\",\"from\":" + FROM
                        + ",\"message\":{\"message_id\":3,\"date\":1},\"data\":\"yes\"}}", Stored.BUTTON),
                new OddUpdate("callback in a group", "{\"callback_query\":{\"id\":\"7\",\"from\":" + FROM
                        + ",\"message\":{\"chat\":" + GROUP + ",\"message_id\":3,\"date\":1},\"data\":\"yes\"}}", Stored.GROUP_NOTICE),
                new OddUpdate("message without from", "{\"message\":{\"message_id\":1,\"date\":1,\"chat\":" + PRIVATE
                        + ",\"text\":\"hello\"}}", Stored.TEXT),
                new OddUpdate("message without chat", "{\"message\":{\"message_id\":1,\"date\":1,\"from\":" + FROM
                        + ",\"text\":\"hello\"}}", Stored.NOTHING),
                new OddUpdate("message whose chat has no type", "{\"message\":{\"message_id\":1,\"date\":1,\"from\":" + FROM
                        + ",\"chat\":{\"id\":CHAT},\"text\":\"hello\"}}", Stored.NOTHING),
                new OddUpdate("message without text or anything else", "{\"message\":{\"message_id\":1,\"date\":1,\"from\":" + FROM
                        + ",\"chat\":" + PRIVATE + "}}", Stored.UNSUPPORTED),
                new OddUpdate("empty message", "{\"message\":{}}", Stored.NOTHING),
                new OddUpdate("edited_message", "{\"edited_message\":{\"message_id\":1,\"date\":1,\"edit_date\":2,\"from\":" + FROM
                        + ",\"chat\":" + PRIVATE + ",\"text\":\"changed\"}}", Stored.UNSUPPORTED),
                new OddUpdate("edited_message without chat or text", "{\"edited_message\":{\"message_id\":1,\"date\":1}}",
                        Stored.NOTHING),
                new OddUpdate("group message without from", "{\"message\":{\"message_id\":1,\"date\":1,\"chat\":" + GROUP
                        + ",\"text\":\"hi all\"}}", Stored.GROUP_NOTICE),
                new OddUpdate("channel_post", "{\"channel_post\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":-100CHAT,"
                        + "\"type\":\"channel\",\"title\":\"News\"},\"text\":\"news\"}}", Stored.NOTHING),
                new OddUpdate("edited_channel_post", "{\"edited_channel_post\":{\"message_id\":1,\"date\":1,\"chat\":"
                        + "{\"id\":-100CHAT,\"type\":\"channel\",\"title\":\"News\"},\"text\":\"news\"}}", Stored.NOTHING),
                new OddUpdate("my_chat_member without a new status", "{\"my_chat_member\":{\"chat\":" + GROUP
                        + ",\"from\":" + FROM + ",\"date\":1}}", Stored.NOTHING),
                new OddUpdate("my_chat_member: unblocked in a private chat", "{\"my_chat_member\":{\"chat\":" + PRIVATE
                        + ",\"from\":" + FROM + ",\"date\":1,\"old_chat_member\":{\"status\":\"kicked\",\"user\":" + FROM
                        + "},\"new_chat_member\":{\"status\":\"member\",\"user\":" + FROM + "}}}", Stored.NOTHING),
                new OddUpdate("message_reaction (not asked for)", "{\"message_reaction\":{\"chat\":" + PRIVATE
                        + ",\"message_id\":1,\"date\":1,\"old_reaction\":[],\"new_reaction\":[]}}", Stored.NOTHING),
                new OddUpdate("a kind Telegram may add later", "{\"something_new\":{\"id\":1}}", Stored.NOTHING),
                new OddUpdate("only an update_id", "{}", Stored.NOTHING));
    }

    /** Both services, each with a fake Bot API of its own, for the whole class. */
    @RegisterExtension final ChinwagHarness webhookChinwag = ChinwagHarness.webhook().build();
    @RegisterExtension final ChinwagHarness pollingChinwag = ChinwagHarness.polling().build();
    FakeBotApi webhookTelegram;
    FakeBotApi pollingTelegram;
    RunningService webhook;
    RunningService polling;
    CapturedLog log;
    static final AtomicLong CHATS = new AtomicLong(7_700_000_000L);

    @BeforeAll
    void start() {
        log = CapturedLog.start();
        webhookTelegram = webhookChinwag.telegram();
        pollingTelegram = pollingChinwag.telegram();
        webhook = webhookChinwag.service();
        polling = pollingChinwag.service();
    }

    @AfterAll
    void stop() {
        log.close();
    }

    @ParameterizedTest(name = "webhook: {0}")
    @MethodSource("updates")
    void isAnsweredOkByTheWebhookAndStoredRightly(OddUpdate odd) {
        long chat = CHATS.incrementAndGet();
        Before before = Before.of(webhook);
        String body = withUpdateId(odd.json().replace(CHAT_PLACEHOLDER, String.valueOf(chat)), webhookTelegram.nextUpdateId());
        HttpResponse<String> response = webhookTelegram.deliverWebhook(webhook.url(TelegramWebhook.PATH), SECRET, body);
        assertEquals(200, response.statusCode(), "answered " + response.statusCode() + ": " + response.body());
        assertStoredRightly(webhook, webhookTelegram, odd, chat, before);
    }

    @ParameterizedTest(name = "polling: {0}")
    @MethodSource("updates")
    void isTakenByThePollingLoopWithoutAFailureAndStoredRightly(OddUpdate odd) {
        long chat = CHATS.incrementAndGet();
        Before before = Before.of(polling);
        int logged = log.text().length();
        pollingTelegram.enqueue(withUpdateId(odd.json().replace(CHAT_PLACEHOLDER, String.valueOf(chat)),
                pollingTelegram.nextUpdateId()));
        await("the update confirmed", () -> pollingTelegram.unconfirmedUpdates() == 0);
        String since = log.text().substring(logged);
        assertFalse(since.contains("not handled") || since.contains("skipped"), "handled without a failure:\n" + since);
        assertStoredRightly(polling, pollingTelegram, odd, chat, before);
    }

    private static String withUpdateId(String json, int updateId) {
        return "{\"update_id\":" + updateId + (json.equals("{}") ? "}" : "," + json.substring(1));
    }

    /** Counts before the update, so each case checks only what it added. */
    record Before(int inbound, int participants, int outbound) {
        static Before of(RunningService service) {
            DSLContext db = service.service().database().dsl();
            return new Before(db.fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("in")), db.fetchCount(PARTICIPANT),
                    db.fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("out")));
        }
    }

    private static void assertStoredRightly(RunningService service, FakeBotApi telegram, OddUpdate odd, long chat, Before before) {
        DSLContext db = service.service().database().dsl();
        Before after = Before.of(service);
        switch (odd.stored()) {
            case NOTHING -> {
                assertEquals(before, after, "nothing stored and nothing queued");
            }
            case GROUP_NOTICE -> {
                assertEquals(before.inbound(), after.inbound(), "nothing from the group stored");
                assertEquals(before.participants(), after.participants(), "no participant for a group");
                long group = Long.parseLong("-100" + chat);
                List<FakeBotApi.SentMessage> toGroup = telegram.awaitSent(group, 1, WAIT);
                assertEquals(TelegramUpdateHandler.GROUP_NOTICE, toGroup.get(0).text());
            }
            case TEXT, BUTTON, UNSUPPORTED -> {
                assertEquals(before.inbound() + 1, after.inbound(), "the resident's message stored once");
                var rows = db.select(MESSAGE.KIND).from(MESSAGE).join(PARTICIPANT).on(PARTICIPANT.ID.eq(MESSAGE.PARTICIPANT_ID))
                        .where(PARTICIPANT.CHANNEL.eq("telegram"), PARTICIPANT.CHANNEL_USER_ID.eq(String.valueOf(chat)),
                                MESSAGE.DIRECTION.eq("in"))
                        .fetch(MESSAGE.KIND);
                assertEquals(List.of(odd.stored().name().toLowerCase()), rows, "stored from the right chat, as the right kind");
                telegram.awaitSent(chat, 1, WAIT); // and the conversation answered them
            }
        }
    }
}
