package org.chinwag.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a staff member may do. Every staff route names the roles it is open to (http.Access). */
public enum Role {
    /** Users, API tokens, campaigns, model promotion. */
    ADMIN("admin", "Admin"),
    /** Reads, corrects and exports replies; works the safeguarding queue. */
    ANALYST("analyst", "Analyst"),
    /** Runs their own events (from the events issue on); sees no replies. */
    FACILITATOR("facilitator", "Facilitator");

    private final String id;
    private final String label;

    Role(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The word stored and typed on the command line. */
    public String id() {
        return id;
    }

    /** The word pages show. */
    public String label() {
        return label;
    }

    public static Optional<Role> of(String id) {
        if (id == null) return Optional.empty();
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.id.equals(wanted)).findFirst();
    }

    /** {@code admin, analyst or facilitator}: for messages that list the choices. */
    public static String choices() {
        return "admin, analyst or facilitator";
    }
}
