package org.chinwag.safeguard;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of risk a resident may disclose. Ids are what the data files (patterns, examples, signposting) use. */
public enum RiskCategory {
    SUICIDE("suicide"),
    SELF_HARM("self-harm"),
    ABUSE("abuse"),
    CHILD_AT_RISK("child-at-risk"),
    MEDICAL_EMERGENCY("medical-emergency"),
    /** Low mood without an explicit risk: only ever raised at the {@link RiskLevel#CHECK} level. */
    LOW_MOOD("low-mood");

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
