package org.chinwag.tokens;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an API token may do: read (the default), or also change data. Stored and typed as {@link #id()}. */
public enum Scope {
    /** Read replies, participants and flags; classify text. */
    READ,
    /** Everything read may, and change data: correct themes, erase a participant, acknowledge a flag. */
    WRITE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when a token of this scope may call a route that needs {@code needed}. */
    public boolean covers(Scope needed) {
        return this == WRITE || needed == READ;
    }

    public static Optional<Scope> of(String id) {
        if (id == null) return Optional.empty();
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id().equals(wanted)).findFirst();
    }
}
