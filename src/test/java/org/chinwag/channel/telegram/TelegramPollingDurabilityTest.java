package org.chinwag.channel.telegram;

import static org.chinwag.testing.ChinwagHarness.TOKEN;
import static org.chinwag.testing.ChinwagHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.chinwag.testing.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Telegram forgets an update once getUpdates asks past it. These tests hold the polling loop to
 * its promise: an update is confirmed only after it was stored, storage trouble is waited out, a
 * stop leaves unstored updates for Telegram to deliver again, and one broken update cannot stall
 * everyone behind it.
 */
class TelegramPollingDurabilityTest {

    static final long CHAT = 5_100_000_000L;
    final FakeBotApi telegram = FakeBotApi.start(TOKEN);
    final List<Integer> stored = new CopyOnWriteArrayList<>();
    TelegramPolling polling;

    @AfterEach
    void close() {
        if (polling != null) polling.close();
        telegram.close();
    }

    private TelegramPolling poll(TelegramPolling.UpdateSink sink) throws Exception {
        polling = new TelegramPolling(TOKEN, TelegramSender.telegramUrl(URI.create(telegram.url())), sink);
        polling.start();
        return polling;
    }

    private static RuntimeException storageDown() {
        return new IllegalStateException("write failed", new SQLException("database is locked"));
    }

    @Test
    void anUpdateIsConfirmedOnlyAfterItWasStoredAndStorageTroubleIsWaitedOut() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        poll(update -> {
            if (failuresLeft.getAndDecrement() > 0) throw storageDown();
            stored.add(update.getUpdateId());
        });
        int first = telegram.enqueue(telegram.text(CHAT, "one"));
        await("three failed attempts", () -> failuresLeft.get() < 0);
        int second = telegram.enqueue(telegram.text(CHAT, "two"));
        await("both stored", () -> stored.size() == 2);
        assertEquals(List.of(first, second), stored, "in order, each once");
        await("both confirmed", () -> telegram.unconfirmedUpdates() == 0);
    }

    @Test
    void stoppingWhileStorageIsDownLeavesTheUpdateForTheNextRun() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        poll(update -> {
            attempts.incrementAndGet();
            throw storageDown();
        });
        int id = telegram.enqueue(telegram.text(CHAT, "please keep me"));
        await("an attempt", () -> attempts.get() >= 1);
        polling.close();
        assertEquals(1, telegram.unconfirmedUpdates(), "not confirmed, so Telegram still has it");

        poll(update -> stored.add(update.getUpdateId()));
        await("delivered again and stored", () -> stored.contains(id));
        await("confirmed", () -> telegram.unconfirmedUpdates() == 0);
    }

    @Test
    void anUpdateThatKeepsFailingForAnotherReasonIsSkippedSoOthersAreNotStuck() throws Exception {
        AtomicInteger brokenAttempts = new AtomicInteger();
        poll(update -> {
            if (update.getMessage().getText().equals("broken")) {
                brokenAttempts.incrementAndGet();
                throw new IllegalArgumentException("a bug, not an outage");
            }
            stored.add(update.getUpdateId());
        });
        telegram.enqueue(telegram.text(CHAT, "broken"));
        int next = telegram.enqueue(telegram.text(CHAT, "fine"));
        await("the next update stored", () -> stored.contains(next));
        assertEquals(TelegramPolling.ATTEMPTS_BEFORE_SKIPPING, brokenAttempts.get());
        assertTrue(telegram.calls("deleteWebhook").size() >= 1);
    }

    @Test
    void anUnreachableTelegramFailsTheStartAndALaterStartSucceeds() throws Exception {
        telegram.failNext("deleteWebhook", 502, "Bad Gateway", null);
        polling = new TelegramPolling(TOKEN, TelegramSender.telegramUrl(URI.create(telegram.url())), u -> stored.add(u.getUpdateId()));
        assertThrows(Exception.class, polling::start);
        polling.start(); // TelegramBots keeps a failed session; the retry must still be able to register
        int id = telegram.enqueue(telegram.text(CHAT, "hello"));
        await("stored", () -> stored.contains(id));
    }
}
