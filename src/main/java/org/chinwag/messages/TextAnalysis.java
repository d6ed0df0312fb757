package org.chinwag.messages;

import java.util.List;
import org.chinwag.conversation.Signals;

/**
 * What the pure checks found in one inbound text, worked out before the write transaction opens.
 *
 * @param themes       Ask themes above their thresholds, highest confidence first
 * @param modelVersion the classifier model that produced them (stored on every tag)
 * @param language     the detected language, or null when unknown
 * @param needsReview  the text is in a language the campaign has no training data for: left untagged for a person
 * @param risk         the safeguarding check's finding
 */
public record TextAnalysis(List<ThemeScore> themes, String modelVersion, String language, boolean needsReview, Risk risk) {

    public static final TextAnalysis NONE = new TextAnalysis(List.of(), null, null, false, Risk.NONE);

    public TextAnalysis {
        themes = List.copyOf(themes);
    }

    public record ThemeScore(String theme, double confidence) {}

    /**
     * @param level       none, check (a gentle check-in with helplines) or urgent
     * @param categories  which kinds of risk, as ids (suicide, self_harm, abuse, child_at_risk, medical_emergency, low_mood)
     * @param detectedBy  pattern, model or both
     * @param signposting the kind message with helplines to send at once
     * @param language    the language the safeguarding check read the text as
     * @param needsReview the detector has no cues for that language: a person must read it
     */
    public record Risk(String level, List<String> categories, String detectedBy, String signposting, String language,
                       boolean needsReview) {
        public static final Risk NONE = new Risk("none", List.of(), null, null, null, false);

        public Risk {
            categories = List.copyOf(categories);
        }

        /** Whether the bot sends helplines (at either level). */
        public boolean atRisk() {
            return !"none".equals(level);
        }
    }

    /** The part the conversation engine needs. */
    public Signals signals() {
        return new Signals(themes.stream().map(ThemeScore::theme).toList(), risk.atRisk());
    }
}
