package org.chinwag.channel.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Token buckets by key (a client address, a session): {@code burst} requests at once, refilled at
 * {@code perMinute}. The web chat is open to anyone with no account, so this keeps one script or
 * one stuck browser from filling the database or starving everyone else, while a busy event on
 * one wifi network (many residents behind one address) stays well inside it.
 */
final class RateLimiter {

    /** With more keys than this, buckets that have refilled completely are dropped, to bound memory. */
    private static final int MAX_KEYS = 50_000;

    private final int burst;
    private final double perMilli;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    private static final class Bucket {
        double tokens;
        long at;
    }

    RateLimiter(int burst, int perMinute, Clock clock) {
        this.burst = burst;
        this.perMilli = perMinute / 60_000.0;
        this.clock = clock;
    }

    /** Takes one token for {@code key}: 0 when allowed, else the whole seconds to wait. */
    synchronized long take(String key) {
        long now = clock.millis();
        if (buckets.size() >= MAX_KEYS) forgetFull(now);
        Bucket bucket = buckets.computeIfAbsent(key, k -> {
            Bucket fresh = new Bucket();
            fresh.tokens = burst;
            fresh.at = now;
            return fresh;
        });
        bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perMilli);
        bucket.at = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000));
    }

    /** A bucket that has refilled completely is the same as no bucket. */
    private void forgetFull(long now) {
        buckets.values().removeIf(b -> b.tokens + (now - b.at) * perMilli >= burst);
    }
}
