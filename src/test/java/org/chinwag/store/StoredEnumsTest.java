package org.chinwag.store;

import static org.chinwag.store.schema.Tables.PARTICIPANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.chinwag.testing.TestDatabase;
import org.jooq.Converter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every enum stored as text: its ids are the values databases already hold, and nothing else reads back. */
class StoredEnumsTest {

    /** One row an enum: its converter and the ids its values are stored as, in declaration order. */
    record Row(String name, Converter<String, ? extends Enum<?>> converter, List<String> ids) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> enums() {
        return Stream.of(
                new Row("message status", StoredEnums.MESSAGE_STATUS, List.of("received", "pending", "sent", "failed")),
                new Row("direction", StoredEnums.DIRECTION, List.of("in", "out")),
                new Row("tag source", StoredEnums.TAG_SOURCE, List.of("model", "participant", "reviewer")),
                new Row("consent", StoredEnums.CONSENT, List.of("none", "given", "refused")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void everyValueRoundTripsAsTheIdAlreadyStored(Row row) {
        List<? extends Enum<?>> values = Arrays.asList(row.converter().toType().getEnumConstants());
        assertEquals(row.ids(), values.stream().map(v -> to(row.converter(), v)).toList());
        assertEquals(values, row.ids().stream().map(id -> row.converter().from(id)).toList());
        assertNull(row.converter().from(null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void anUnknownIdFailsNamingIt(Row row) {
        for (String unknown : List.of("queued", "", row.ids().get(0).toUpperCase())) {
            var e = assertThrows(IllegalStateException.class, () -> row.converter().from(unknown));
            assertTrue(e.getMessage().contains("'" + unknown + "'"), e.getMessage());
        }
    }

    @Test
    void aRepositoryReadingAnUnknownValueFailsNamingIt(@TempDir Path dir) {
        try (Database db = Database.open(TestDatabase.url(dir))) {
            db.migrate();
            int id = db.write(tx -> new ParticipantRepository(tx).create("big-chat", "telegram", "1", "en", 1));
            db.dsl().update(PARTICIPANT).set(PARTICIPANT.CONSENT, "maybe").where(PARTICIPANT.ID.eq(id)).execute();
            var e = assertThrows(IllegalStateException.class, () -> new ParticipantRepository(db.dsl()).find(id));
            assertTrue(e.getMessage().contains("'maybe'"), e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static <E> String to(Converter<String, E> converter, Object value) {
        return converter.to((E) value);
    }
}
