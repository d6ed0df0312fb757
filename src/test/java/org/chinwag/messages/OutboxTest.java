package org.chinwag.messages;

import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.chinwag.conversation.Outbound;
import org.chinwag.store.Database;
import org.chinwag.store.MessageRepository;
import org.chinwag.store.ParticipantRepository;
import org.chinwag.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
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
        db = Database.open("jdbc:sqlite:" + dir.resolve("chinwag.db"));
        db.migrate();
        outbox = new Outbox(db, clock, List.of(sender));
        participant = db.write(tx -> new ParticipantRepository(tx).create("big-chat", "test", "r1", null, 0)).getId();
    }

    @AfterEach
    void close() {
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
    void aRateLimitPausesTheWholeChannelButNotOthers() {
        int other = db.write(tx -> new ParticipantRepository(tx).create("big-chat", "test", "r2", null, 0)).getId();
        queue("to r1", null);
        db.write(tx -> new MessageRepository(tx).insertOutbound(other, null, "big-chat", "test", "to r2", null, clock.millis()));
        sender.failures.add(SendFailure.retry("429", Duration.ofSeconds(5)));
        assertEquals(0, outbox.drain(), "Telegram's limit is per bot: r2 waits too");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(2, outbox.drain());
        assertEquals(List.of("to r1", "to r2"), sender.texts());
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

    /** A channel whose next sends fail as scripted, then succeed. */
    static final class ScriptedSender implements ChannelSender {
        final Deque<SendFailure> failures = new ArrayDeque<>();
        final List<Outbound> sent = new ArrayList<>();
        final List<String> recipients = new ArrayList<>();

        @Override
        public String channel() {
            return "test";
        }

        @Override
        public void send(String recipient, Outbound message) throws SendFailure {
            SendFailure failure = failures.poll();
            if (failure != null) throw failure;
            sent.add(message);
            recipients.add(recipient);
        }

        List<String> texts() {
            return sent.stream().map(Outbound::text).toList();
        }
    }
}
