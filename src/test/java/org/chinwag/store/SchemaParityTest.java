package org.chinwag.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.chinwag.testing.TestDatabase;
import org.jooq.DataType;
import org.jooq.Index;
import org.jooq.Meta;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's and PostgreSQL's forms of the migrations build the same schema: the same tables,
 * columns (type, length, nullability, default), keys, foreign keys and indexes. A migration written
 * for one database only, or changed in one folder and not the other, fails here.
 */
class SchemaParityTest {

    @TempDir Path dir;

    @Test
    void bothDatabasesGetTheSameSchemaFromTheirMigrations() {
        Assumptions.assumeTrue(TestDatabase.postgresGiven(), "needs a PostgreSQL server (CHINWAG_TEST_POSTGRESQL)");
        String sqlite;
        String postgres;
        try (Database lite = Database.open("jdbc:sqlite:" + dir.resolve("parity.db"));
             Database server = Database.open(TestDatabase.newPostgres())) {
            int ranOnSqlite = lite.migrate();
            assertEquals(ranOnSqlite, server.migrate(), "the same number of migrations on each");
            sqlite = describe(lite.dsl().meta(), lite, null);
            postgres = describe(server.dsl().meta().filterSchemas(s -> s.getName().equals("public")), server, "public");
        }
        assertTrue(sqlite.contains("table participant"), sqlite);
        assertEquals(sqlite, postgres);
    }

    /** One line per table, column, key and index, sorted: a readable diff when the two differ. */
    private static String describe(Meta meta, Database database, String schema) {
        TreeMap<String, List<String>> tables = new TreeMap<>();
        for (Table<?> table : meta.getTables()) {
            String name = table.getName().toLowerCase(Locale.ROOT);
            if (name.startsWith("flyway_") || name.startsWith("sqlite_")) continue;
            List<String> lines = new ArrayList<>();
            UniqueKey<?> primary = table.getPrimaryKey();
            for (var field : table.fields()) {
                // a primary key column is never null, whether or not the driver says so (SQLite's does not)
                boolean key = primary != null && primary.getFields().contains(field);
                lines.add("  column " + field.getName().toLowerCase(Locale.ROOT) + " " + type(field.getDataType(), key));
            }
            if (primary != null) lines.add("  primary key " + columns(primary.getFields()));
            for (UniqueKey<?> unique : table.getUniqueKeys()) lines.add("  unique " + columns(unique.getFields()));
            lines.addAll(references(database, schema, name));
            for (Index index : table.getIndexes()) {
                lines.add("  index " + index.getName().toLowerCase(Locale.ROOT) + " " + (index.getUnique() ? "unique " : "")
                        + index.getFields().stream().map(f -> f.getName().toLowerCase(Locale.ROOT)).collect(Collectors.joining(",")));
            }
            lines.sort(String::compareTo);
            tables.put(name, lines);
        }
        StringBuilder out = new StringBuilder();
        tables.forEach((name, lines) -> out.append("table ").append(name).append('\n')
                .append(String.join("\n", lines)).append('\n'));
        return out.toString();
    }

    /** Foreign keys with what a delete does, from the driver (jOOQ's meta data does not say). */
    private static List<String> references(Database database, String schema, String table) {
        List<String> lines = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             ResultSet keys = connection.getMetaData().getImportedKeys(null, schema, table)) {
            while (keys.next()) {
                lines.add("  references " + keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " -> "
                        + keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "."
                        + keys.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT)
                        + " on delete " + DELETE_RULES.getOrDefault(keys.getInt("DELETE_RULE"), "?"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }

    private static final java.util.Map<Integer, String> DELETE_RULES = java.util.Map.of(
            DatabaseMetaData.importedKeyCascade, "cascade", DatabaseMetaData.importedKeySetNull, "set null",
            DatabaseMetaData.importedKeyNoAction, "no action", DatabaseMetaData.importedKeyRestrict, "restrict",
            DatabaseMetaData.importedKeySetDefault, "set default");

    /**
     * A column's type as both drivers can say it: text has no length (SQLite's driver reports
     * 2000000000, PostgreSQL's 2^31-1), and jOOQ names PostgreSQL's double precision "float".
     */
    private static String type(DataType<?> type, boolean key) {
        String name = (type.getSQLDataType() == null ? type.getTypeName() : type.getSQLDataType().getTypeName())
                .toLowerCase(Locale.ROOT);
        if (name.equals("float")) name = "double";
        boolean text = name.equals("clob");
        String length = !text && type.hasLength() && type.length() > 0 ? "(" + type.length() + ")" : "";
        return name + length + (type.nullable() && !key ? "" : " not null")
                + (type.defaulted() ? " default " + normalDefault(type.defaultValue().toString()) : "");
    }

    /** Defaults as each database reports them: {@code 'none'} or {@code cast('none' as varchar)}. */
    private static String normalDefault(String sql) {
        return sql.toLowerCase(Locale.ROOT).replaceAll("^cast\\((.*) as [a-z ]+\\)$", "$1");
    }

    private static String columns(List<? extends org.jooq.TableField<?, ?>> fields) {
        return fields.stream().map(f -> f.getName().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }
}
