package org.chinwag.channel.telegram;

import static org.chinwag.testing.ChinwagHarness.SECRET;
import static org.chinwag.testing.ChinwagHarness.TOKEN;
import static org.chinwag.testing.ChinwagHarness.WAIT;
import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.TelegramResident;
import org.chinwag.testing.TestScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole service in webhook mode: Telegram posts updates to /telegram/webhook, replies go to the fake Bot API. */
class TelegramWebhookTest {

    static final long CHAT = 7_123_456_789L;

    @RegisterExtension final ChinwagHarness chinwag = ChinwagHarness.webhook().build();
    /** A second service, in polling mode, for the one test that needs it. */
    @RegisterExtension final ChinwagHarness polling = ChinwagHarness.polling().startLater().build();
    FakeBotApi telegram;

    @BeforeEach
    void bot() {
        telegram = chinwag.telegram();
    }

    private String webhookUrl() {
        return chinwag.service().url(TelegramWebhook.PATH);
    }

    @Test
    void aWholeChatByWebhook() {
        telegram.awaitCalls("setWebhook", 1, WAIT);
        FakeBotApi.Webhook hook = telegram.webhook();
        assertEquals("https://chat.example.org/telegram/webhook", hook.url());
        assertEquals(SECRET, hook.secretToken());
        assertTrue(hook.allowedUpdates().toString().contains("callback_query"), hook.allowedUpdates().toString());

        TelegramResident resident = chinwag.resident(CHAT);
        resident.completesTheTestChat();

        telegram.awaitCalls("answerCallbackQuery", 3, WAIT);
        assertTrue(telegram.calls("getUpdates").isEmpty(), "webhook mode never polls");
        resident.assertAnswersStoredUnderPseudonym(chinwag.service(), TelegramResident.ANSWERS);
    }

    @Test
    void aRedeliveredUpdateIsStoredAndAnsweredOnce() {
        TelegramResident resident = chinwag.resident(CHAT);
        resident.consents();
        ObjectNode answer = telegram.text(CHAT, "Singing in the community choir");
        answer.put("update_id", telegram.nextUpdateId());
        int before = resident.seen();

        // Telegram resends when it did not see our 200 in time: both deliveries succeed
        assertEquals(200, telegram.deliverWebhook(webhookUrl(), SECRET, answer.toString()).statusCode());
        assertEquals(200, telegram.deliverWebhook(webhookUrl(), SECRET, answer.toString()).statusCode());
        resident.says("Nothing gets in the way", TestScript.FOLLOWUP_GENERIC);

        List<FakeBotApi.SentMessage> sent = telegram.sentTo(CHAT);
        assertTrue(sent.get(before).text().contains(TestScript.SECOND_QUESTION));
        assertTrue(sent.get(before + 1).text().contains(TestScript.FOLLOWUP_GENERIC), "no second answer to the copy");
        assertEquals(1, chinwag.service().service().database().dsl().fetchCount(MESSAGE,
                MESSAGE.EXTERNAL_ID.eq(answer.get("update_id").asText())));
    }

    @Test
    void deliveriesWithoutTheRightSecretOrABodyAreRefusedAndNothingIsStored() {
        String update = telegram.text(CHAT, "/start").put("update_id", telegram.nextUpdateId()).toString();
        int stored = chinwag.messageCount();

        HttpResponse<String> wrong = telegram.deliverWebhook(webhookUrl(), "not-the-secret", update);
        assertEquals(401, wrong.statusCode());
        assertEquals(401, telegram.deliverWebhook(webhookUrl(), SECRET + "x", update).statusCode(), "a longer secret");
        assertEquals(401, telegram.deliverWebhook(webhookUrl(), null, update).statusCode(), "no secret");
        assertEquals(401, telegram.deliverWebhook(webhookUrl(), "", update).statusCode(), "an empty secret");
        assertEquals(400, telegram.deliverWebhook(webhookUrl(), SECRET, "{\"update_id\": 12, \"message\": ").statusCode(), "malformed JSON");
        assertEquals(400, telegram.deliverWebhook(webhookUrl(), SECRET, "").statusCode(), "empty body");
        assertEquals(400, telegram.deliverWebhook(webhookUrl(), SECRET, "[1,2,3]").statusCode(), "not an update");
        assertEquals(400, telegram.deliverWebhook(webhookUrl(), SECRET, "{\"message\":{}}").statusCode(), "no update_id");

        String huge = "{\"update_id\":1,\"message\":{\"text\":\"" + "a".repeat(1024 * 1024) + "\"}}";
        HttpResponse<String> tooBig = telegram.deliverWebhook(webhookUrl(), SECRET, huge);
        assertEquals(413, tooBig.statusCode());

        assertEquals(stored, chinwag.messageCount(), "nothing stored");
        assertTrue(telegram.sentMessages().isEmpty(), "nothing sent");
        for (HttpResponse<String> response : List.of(wrong, tooBig)) {
            assertFalse(response.body().contains(TOKEN), "the token never appears in a response");
            assertFalse(response.body().contains(SECRET), "nor the secret");
        }
    }

    @Test
    void updatesThatAreNotForTheConversationAreAcknowledgedAndNotStored() {
        int stored = chinwag.inboundCount();
        long group = -1009876543210L;
        assertEquals(200, deliver(telegram.groupText(group, CHAT, "anyone about?")));
        assertEquals(200, deliver(telegram.groupText(group, CHAT, "hello?")));
        assertEquals(200, deliver(telegram.myChatMember(CHAT, "kicked")));
        assertEquals(200, telegram.deliverWebhook(webhookUrl(), SECRET, "{\"update_id\":" + telegram.nextUpdateId()
                + ",\"message_reaction\":{\"chat\":{\"id\":1,\"type\":\"private\"},\"message_id\":1,\"date\":1,"
                + "\"old_reaction\":[],\"new_reaction\":[]}}").statusCode());
        assertEquals(stored, chinwag.inboundCount(), "nothing stored");
        assertEquals(1, telegram.awaitSent(group, 1, WAIT).size(), "the group is told once");

        TelegramResident resident = chinwag.resident(CHAT);
        resident.send(telegram.sticker(CHAT), TestScript.ASKS_CONSENT); // a first sticker starts the chat
        resident.presses(TestScript.CONSENT_YES, TestScript.FIRST_QUESTION);
        resident.send(telegram.voice(CHAT), TestScript.UNSUPPORTED);
        assertEquals(1, telegram.sentTo(group).size());
    }

    private int deliver(ObjectNode update) {
        update.put("update_id", telegram.nextUpdateId());
        return telegram.deliverWebhook(webhookUrl(), SECRET, update.toString()).statusCode();
    }

    @Test
    void aDeliveryThatCannotBeStoredIsNotAcknowledgedSoTelegramSendsItAgain() {
        chinwag.service().service().database().close(); // storage gone, as in a full disk or a lost database
        ObjectNode update = telegram.text(CHAT, "/start").put("update_id", telegram.nextUpdateId());
        HttpResponse<String> response = telegram.deliverWebhook(webhookUrl(), SECRET, update.toString());
        assertEquals(500, response.statusCode(), "anything but 2xx makes Telegram deliver again");
        assertFalse(response.body().contains(TOKEN));
    }

    /** The route alone on a loopback server, with a handler that fails as each case needs. */
    @Test
    void anUpdateThatKeepsFailingForAReasonOtherThanStorageIsSkippedSoLaterUpdatesFlow() {
        List<Integer> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        TelegramWebhook route = new TelegramWebhook(SECRET, update -> {
            if (update.getUpdateId() == 1) throw new IllegalStateException("a bug, not an outage");
            if (update.getUpdateId() == 2) throw new IllegalStateException("write failed", new java.sql.SQLException("disk full"));
            handled.add(update.getUpdateId());
        });
        io.javalin.Javalin server = org.chinwag.http.HttpServer.create(() -> true, false, List.of(route),
                new org.chinwag.http.Gatekeeper(null, null, false)).start(0);
        try {
            String url = "http://127.0.0.1:" + server.port() + TelegramWebhook.PATH;
            List<Integer> broken = new java.util.ArrayList<>();
            List<Integer> storageDown = new java.util.ArrayList<>();
            for (int delivery = 0; delivery < TelegramPolling.ATTEMPTS_BEFORE_SKIPPING + 1; delivery++) {
                broken.add(telegram.deliverWebhook(url, SECRET, "{\"update_id\":1}").statusCode());
                storageDown.add(telegram.deliverWebhook(url, SECRET, "{\"update_id\":2}").statusCode());
            }
            assertEquals(List.of(500, 500, 200, 500), broken,
                    "refused twice so Telegram tries again, then skipped; a later redelivery is tried afresh");
            assertEquals(List.of(500, 500, 500, 500), storageDown, "an outage is never skipped: Telegram keeps it");
            assertEquals(200, telegram.deliverWebhook(url, SECRET, "{\"update_id\":3}").statusCode());
            assertEquals(List.of(3), handled);
        } finally {
            server.stop();
        }
    }

    @Test
    void noWebhookRouteInPollingMode() {
        HttpResponse<String> response = polling.start().post(TelegramWebhook.PATH, "application/json", "{}",
                Map.of("X-Telegram-Bot-Api-Secret-Token", SECRET));
        assertEquals(404, response.statusCode());
    }
}
