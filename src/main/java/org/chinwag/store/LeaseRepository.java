package org.chinwag.store;

import static org.chinwag.store.schema.Tables.LEASE;

import org.jooq.DSLContext;

/**
 * Leases on work only one instance may do at a time. Taking one is a single conditional write
 * (an update that matches only a free, expired or own lease; else an insert the primary key lets
 * only one instance make), so two instances asking at once never both get it.
 */
public final class LeaseRepository {

    private final DSLContext db;

    public LeaseRepository(DSLContext db) {
        this.db = db;
    }

    /** Takes or renews the lease {@code name} for {@code holder} until {@code until}; false when another holds it. */
    public boolean take(String name, String holder, long now, long until) {
        int renewed = db.update(LEASE).set(LEASE.HOLDER, holder).set(LEASE.EXPIRES_AT, until)
                .where(LEASE.NAME.eq(name), LEASE.HOLDER.eq(holder).or(LEASE.EXPIRES_AT.le(now)))
                .execute();
        if (renewed == 1) return true;
        return db.insertInto(LEASE).set(LEASE.NAME, name).set(LEASE.HOLDER, holder).set(LEASE.EXPIRES_AT, until)
                .onConflict(LEASE.NAME).doNothing().execute() == 1;
    }

    /** Gives the lease up at once (a clean shutdown), so another instance need not wait for it to run out. */
    public void release(String name, String holder) {
        db.deleteFrom(LEASE).where(LEASE.NAME.eq(name), LEASE.HOLDER.eq(holder)).execute();
    }
}
