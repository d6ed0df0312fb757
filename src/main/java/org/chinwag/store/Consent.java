package org.chinwag.store;

/**
 * Whether a participant agreed to take part: {@link #NONE} until the consent question is answered.
 * Stored, and shown by the API, as its {@link #id()}.
 */
public enum Consent {
    NONE("none"), GIVEN("given"), REFUSED("refused");

    private final String id;

    Consent(String id) {
        this.id = id;
    }

    /** The value in {@code participant.consent} and in the API's answers; never changes with the constant's name. */
    public String id() {
        return id;
    }
}
