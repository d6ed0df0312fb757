package org.chinwag.store;

/**
 * Where a message is: inbound ones are {@link #RECEIVED}; outbound ones wait in the outbox as
 * {@link #PENDING} (retries included) until marked {@link #SENT} or, given up on, {@link #FAILED}.
 * Stored by {@link #id()} (see {@link StoredEnums}).
 */
enum MessageStatus {
    RECEIVED("received"), PENDING("pending"), SENT("sent"), FAILED("failed");

    private final String id;

    MessageStatus(String id) {
        this.id = id;
    }

    /** The value in {@code message.status}; never changes with the constant's name. */
    String id() {
        return id;
    }
}
