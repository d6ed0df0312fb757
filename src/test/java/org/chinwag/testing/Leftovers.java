package org.chinwag.testing;

import static org.chinwag.store.schema.Tables.CONVERSATION;
import static org.chinwag.store.schema.Tables.MESSAGE;
import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.chinwag.store.schema.Tables.REPLY;
import static org.chinwag.store.schema.Tables.SAFEGUARDING_FLAG;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Everything the database holds about one person, captured before an erasure, and the check that
 * afterwards no row in any table references them or contains their channel id, pseudonym or words.
 */
public final class Leftovers {

    public record Footprint(int participantId, Set<Integer> conversationIds, Set<Integer> messageIds,
                            Set<Integer> replyIds, Set<Integer> flagIds, List<String> needles) {}

    private Leftovers() {}

    /** What is held about the participant on this channel id now, plus the words they typed. */
    public static Footprint capture(DSLContext db, String channel, String channelUserId, List<String> texts) {
        var p = db.selectFrom(PARTICIPANT)
                .where(PARTICIPANT.CHANNEL.eq(channel), PARTICIPANT.CHANNEL_USER_ID.eq(channelUserId)).fetchOne();
        assertTrue(p != null, "participant " + channelUserId + " exists before erasure");
        int id = p.getId();
        Set<Integer> conversations = new HashSet<>(db.select(CONVERSATION.ID).from(CONVERSATION)
                .where(CONVERSATION.PARTICIPANT_ID.eq(id)).fetch(CONVERSATION.ID));
        Set<Integer> messages = new HashSet<>(db.select(MESSAGE.ID).from(MESSAGE)
                .where(MESSAGE.PARTICIPANT_ID.eq(id)).fetch(MESSAGE.ID));
        Set<Integer> replies = new HashSet<>(db.select(REPLY.ID).from(REPLY).where(REPLY.PARTICIPANT_ID.eq(id)).fetch(REPLY.ID));
        Set<Integer> flags = new HashSet<>(db.select(SAFEGUARDING_FLAG.ID).from(SAFEGUARDING_FLAG)
                .where(SAFEGUARDING_FLAG.PARTICIPANT_ID.eq(id)).fetch(SAFEGUARDING_FLAG.ID));
        List<String> needles = new ArrayList<>();
        needles.add(channelUserId);
        needles.add(p.getPseudonym());
        texts.stream().filter(t -> t.length() >= 8).forEach(needles::add);
        return new Footprint(id, conversations, messages, replies, flags, needles);
    }

    /**
     * Fails when any needle (as UTF-8) is still in the raw bytes of the SQLite file or its
     * write-ahead log: deleted rows linger in free pages and old log frames unless they are scrubbed.
     * On PostgreSQL the files are the server's, not the service's (README: erasure on PostgreSQL):
     * there only the rows are checked, by {@link #assertNothingLeft}.
     */
    public static void assertNotOnDisk(Path database, List<String> needles) {
        if (TestDatabase.onPostgres()) return;
        for (Path file : List.of(database, database.resolveSibling(database.getFileName() + "-wal"),
                database.resolveSibling(database.getFileName() + "-journal"))) {
            if (!Files.exists(file)) continue;
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String needle : needles) {
                int at = indexOf(bytes, needle.getBytes(StandardCharsets.UTF_8));
                assertTrue(at < 0, "'" + needle + "' is still readable at byte " + at + " of " + file.getFileName());
            }
        }
    }

    /** The same check with everything captured about the person. */
    public static void assertNotOnDisk(Path database, Footprint f) {
        assertNotOnDisk(database, f.needles());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** Fails naming the table, column and row when anything about the person is left. */
    public static void assertNothingLeft(DSLContext db, Footprint f) {
        // our tables only (on PostgreSQL the meta data also lists the server's catalogues)
        List<Table<?>> tables = db.meta().filterSchemas(s -> !TestDatabase.onPostgres() || s.getName().equals("public")).getTables();
        assertFalse(tables.isEmpty(), "the schema lists its tables");
        Set<String> names = new HashSet<>();
        tables.forEach(t -> names.add(t.getName().toLowerCase(Locale.ROOT)));
        assertTrue(names.containsAll(Set.of("participant", "conversation", "message", "reply", "reply_tag", "safeguarding_flag")),
                "every table of ours is checked: " + names);
        for (Table<?> table : tables) {
            String tableName = table.getName().toLowerCase(Locale.ROOT);
            for (Record row : db.selectFrom(table).fetch()) {
                for (Field<?> field : row.fields()) {
                    Object value = row.get(field);
                    if (value == null) continue;
                    String column = field.getName().toLowerCase(Locale.ROOT);
                    String where = tableName + "." + column + " in " + row.intoMap();
                    Set<Integer> ids = switch (column) {
                        case "participant_id" -> Set.of(f.participantId());
                        case "conversation_id" -> f.conversationIds();
                        case "message_id" -> f.messageIds();
                        case "reply_id" -> f.replyIds();
                        case "id" -> switch (tableName) {
                            case "participant" -> Set.of(f.participantId());
                            case "conversation" -> f.conversationIds();
                            case "message" -> f.messageIds();
                            case "reply" -> f.replyIds();
                            case "safeguarding_flag" -> f.flagIds();
                            default -> Set.of();
                        };
                        default -> Set.of();
                    };
                    if (value instanceof Number n && !ids.isEmpty()) {
                        assertFalse(ids.contains(n.intValue()), "a row still references the erased person: " + where);
                    }
                    String text = value.toString();
                    for (String needle : f.needles()) {
                        assertFalse(text.contains(needle), "'" + needle + "' still held: " + where);
                    }
                }
            }
        }
    }
}
