package org.chinwag.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chinwag.store.Database;
import org.chinwag.testing.MovableClock;
import org.chinwag.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work only one instance may do: one holder at a time, handed on when it stops or its lease runs out. */
class LeaseTest {

    static final Duration LENGTH = Duration.ofSeconds(30);

    @TempDir Path dir;
    Database db;
    final MovableClock clock = new MovableClock();

    @BeforeEach
    void open() {
        db = Database.open(TestDatabase.url(dir));
        db.migrate();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Lease lease(String holder) {
        return new Lease(db, clock, "polling", LENGTH, holder);
    }

    @Test
    void oneHolderAtATimeUntilItStopsOrItsLeaseRunsOut() {
        Assumptions.assumeTrue(db.shared(), "leases are held in the database only where instances share it");
        Lease first = lease("instance-a");
        Lease second = lease("instance-b");
        assertTrue(first.renew());
        assertFalse(second.renew(), "held by the first");
        clock.advance(LENGTH.minusSeconds(1));
        assertTrue(first.renew(), "the holder renews before it runs out");
        clock.advance(LENGTH.minusSeconds(1));
        assertFalse(second.renew(), "renewed, so still held");

        clock.advance(Duration.ofSeconds(2));
        assertTrue(second.renew(), "the first stopped renewing: its lease ran out and the second takes it");
        assertFalse(first.renew(), "and the first may not take it back while the second renews");

        second.release();
        assertTrue(first.renew(), "given up at a clean stop: taken at once, without waiting for it to run out");
    }

    @Test
    void manyAskingAtOnceOneGetsIt() throws Exception {
        Assumptions.assumeTrue(db.shared(), "leases are held in the database only where instances share it");
        int asking = 8;
        CountDownLatch together = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(asking);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < asking; i++) {
                Lease mine = lease("instance-" + i);
                answers.add(pool.submit(() -> {
                    together.await();
                    return mine.renew();
                }));
            }
            together.countDown();
            int granted = 0;
            for (Future<Boolean> answer : answers) if (answer.get()) granted++;
            assertEquals(1, granted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withOneInstanceOnSqliteTheLeaseIsAlwaysThisInstancesOwn() {
        Assumptions.assumeFalse(db.shared());
        assertTrue(lease("instance-a").renew());
        assertTrue(lease("instance-b").renew(), "one process owns a SQLite file: nothing to share");
    }
}
