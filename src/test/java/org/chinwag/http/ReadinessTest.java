package org.chinwag.http;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.chinwag.testing.ChinwagHarness;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.chinwag.testing.ReadOnlyFiles;
import org.chinwag.testing.RunningService;
import org.chinwag.testing.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** /ready proves the database takes a write: a database that only answers reads is not ready. */
class ReadinessTest {

    @RegisterExtension final ChinwagHarness chinwag = ChinwagHarness.web().startLater().build();

    @Test
    void aDatabaseThatNoLongerTakesWritesIsNotReadyAndIsAgainOnceItDoes() {
        Assumptions.assumeFalse(TestDatabase.onPostgres(), "makes the SQLite file read-only");
        Assumptions.assumeTrue(ReadOnlyFiles.stopsOpenFiles(), "needs root to make files read-only under a running service");
        RunningService service = chinwag.start();
        assertEquals(200, service.get("/ready", null).statusCode());
        Path db = chinwag.databaseFile();
        try (ReadOnlyFiles readOnly = ReadOnlyFiles.make(db, Path.of(db + "-wal"), chinwag.dir())) {
            var stuck = service.post("/chat/api/session", "application/json", "", Map.of());
            assertTrue(stuck.statusCode() >= 500, "a write fails meanwhile: " + stuck.statusCode());
            var ready = service.get("/ready", null);
            assertEquals(503, ready.statusCode(), ready.body());
            assertEquals("not ready", ChinwagHarness.json(ready.body()).get("status").asText());
            assertEquals(200, service.get("/health", null).statusCode(), "alive, though not ready");
        }
        assertEquals(200, service.get("/ready", null).statusCode(), "ready again once writes work");
    }
}
