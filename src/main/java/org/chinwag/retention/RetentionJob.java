package org.chinwag.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.chinwag.lease.Lease;
import org.chinwag.store.Database;
import org.chinwag.store.RetentionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the retention period once a day inside the service: message and reply text older than
 * the period is deleted, and people silent for longer lose the link to their account. Themes and
 * counts remain for reporting.
 */
public final class RetentionJob implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final Database database;
    private final Clock clock;
    private final Duration period;
    private ScheduledExecutorService scheduler;

    public RetentionJob(Database database, Clock clock, Duration period) {
        this.database = database;
        this.clock = clock;
        this.period = period;
    }

    private static final Duration EVERY = Duration.ofDays(1);

    /** The lease the scheduled pass needs, named for the instance that runs it: just under a day long. */
    public static Lease lease(Database database, Clock clock, String instance) {
        return new Lease(database, clock, "retention", EVERY.minusHours(1), instance);
    }

    /** A web chat session opened and never used is dropped after this long. */
    static final Duration UNUSED_SESSION = Duration.ofDays(1);

    /** What one pass removed: message and reply texts, participants anonymised, unused sessions deleted. */
    public record Result(int messages, int replies, int participants, int unused) {}

    public Result runOnce() {
        long now = clock.millis();
        long cutoff = now - period.toMillis();
        Result result = database.write(tx -> {
            var retention = new RetentionRepository(tx);
            return new Result(retention.expireMessageText(cutoff), retention.expireReplyText(cutoff, now),
                    retention.anonymiseDormantParticipants(cutoff, now),
                    retention.deleteUnusedParticipants(now - UNUSED_SESSION.toMillis()));
        });
        if (result.messages() + result.replies() + result.participants() + result.unused() > 0) {
            log.info("retention: removed text of {} messages and {} replies; anonymised {} participants; "
                    + "deleted {} unused chat sessions", result.messages(), result.replies(), result.participants(),
                    result.unused());
        }
        return result;
    }

    /** Runs shortly after start-up, then every day, on the days this instance takes {@code lease}. */
    public void start(Lease lease) {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chinwag-retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(() -> runIfLeaseTaken(lease), 1, EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /**
     * The scheduled pass: once a day across all instances, by the one that takes the lease. It
     * lasts just under a day, so the instance that took it takes it again at its next pass, and
     * another takes over only once that one has missed a day. True when this instance ran it.
     */
    boolean runIfLeaseTaken(Lease lease) {
        try {
            if (!lease.renew()) return false;
            runOnce();
            return true;
        } catch (RuntimeException e) {
            log.error("retention pass failed; will try again tomorrow", e);
            return false;
        }
    }

    @Override
    public void close() {
        if (scheduler != null) scheduler.shutdownNow();
    }
}
