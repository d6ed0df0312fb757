package org.chinwag.retention;

import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.chinwag.store.schema.Tables.REPLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chinwag.testing.TestDatabase;
import org.chinwag.conversation.Engine;
import org.chinwag.conversation.Inbound;
import org.chinwag.testing.TestScript;
import org.chinwag.messages.ChannelMessage;
import org.chinwag.messages.Inbox;
import org.chinwag.messages.TextAnalyzer;
import org.chinwag.store.Database;
import org.chinwag.store.ParticipantRepository;
import org.chinwag.testing.Leftovers;
import org.chinwag.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention with a clock the test moves: old text goes, recent text and aggregates stay. */
class RetentionJobTest {

    @TempDir Path dir;
    Database db;
    MovableClock clock = new MovableClock();
    Inbox inbox;
    RetentionJob retention;
    int update;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabase.url(dir));
        db.migrate();
        inbox = new Inbox(db, new Engine(TestScript.library()), TextAnalyzer.NONE, clock, "big-chat", () -> {});
        retention = new RetentionJob(db, clock, Duration.ofDays(30));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void nothingWithinThePeriodIsTouched() {
        chat("old-timer", "Bowls club on Tuesdays");
        clock.advance(Duration.ofDays(29));
        assertEquals(new RetentionJob.Result(0, 0, 0, 0), retention.runOnce());
        assertEquals("Bowls club on Tuesdays", db.dsl().fetchValue(REPLY.BODY));
    }

    @Test
    void textOlderThanThePeriodIsDeletedButRepliesAndAggregatesRemain() {
        chat("old-timer", "Bowls club on Tuesdays");
        clock.advance(Duration.ofDays(31));
        chat("newcomer", "The new cycle lane");

        RetentionJob.Result result = retention.runOnce();
        assertTrue(result.messages() > 0);
        assertEquals(1, result.replies());
        assertEquals(1, result.participants());

        var replies = db.dsl().selectFrom(REPLY).orderBy(REPLY.ID).fetch();
        assertEquals(2, replies.size(), "reply rows stay for counts and themes");
        assertEquals("", replies.get(0).getBody());
        assertEquals("healthy", replies.get(0).getQuestionId());
        assertEquals("The new cycle lane", replies.get(1).getBody());
        assertNull(replies.get(1).getTextExpiredAt());

        assertEquals(0, db.dsl().fetchCount(MESSAGE, MESSAGE.BODY.like("%Bowls%")));
        var oldTimer = db.dsl().selectFrom(PARTICIPANT).where(PARTICIPANT.ID.eq(replies.get(0).getParticipantId())).fetchSingle();
        assertEquals("expired:" + oldTimer.getPseudonym(), oldTimer.getChannelUserId());
        assertFalse(oldTimer.getActive());
        var newcomer = db.dsl().selectFrom(PARTICIPANT).where(PARTICIPANT.ID.eq(replies.get(1).getParticipantId())).fetchSingle();
        assertEquals("newcomer", newcomer.getChannelUserId());

        assertEquals(new RetentionJob.Result(0, 0, 0, 0), retention.runOnce(), "a second pass finds nothing more");
    }

    @Test
    void expiredTextAndChannelIdsAreGoneFromTheFileAndItsLogNotOnlyFromTheTables() {
        String said = "Bowls club on Tuesdays at the Armley community centre";
        String chatId = "5550003333";
        chat(chatId, said);
        clock.advance(Duration.ofDays(31));
        String recent = "The new cycle lane along the canal";
        chat("newcomer", recent);
        Assumptions.assumeFalse(TestDatabase.onPostgres(), "the bytes of a SQLite file; on PostgreSQL the files are the server's");
        Path file = dir.resolve("chinwag.db");
        assertThrows(AssertionError.class, () -> Leftovers.assertNotOnDisk(file, List.of(said)), "held until retention");

        retention.runOnce();

        Leftovers.assertNotOnDisk(file, List.of(said, chatId));
        assertThrows(AssertionError.class, () -> Leftovers.assertNotOnDisk(file, List.of(recent)),
                "what is within the period stays, and the check finds it");
    }

    @Test
    void aChatSessionOpenedAndNeverUsedIsDroppedAfterADay() {
        long made = clock.millis();
        db.write(tx -> new ParticipantRepository(tx).create("big-chat", "web", "unused-session-hash", null, made));
        chat("talker", "The library");
        clock.advance(Duration.ofHours(23));
        assertEquals(0, retention.runOnce().unused());
        clock.advance(Duration.ofHours(2));
        assertEquals(1, retention.runOnce().unused());
        assertEquals(java.util.List.of("talker"), db.dsl().select(PARTICIPANT.CHANNEL_USER_ID).from(PARTICIPANT)
                .fetch(PARTICIPANT.CHANNEL_USER_ID), "someone who said anything stays");
    }

    @Test
    void someoneWhoComesBackAfterExpiryStartsAfresh() {
        chat("old-timer", "Bowls club on Tuesdays");
        clock.advance(Duration.ofDays(31));
        retention.runOnce();
        send("old-timer", "hello again");
        assertEquals(2, db.dsl().fetchCount(PARTICIPANT));
    }

    private void chat(String who, String answer) {
        send(who, "/start");
        inbox.receive(new ChannelMessage("test", who, "u" + update++, new Inbound.ButtonPress("yes", "Yes"), "en"));
        send(who, answer);
    }

    private void send(String who, String text) {
        inbox.receive(new ChannelMessage("test", who, "u" + update++, Inbound.fromTyped(text), "en"));
    }

    @Test
    void whereInstancesShareTheDatabaseTheDailyPassRunsOnceAcrossThem() {
        Assumptions.assumeTrue(db.shared(), "instances share a database only on PostgreSQL");
        RetentionJob other = new RetentionJob(db, clock, Duration.ofDays(30));
        var mine = RetentionJob.lease(db, clock, "instance-a");
        var theirs = RetentionJob.lease(db, clock, "instance-b");
        assertTrue(retention.runIfLeaseTaken(mine));
        assertFalse(other.runIfLeaseTaken(theirs), "the other instance's pass that day is skipped");
        clock.advance(Duration.ofDays(1));
        assertTrue(retention.runIfLeaseTaken(mine), "the next day, the same instance again");
        assertFalse(other.runIfLeaseTaken(theirs));
        clock.advance(Duration.ofDays(2));
        assertTrue(other.runIfLeaseTaken(theirs), "the first instance missed a day: the other takes over");
        assertFalse(retention.runIfLeaseTaken(mine));
    }
}
