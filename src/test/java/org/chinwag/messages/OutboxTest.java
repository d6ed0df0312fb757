package org.chinwag.messages;

import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.chinwag.testing.TestDatabase;
import org.chinwag.conversation.Outbound;
import org.chinwag.store.Database;
import org.chinwag.store.MessageRepository;
import org.chinwag.store.ParticipantRepository;
import org.chinwag.testing.CapturedLog;
import org.chinwag.testing.MovableClock;
import org.chinwag.testing.ChinwagHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's delivery rules against a real SQLite file and a scripted channel. */
class OutboxTest {

    @TempDir Path dir;
    Database db;
    MovableClock clock = new MovableClock();
    ScriptedSender sender = new ScriptedSender();
    Outbox outbox;
    int participant;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabase.url(dir));
        db.migrate();
        outbox = new Outbox(db, clock, List.of(sender));
        participant = db.write(tx -> new ParticipantRepository(tx).create("big-chat", "test", "r1", null, 0));
    }

    @AfterEach
    void close() {
        outbox.close();
        db.close();
    }

    @Test
    void sendsPendingMessagesOnceInOrderWithTheirButtons() {
        queue("first", null);
        queue("second", "[{\"label\":\"Yes\",\"value\":\"yes\"}]");
        assertEquals(1, outbox.drain());
        assertEquals(1, outbox.drain());
        assertEquals(0, outbox.drain());
        assertEquals(List.of("first", "second"), sender.texts());
        assertEquals("yes", sender.sent.get(1).buttons().get(0).value());
        assertEquals(2, db.dsl().fetchCount(MESSAGE, MESSAGE.STATUS.eq("sent")));
    }

    @Test
    void honoursRetryAfterAndKeepsLaterMessagesBehind() {
        queue("first", null);
        queue("second", null);
        sender.failures.add(SendFailure.retry("429", Duration.ofSeconds(3)));
        assertEquals(0, outbox.drain());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(0, outbox.drain(), "the second message may not overtake the first");
        assertEquals(List.of(), sender.texts());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, outbox.drain());
        assertEquals(1, outbox.drain());
        assertEquals(List.of("first", "second"), sender.texts());
    }

    @Test
    void aRateLimitPausesTheWholeChannel() {
        int other = participant("r2");
        queue("to r1", null);
        sender.failures.add(SendFailure.retry("429", Duration.ofSeconds(5)));
        assertEquals(0, outbox.drain());
        queueTo(other, "to r2");
        assertEquals(0, outbox.drain(), "Telegram's limit is per bot: r2 waits too");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(2, outbox.drain());
        // two chats, sent side by side: either may be accepted first
        assertEquals(List.of("to r1", "to r2"), sender.texts().stream().sorted().toList());
    }

    @Test
    void eachChatWaitsItsChannelsGapBetweenMessagesOnTheClockWhileOtherChatsGoOn() {
        ScriptedSender telegramLike = new ScriptedSender("paced", Duration.ofSeconds(1));
        outbox.close();
        outbox = new Outbox(db, clock, List.of(telegramLike));
        int r1 = db.write(tx -> new ParticipantRepository(tx).create("big-chat", "paced", "r1", null, 0));
        int r2 = db.write(tx -> new ParticipantRepository(tx).create("big-chat", "paced", "r2", null, 0));
        for (String text : List.of("r1 one", "r1 two")) queueOn("paced", r1, text);
        queueOn("paced", r2, "r2 one");

        assertEquals(2, outbox.drain(), "the first message of each chat");
        assertEquals(0, outbox.drain(), "r1's second message waits");
        clock.advance(Duration.ofMillis(999));
        assertEquals(0, outbox.drain(), "still within the second");
        queueOn("paced", r2, "r2 two");
        assertEquals(0, outbox.drain(), "r2 waits its own gap too");
        clock.advance(Duration.ofMillis(1));
        assertEquals(2, outbox.drain());
        assertEquals(List.of("r1 one", "r2 one"), telegramLike.texts().subList(0, 2).stream().sorted().toList());
        assertEquals(List.of("r1 two", "r2 two"), telegramLike.texts().subList(2, 4).stream().sorted().toList());
    }

    @Test
    void sendsOnAChannelKeepItsOverallGapAcrossChatsSentAtOnce() {
        ScriptedSender paced = new ScriptedSender("paced", Duration.ZERO, Duration.ofMillis(50));
        outbox.close();
        outbox = new Outbox(db, clock, List.of(paced));
        int chats = 20;
        for (int i = 0; i < chats; i++) {
            int person = db.write(tx -> new ParticipantRepository(tx).create("big-chat", "paced", "p" + System.nanoTime(), null, 0));
            queueOn("paced", person, "to chat " + i);
        }
        assertEquals(chats, outbox.drain(), "all in one pass, on several threads");
        List<Long> starts = paced.startedAtNanos.stream().sorted().toList();
        // read just after each pace, so the first reading may be late by a moment: allow one gap for that
        assertTrue(starts.get(chats - 1) - starts.get(0) >= Duration.ofMillis(50 * (chats - 2)).toNanos(),
                "20 sends spread over at least 18 gaps, not sent at once");
    }

    @Test
    void aSlowChatDoesNotHoldUpAnotherChatsMessages() throws Exception {
        int other = participant("r2");
        queue("to the slow chat", null);
        CountDownLatch slowChatMayFinish = new CountDownLatch(1);
        sender.holdUntil("r1", slowChatMayFinish);
        outbox.start();
        sender.awaitHeld("r1");
        queueTo(other, "to r2");
        outbox.wake();
        sender.awaitSent("to r2");
        assertEquals(List.of("to r2"), sender.texts(), "r2's message went while r1's send was still hanging");
        slowChatMayFinish.countDown();
        sender.awaitSent("to the slow chat");
        outbox.close();
        assertEquals(2, db.dsl().fetchCount(MESSAGE, MESSAGE.STATUS.eq("sent")));
    }

    @Test
    void manyChatsAtOnceGetEveryMessageOnceAndInOrder() throws Exception {
        List<Integer> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) people.add(participant("c" + i));
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < people.size(); i++) queueTo(people.get(i), "c" + i + " #" + round);
        }
        sender.jitter = true;
        outbox.start();
        sender.awaitCount(100);
        outbox.close();
        assertEquals(100, sender.texts().size());
        assertEquals(100, sender.texts().stream().distinct().count(), "no message sent twice");
        for (int i = 0; i < people.size(); i++) {
            String chat = "c" + i;
            List<String> theirs = new ArrayList<>();
            for (int k = 0; k < sender.sent.size(); k++) {
                if (sender.recipients.get(k).equals(chat)) theirs.add(sender.sent.get(k).text());
            }
            assertEquals(List.of(chat + " #0", chat + " #1", chat + " #2", chat + " #3", chat + " #4"), theirs);
        }
        assertEquals(100, db.dsl().fetchCount(MESSAGE, MESSAGE.STATUS.eq("sent")));
    }

    @Test
    void aDeliveredMessageWhoseSentMarkCannotBeStoredIsNotSentAgain() {
        queue("only once, please", null);
        // the database takes no "sent" mark for now, as with a full disk or a lock held elsewhere
        refuseSentMarks(true);
        try (CapturedLog log = CapturedLog.start()) {
            outbox.start();
            ChinwagHarness.await("three attempts to store the outcome",
                    () -> log.text().split("could not store a send's outcome", -1).length > 3);
            assertEquals(List.of("only once, please"), sender.texts(), "sent once while its mark could not be stored");
            refuseSentMarks(false);
            ChinwagHarness.await("the mark stored", () -> db.dsl().fetchCount(MESSAGE, MESSAGE.STATUS.eq("sent")) == 1);
        }
        outbox.close();
        assertEquals(List.of("only once, please"), sender.texts());
    }

    @Test
    void twoInstancesOnOneSharedDatabaseSendEachMessageOnce() {
        Assumptions.assumeTrue(TestDatabase.onPostgres(), "instances share a database only on PostgreSQL");
        List<Integer> people = new ArrayList<>();
        for (int i = 0; i < 40; i++) people.add(participant("shared-" + i));
        for (int round = 0; round < 3; round++) {
            for (int person : people) queueTo(person, person + " #" + round);
        }
        sender.jitter = true;
        ScriptedSender otherSender = new ScriptedSender();
        otherSender.jitter = true;
        try (Database otherConnection = Database.open(TestDatabase.url(dir)); Outbox other = new Outbox(otherConnection, clock, List.of(otherSender))) {
            outbox.start();
            other.start();
            ChinwagHarness.await("every message sent", () -> sender.sent.size() + otherSender.sent.size() >= 120
                    && db.dsl().fetchCount(MESSAGE, MESSAGE.STATUS.eq("sent")) == 120);
        }
        List<String> all = new ArrayList<>(sender.texts());
        all.addAll(otherSender.texts());
        assertEquals(120, all.size(), "no message went out twice");
        assertEquals(120, Set.copyOf(all).size());
        assertFalse(sender.sent.isEmpty() || otherSender.sent.isEmpty(), "both instances sent: "
                + sender.sent.size() + " and " + otherSender.sent.size());
        List<ScriptedSender.Delivery> byTime = new ArrayList<>(sender.deliveries);
        byTime.addAll(otherSender.deliveries);
        byTime.sort(java.util.Comparator.comparingLong(ScriptedSender.Delivery::nanos));
        for (int person : people) {
            List<String> theirs = byTime.stream().map(ScriptedSender.Delivery::text)
                    .filter(text -> text.startsWith(person + " #")).toList();
            assertEquals(List.of(person + " #0", person + " #1", person + " #2"), theirs, "in order across instances");
        }
    }

    /**
     * A trigger that fails every "sent" mark, or with false lets them through again, in each
     * database's own SQL. On PostgreSQL the trigger stays and reads a switch table: dropping it
     * would wait for the send that holds its row, which is retrying meanwhile.
     */
    private void refuseSentMarks(boolean refuse) {
        if (!TestDatabase.onPostgres()) {
            db.dsl().execute(refuse ? "CREATE TRIGGER refuse_sent BEFORE UPDATE OF status ON message WHEN NEW.status = 'sent' "
                    + "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END" : "DROP TRIGGER refuse_sent");
        } else if (refuse) {
            db.dsl().execute("CREATE TABLE refuse_sent_marks (refusing BOOLEAN)");
            db.dsl().execute("INSERT INTO refuse_sent_marks VALUES (TRUE)");
            db.dsl().execute("CREATE FUNCTION refuse_sent() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN "
                    + "IF EXISTS (SELECT 1 FROM refuse_sent_marks) THEN RAISE EXCEPTION ''could not extend file: No space left on device''; "
                    + "END IF; RETURN NEW; END'");
            db.dsl().execute("CREATE TRIGGER refuse_sent BEFORE UPDATE OF status ON message FOR EACH ROW "
                    + "WHEN (NEW.status = 'sent') EXECUTE FUNCTION refuse_sent()");
        } else {
            db.dsl().execute("DELETE FROM refuse_sent_marks");
        }
    }

    @Test
    void eachPersonGetsTheirMessagesInOrderOnePerPass() {
        queue("one", null);
        queue("two", null);
        queue("three", null);
        int passes = 0;
        while (outbox.drain() > 0) passes++;
        assertEquals(3, passes);
        assertEquals(List.of("one", "two", "three"), sender.texts());
    }

    @Test
    void serverErrorsBackOffThenGiveUp() {
        queue("hello", null);
        for (int i = 0; i < Outbox.MAX_ATTEMPTS; i++) {
            sender.failures.add(SendFailure.retry("500", null));
            outbox.drain();
            clock.advance(Duration.ofMinutes(11));
        }
        assertEquals(List.of(), sender.texts());
        assertEquals(1, db.dsl().fetchCount(MESSAGE, MESSAGE.STATUS.eq("failed")));
        assertEquals(Duration.ofSeconds(1), Outbox.backoff(0, null));
        assertEquals(Duration.ofSeconds(8), Outbox.backoff(3, null));
        assertEquals(Duration.ofMinutes(10), Outbox.backoff(30, null));
    }

    @Test
    void aBlockedRecipientIsMarkedInactiveAndNothingMoreIsSent() {
        queue("first", null);
        queue("second", null);
        sender.failures.add(SendFailure.blocked("403"));
        outbox.drain();
        outbox.drain();
        assertEquals(List.of(), sender.texts());
        assertFalse(db.dsl().fetchValue(PARTICIPANT.ACTIVE, PARTICIPANT.ID.eq(participant)));
        assertEquals(2, db.dsl().fetchCount(MESSAGE, MESSAGE.STATUS.eq("failed")));
    }

    @Test
    void aMessageToAForgottenPersonIsSentByChannelIdAndTheIdIsThenCleared() {
        db.write(tx -> new MessageRepository(tx).insertOutboundTo("r9", "big-chat", "test", "All deleted.", clock.millis()));
        assertEquals(1, outbox.drain());
        assertEquals("r9", sender.recipients.get(0));
        assertNull(db.dsl().fetchValue(MESSAGE.RECIPIENT, MESSAGE.BODY.eq("All deleted.")));
    }

    private void queue(String text, String buttons) {
        db.write(tx -> new MessageRepository(tx).insertOutbound(participant, null, "big-chat", "test", text, buttons, clock.millis()));
    }

    private void queueTo(int participantId, String text) {
        queueOn("test", participantId, text);
    }

    private void queueOn(String channel, int participantId, String text) {
        db.write(tx -> new MessageRepository(tx).insertOutbound(participantId, null, "big-chat", channel, text, null, clock.millis()));
    }

    private int participant(String channelId) {
        return db.write(tx -> new ParticipantRepository(tx).create("big-chat", "test", channelId, null, 0));
    }

    /**
     * A channel whose next sends fail as scripted, then succeed; safe to call from the outbox's
     * sending threads. It can hold one recipient's sends until a latch opens.
     */
    static final class ScriptedSender implements ChannelSender {
        private final String channel;
        private final Duration gap;
        private final Duration overallGap;
        final List<Long> startedAtNanos = new CopyOnWriteArrayList<>();
        final Deque<SendFailure> failures = new ConcurrentLinkedDeque<>();
        final List<Outbound> sent = new CopyOnWriteArrayList<>();
        final List<String> recipients = new CopyOnWriteArrayList<>();
        /** Each delivered text and when it was accepted, to compare the order across two senders. */
        final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

        record Delivery(String text, long nanos) {}
        private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
        private final Set<String> held = ConcurrentHashMap.newKeySet();
        volatile boolean jitter;

        ScriptedSender() {
            this("test", Duration.ZERO);
        }

        ScriptedSender(String channel, Duration gap) {
            this(channel, gap, Duration.ZERO);
        }

        ScriptedSender(String channel, Duration gap, Duration overallGap) {
            this.channel = channel;
            this.gap = gap;
            this.overallGap = overallGap;
        }

        @Override
        public Duration minimumGapOverall() {
            return overallGap;
        }

        @Override
        public String channel() {
            return channel;
        }

        @Override
        public Duration minimumGapPerChat() {
            return gap;
        }

        @Override
        public void send(String recipient, Outbound message) throws SendFailure {
            startedAtNanos.add(System.nanoTime());
            try {
                CountDownLatch hold = holds.get(recipient);
                if (hold != null) {
                    held.add(recipient);
                    hold.await();
                }
                // sends of uneven length, so chats finish out of step with one another
                if (jitter) Thread.sleep(ThreadLocalRandom.current().nextInt(60));
                SendFailure failure = failures.poll();
                if (failure != null) throw failure;
                synchronized (this) {
                    sent.add(message);
                    recipients.add(recipient);
                    deliveries.add(new Delivery(message.text(), System.nanoTime()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SendFailure.retry("interrupted", null);
            }
        }

        void holdUntil(String recipient, CountDownLatch latch) {
            holds.put(recipient, latch);
        }

        void awaitHeld(String recipient) {
            ChinwagHarness.await("a send to " + recipient + " in progress", () -> held.contains(recipient));
        }

        void awaitSent(String text) {
            ChinwagHarness.await("'" + text + "' sent", () -> texts().contains(text));
        }

        void awaitCount(int count) {
            ChinwagHarness.await(count + " sends", () -> sent.size() >= count);
        }

        List<String> texts() {
            return sent.stream().map(Outbound::text).toList();
        }
    }
}
