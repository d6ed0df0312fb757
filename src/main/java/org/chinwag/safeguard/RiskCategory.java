package org.chinwag.safeguard;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of risk a resident may disclose. One id per kind, the same everywhere: in the data files
 * (patterns, examples, signposting), on stored flags and in API answers (snake case, like theme ids).
 */
public enum RiskCategory {
    SUICIDE("suicide"),
    SELF_HARM("self_harm"),
    ABUSE("abuse"),
    CHILD_AT_RISK("child_at_risk"),
    MEDICAL_EMERGENCY("medical_emergency"),
    /** Low mood without an explicit risk: only ever raised at the {@link RiskLevel#CHECK} level. */
    LOW_MOOD("low_mood");

    private final String id;

    RiskCategory(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<RiskCategory> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
