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

    private final Database database;
    private final Clock clock;
    private final String name;
    private final Duration length;

    private final String holder;

    /**
     * @param holder this instance's name ({@link #newInstanceName()} once per start: a restarted
     *               instance is a new holder, and waits out a lease its previous run did not give up)
     */
    public Lease(Database database, Clock clock, String name, Duration length, String holder) {
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

    /** A fresh holder name for an instance starting up. */
    public static String newInstanceName() {
        return UUID.randomUUID().toString();
    }

    public Duration length() {
        return length;
    }
}
