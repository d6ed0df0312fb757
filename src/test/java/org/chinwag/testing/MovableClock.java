package org.chinwag.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so time-based rules (backoff, retention) are tested without waiting. */
public final class MovableClock extends Clock {

    private volatile Instant now;

    public MovableClock() {
        this(Instant.parse("2026-11-23T10:00:00Z"));
    }

    /** Starts at {@code start}: a summer date, say, to see UK summer time (BST) shown. */
    public MovableClock(Instant start) {
        now = start;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
