package org.chinwag.store;

/** Which way a message went: {@link #IN} from a resident, {@link #OUT} from the bot. Stored by {@link #id()}. */
enum Direction {
    IN("in"), OUT("out");

    private final String id;

    Direction(String id) {
        this.id = id;
    }

    /** The value in {@code message.direction}; never changes with the constant's name. */
    String id() {
        return id;
    }
}
