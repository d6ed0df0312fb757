package org.chinwag.safeguard;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The verdict on one message.
 *
 * @param level       none, a gentle check-in, or urgent
 * @param categories  the kinds of risk (empty at level none)
 * @param source      what raised it: "pattern", "model", "both", or null at level none
 * @param modelScore  the model's probability that the text is any kind of risk (1 - P(none)),
 *                    reported even below the thresholds so staff can see near misses
 * @param language    the language the text was read as (ISO 639-1 where there is one), or null without letters
 * @param needsReview the text is in a language the detector has no cues for: a person must read it
 */
public record RiskAssessment(RiskLevel level, Set<RiskCategory> categories, String source, double modelScore,
                             String language, boolean needsReview) {

    public static final RiskAssessment NONE = new RiskAssessment(RiskLevel.NONE, Set.of(), null, 0.0, null, false);

    public RiskAssessment {
        categories = categories == null || categories.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    /** Whether the bot sends helplines (at either level). */
    public boolean risk() {
        return level != RiskLevel.NONE;
    }
}
