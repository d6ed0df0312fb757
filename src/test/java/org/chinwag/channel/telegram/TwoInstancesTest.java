package org.chinwag.channel.telegram;

import static org.chinwag.testing.ChinwagHarness.SECRET;
import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.chinwag.store.schema.Tables.REPLY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chinwag.testing.ChinwagHarness;
import org.chinwag.testing.FakeBotApi;
import org.chinwag.testing.RunningService;
import org.chinwag.testing.TelegramResident;
import org.chinwag.testing.TestDatabase;
import org.chinwag.testing.TestScript;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances behind a load balancer on one PostgreSQL database, for one bot. Every update is
 * delivered to both at the same moment (the worst a balancer's retry can do); residents chat
 * side by side. Each update is stored once, each reply sent once, each answer kept once under
 * the right question.
 */
class TwoInstancesTest {

    /** Each test starts the first instance in the mode it needs, and a second on the same database. */
    @RegisterExtension final ChinwagHarness byWebhook = ChinwagHarness.webhook().startLater().build();
    @RegisterExtension final ChinwagHarness byPolling = ChinwagHarness.polling().startLater().build();

    @Test
    void bothReceiveEveryUpdateAtOnceAndNothingIsStoredOrSentTwice() throws Exception {
        Assumptions.assumeTrue(TestDatabase.onPostgres(), "instances share a database only on PostgreSQL");
        FakeBotApi telegram = byWebhook.telegram();
        RunningService one = byWebhook.start();
        RunningService two = byWebhook.startAnother();
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < 12; i++) chats.add(7_300_000_000L + i);
        ExecutorService residents = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> journeys = new ArrayList<>();
            for (long chat : chats) {
                TelegramResident resident = new TelegramResident(telegram, chat, update -> toBoth(telegram, one, two, update));
                journeys.add(residents.submit(resident::completesTheTestChat));
            }
            for (Future<?> journey : journeys) journey.get();
        } finally {
            residents.shutdownNow();
        }

        var db = one.service().database().dsl();
        assertEquals(0, db.fetchCount(db.select(MESSAGE.EXTERNAL_ID).from(MESSAGE)
                .where(MESSAGE.DIRECTION.eq("in")).groupBy(MESSAGE.EXTERNAL_ID).having(DSL.count().gt(1))),
                "no update stored twice");
        for (long chat : chats) {
            int participant = db.select(PARTICIPANT.ID).from(PARTICIPANT)
                    .where(PARTICIPANT.CHANNEL_USER_ID.eq(String.valueOf(chat))).fetchSingle(PARTICIPANT.ID);
            List<String> queued = db.select(MESSAGE.BODY).from(MESSAGE)
                    .where(MESSAGE.PARTICIPANT_ID.eq(participant), MESSAGE.DIRECTION.eq("out")).orderBy(MESSAGE.ID)
                    .fetch(MESSAGE.BODY);
            List<String> received = telegram.sentTo(chat).stream().map(FakeBotApi.SentMessage::text).toList();
            assertEquals(queued, received, "each reply sent once, in order, to " + chat);
            assertEquals(TelegramResident.ANSWERS, db.select(REPLY.BODY).from(REPLY).where(REPLY.PARTICIPANT_ID.eq(participant))
                    .orderBy(REPLY.ID).fetch(REPLY.BODY), "each answer kept once");
        }
    }

    @Test
    void inPollingModeOneInstancePollsAndAnotherTakesOverWhenItStops() {
        Assumptions.assumeTrue(TestDatabase.onPostgres(), "instances share a database only on PostgreSQL");
        FakeBotApi telegram = byPolling.telegram();
        RunningService one = byPolling.start();
        RunningService two = byPolling.startAnother();
        TelegramResident resident = byPolling.resident(7_400_000_001L);
        resident.consents();
        // whichever held the lease, one of these two stops is the poller's, and the other instance takes over
        telegram.stops(one::close);
        resident.says(TelegramResident.ANSWERS.get(0), TestScript.SECOND_QUESTION);
        one.restart();
        telegram.stops(two::close);
        resident.says(TelegramResident.ANSWERS.get(1), TestScript.REFLECTS);
        assertEquals(0, telegram.pollingConflicts(), "never two instances polling at once");
        var db = one.service().database().dsl();
        assertEquals(db.fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("out")), telegram.sentTo(7_400_000_001L).size(),
                "each reply sent once");
    }

    /** Threads of their own: the common pool may have one thread on a two-core machine, which would take turns. */
    private static final ExecutorService DELIVERIES = Executors.newCachedThreadPool();

    /** The same update to both instances at once; both must answer 200. */
    private static void toBoth(FakeBotApi telegram, RunningService one, RunningService two, ObjectNode update) {
        if (!update.hasNonNull("update_id")) update.put("update_id", telegram.nextUpdateId());
        CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(
                () -> telegram.deliverWebhook(one.url(TelegramWebhook.PATH), SECRET, update.toString()), DELIVERIES);
        CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(
                () -> telegram.deliverWebhook(two.url(TelegramWebhook.PATH), SECRET, update.toString()), DELIVERIES);
        assertEquals(200, a.join().statusCode(), a.join().body());
        assertEquals(200, b.join().statusCode(), b.join().body());
    }
}
