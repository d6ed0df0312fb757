package org.chinwag.safeguard;

import java.util.EnumSet;
import java.util.Set;

/**
 * The verdict on one message. {@code source} says what raised it: "pattern", "model", "both", or null
 * when there is no risk. {@code modelScore} is the model's probability that the text is any kind of
 * risk (1 - P(none)), reported even when below the threshold so staff can see near misses.
 */
public record RiskAssessment(boolean risk, Set<RiskCategory> categories, String source, double modelScore) {

    public static final RiskAssessment NONE = new RiskAssessment(false, Set.of(), null, 0.0);

    public RiskAssessment {
        categories = categories == null || categories.isEmpty()
                ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }
}
