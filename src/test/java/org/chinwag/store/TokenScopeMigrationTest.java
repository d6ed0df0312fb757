package org.chinwag.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.chinwag.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens made before scopes existed become read-only tokens when the database is migrated, and keep working. */
class TokenScopeMigrationTest {

    @TempDir Path dir;

    @Test
    void aTokenFromBeforeScopesIsAReadTokenAfterMigrating() {
        String url = TestDatabase.url(dir);
        try (Database db = Database.open(url)) {
            // the schema as it was before scopes (V8), with a token made then
            Flyway.configure().dataSource(db.dataSource()).target("8")
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + (db.shared() ? "postgresql" : "sqlite"))
                    .load().migrate();
            db.dsl().execute("insert into api_token (name, token_hash, created_at) values ('old', ?, 1)", Sha256.hex("cw_old"));
            assertEquals(1, db.migrate());
            TokenRepository.LiveToken old = new TokenRepository(db.dsl()).verify("cw_old").orElseThrow();
            assertEquals("read", old.scope());
        }
    }
}
