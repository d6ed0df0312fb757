package org.chinwag.messages;

import java.time.Duration;

/** Why a send failed, in the terms the outbox acts on. */
public final class SendFailure extends Exception {

    public enum Kind {
        /** Try again later (rate limit, server error, network); {@link #retryAfter()} may say when. */
        RETRY,
        /** The person blocked the bot or deleted their account: stop sending to them. */
        BLOCKED,
        /** The message itself was refused; retrying would not help. */
        PERMANENT
    }

    private final Kind kind;
    private final Duration retryAfter;

    public SendFailure(Kind kind, String reason, Duration retryAfter) {
        super(reason);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static SendFailure retry(String reason, Duration retryAfter) {
        return new SendFailure(Kind.RETRY, reason, retryAfter);
    }

    public static SendFailure blocked(String reason) {
        return new SendFailure(Kind.BLOCKED, reason, null);
    }

    public static SendFailure permanent(String reason) {
        return new SendFailure(Kind.PERMANENT, reason, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The wait the far end asked for, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
