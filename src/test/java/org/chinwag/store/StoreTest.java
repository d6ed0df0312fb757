package org.chinwag.store;

import static org.chinwag.store.schema.Tables.CONVERSATION;
import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.chinwag.store.schema.Tables.REPLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.chinwag.store.TagSource;
import org.chinwag.testing.TestDatabase;
import org.chinwag.store.ConversationRepository.StoredState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.CsvSource;

/** The repositories against a real SQLite file, migrated by Flyway exactly as the service does. */
class StoreTest {

    @TempDir Path dir;
    Database db;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabase.url(dir, "nested/folder/chinwag.db"));
        assertTrue(db.migrate() >= 1);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void migratedDatabaseIsReadyAndMigratingAgainDoesNothing() {
        assertTrue(db.ready(System.currentTimeMillis()));
        assertEquals(0, db.migrate());
    }

    @Test
    void sqliteRunsInWalModeWithForeignKeys() {
        Assumptions.assumeFalse(TestDatabase.onPostgres(), "SQLite's pragmas");
        assertEquals("wal", db.dsl().fetchValue("PRAGMA journal_mode").toString());
        assertEquals("1", db.dsl().fetchValue("PRAGMA foreign_keys").toString());
    }

    @Test
    void inboundMessagesAreUniqueOnChannelAndExternalId() {
        int participant = participant("telegram", "12345678901");
        var first = db.write(tx -> new MessageRepository(tx).insertInbound(participant, "big-chat", "telegram", "42", "text", "hello", 1));
        var again = db.write(tx -> new MessageRepository(tx).insertInbound(participant, "big-chat", "telegram", "42", "text", "hello", 2));
        var otherChannel = db.write(tx -> new MessageRepository(tx).insertInbound(participant, "big-chat", "web", "42", "text", "hello", 3));
        assertTrue(first.isPresent());
        assertFalse(again.isPresent());
        assertTrue(otherChannel.isPresent());
        assertEquals(2, db.dsl().fetchCount(MESSAGE));
    }

    @Test
    void participantsGetDistinctPseudonymsThatDoNotContainTheirChannelId() {
        int a = participant("telegram", "5550001");
        int b = participant("telegram", "5550002");
        var participants = new ParticipantRepository(db.dsl());
        String pa = participants.find(a).orElseThrow().pseudonym();
        String pb = participants.find(b).orElseThrow().pseudonym();
        assertNotEquals(pa, pb);
        assertTrue(pa.matches("P-[2-9A-Z]{8}"), pa);
        assertFalse(pa.contains("5550001"));
    }

    @Test
    void outboxRowsComeDueOldestFirstOnePerPersonAndLeaveOnceSent() {
        int participant = participant("telegram", "777");
        int other = participant("telegram", "778");
        db.write(tx -> {
            var messages = new MessageRepository(tx);
            messages.insertOutbound(participant, null, "big-chat", "telegram", "one", null, 10);
            messages.insertOutbound(participant, null, "big-chat", "telegram", "two", "[{\"label\":\"Yes\",\"value\":\"yes\"}]", 10);
            messages.insertOutbound(other, null, "big-chat", "telegram", "to other", null, 10);
            messages.insertOutbound(participant, null, "big-chat", "web", "elsewhere", null, 10);
            return null;
        });
        var repository = new MessageRepository(db.dsl());
        var due = repository.due(List.of("telegram"), 10, 10);
        assertEquals(List.of("one", "to other"), due.stream().map(MessageRepository.PendingMessage::body).toList());
        assertEquals("777", due.get(0).recipient());
        db.write(tx -> {
            new MessageRepository(tx).markSent(due.get(0).id(), 11);
            new MessageRepository(tx).markSent(due.get(1).id(), 11);
            return null;
        });
        var next = repository.due(List.of("telegram"), 10, 10);
        assertEquals(List.of("two"), next.stream().map(MessageRepository.PendingMessage::body).toList());
        db.write(tx -> {
            new MessageRepository(tx).markRetry(next.get(0).id(), 500, "429");
            return null;
        });
        assertTrue(repository.due(List.of("telegram"), 499, 10).isEmpty());
        assertEquals(1, repository.due(List.of("telegram"), 500, 10).size());
    }

    @Test
    void deletingAParticipantRemovesTheirConversationsMessagesAndReplies() {
        int participant = participant("telegram", "888");
        db.write(tx -> {
            var conversation = new ConversationRepository(tx).open(participant, "big-chat",
                    new StoredState("big-chat", 1, "q1", "active", null, "{}"), 1);
            var inbound = new MessageRepository(tx).insertInbound(participant, "big-chat", "telegram", "1", "text", "the buses", 1).orElseThrow();
            new ReplyRepository(tx).insert(new ReplyRepository.NewReply(participant, conversation.id(), inbound.id(),
                    "big-chat", "big-chat", 1, "q1", "the buses", "en", false, null, 1));
            return null;
        });
        assertEquals(1, db.dsl().fetchCount(REPLY));
        db.write(tx -> {
            new ParticipantRepository(tx).delete(participant);
            return null;
        });
        assertEquals(0, db.dsl().fetchCount(REPLY));
        assertEquals(0, db.dsl().fetchCount(MESSAGE));
        assertEquals(0, db.dsl().fetchCount(CONVERSATION));
    }

    @Test
    void removingTheModelsTagsNeverTouchesPeoplesTags() {
        int participant = participant("telegram", "999");
        int reply = db.write(tx -> {
            var conversation = new ConversationRepository(tx).open(participant, "big-chat",
                    new StoredState("big-chat", 2, "q1", "active", null, "{}"), 1);
            var inbound = new MessageRepository(tx).insertInbound(participant, "big-chat", "telegram", "1", "text", "the buses", 1).orElseThrow();
            return new ReplyRepository(tx).insert(new ReplyRepository.NewReply(participant, conversation.id(), inbound.id(),
                    "big-chat", "big-chat", 2, "q1", "the buses", "en", false, null, 1));
        });
        db.write(tx -> {
            var tags = new TagRepository(tx);
            tags.add(reply, "transport", 0.9, TagSource.MODEL, "m1", 1);
            tags.setPeoplesTags(reply, TagSource.REVIEWER, List.of("green_spaces"), "reviewer-1", 2);
            tags.setPeoplesTags(reply, TagSource.PARTICIPANT, List.of("gp_access"), null, 3);
            tags.setPeoplesTags(reply, TagSource.PARTICIPANT, List.of("transport"), null, 4); // a second word replaces the first
            return tags.removeModelTags(reply);
        });
        var left = new TagRepository(db.dsl()).forReply(reply);
        assertEquals(List.of("green_spaces/reviewer", "transport/participant"), left.stream().map(t -> t.theme() + "/" + t.source()).toList());
        assertEquals("reviewer-1", left.get(0).taggedBy());
        assertTrue(new TagRepository(db.dsl()).hasPeoplesTags(reply));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        model:transport model:gp_access                              | transport gp_access
        model:transport participant:gp_access                        | gp_access
        model:transport participant:none                             | ''
        model:transport participant:gp_access reviewer:crime_safety  | crime_safety
        participant:gp_access reviewer:none                          | ''
        ''                                                           | ''
        """)
    void aReviewerOutranksTheParticipantWhoOutranksTheModel(String tags, String counted) {
        List<TagRepository.Tag> records = new java.util.ArrayList<>();
        for (String tag : tags.split(" ")) {
            if (tag.isBlank()) continue;
            records.add(new TagRepository.Tag(tag.substring(tag.indexOf(':') + 1), 1.0,
                    StoredEnums.TAG_SOURCE.from(tag.substring(0, tag.indexOf(':'))),
                    null, null));
        }
        assertEquals(counted.isBlank() ? List.of() : List.of(counted.split(" ")), TagRepository.effectiveThemes(records));
    }

    @Test
    void tokensAreStoredHashedAndCanBeRevoked() {
        String token = db.write(tx -> new TokenRepository(tx).create("dashboard", "read", 1));
        assertTrue(token.startsWith("cw_") && token.length() > 40);
        var tokens = new TokenRepository(db.dsl());
        assertEquals("dashboard", tokens.verify(token).orElseThrow().name());
        assertTrue(tokens.verify(token + "x").isEmpty());
        String stored = db.dsl().fetchValue("select token_hash from api_token").toString();
        assertFalse(stored.contains(token));
        assertThrows(IllegalArgumentException.class, () -> db.write(tx -> new TokenRepository(tx).create("dashboard", "read", 2)));
        boolean revoked = db.write(tx -> new TokenRepository(tx).revoke("dashboard", 3));
        assertTrue(revoked);
        assertTrue(tokens.verify(token).isEmpty());
    }

    private int participant(String channel, String id) {
        return db.write(tx -> new ParticipantRepository(tx).create("big-chat", channel, id, "en", 1));
    }
}
