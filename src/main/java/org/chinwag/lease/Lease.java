package org.chinwag.lease;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.chinwag.store.Database;
import org.chinwag.store.LeaseRepository;

/**
 * The right to do one piece of work that only one instance may do at a time where several share
 * a database (long-polling Telegram, the retention pass). The holder renews it more often than it
 * runs out; if the holder stops or dies, it runs out and the next instance to ask takes it. With
 * one instance (the SQLite default) it is simply always this instance's.
 */
public final class Lease {

    /** This process, as lease holder: a new name at every start, so a restarted instance waits out its old lease. */
    private static final String INSTANCE = UUID.randomUUID().toString();

    private final Database database;
    private final Clock clock;
    private final String name;
    private final Duration length;

    private final String holder;

    public Lease(Database database, Clock clock, String name, Duration length) {
        this(database, clock, name, length, INSTANCE);
    }

    /** A lease for a named holder: tests play two instances in one process this way. */
    Lease(Database database, Clock clock, String name, Duration length, String holder) {
        this.database = database;
        this.clock = clock;
        this.name = name;
        this.length = length;
        this.holder = holder;
    }

    /** Takes or renews the lease; false while another instance holds it. */
    public boolean renew() {
        if (!database.shared()) return true;
        long now = clock.millis();
        return database.write(tx -> new LeaseRepository(tx).take(name, holder, now, now + length.toMillis()));
    }

    /** Gives it up (a clean stop), so another instance need not wait for it to run out. */
    public void release() {
        if (!database.shared()) return;
        database.write(tx -> {
            new LeaseRepository(tx).release(name, holder);
            return null;
        });
    }

    public Duration length() {
        return length;
    }
}
