package org.chinwag.safeguard;

import java.util.Locale;

/**
 * How strongly a message suggests someone is at risk, and so what the bot does. Both levels send
 * helplines and raise a flag; only {@code URGENT} leads with the emergency line.
 */
public enum RiskLevel {
    /** Nothing to act on. */
    NONE,
    /** Weak but real evidence ("not been right for weeks"): a gentle check-in with helplines, a lower-priority flag. */
    CHECK,
    /** A disclosure of risk now: the emergency line first, then helplines, and a flag staff see first. */
    URGENT;

    /** As used in JSON and on stored flags: "none", "check", "urgent". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    RiskLevel atMost(RiskLevel ceiling) {
        return compareTo(ceiling) > 0 ? ceiling : this;
    }
}
