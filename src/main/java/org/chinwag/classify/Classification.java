package org.chinwag.classify;

import java.util.List;

/**
 * The result of classifying one reply.
 *
 * @param text the reply as given
 * @param themes themes above their decision threshold, highest confidence first; empty for "none"
 * @param language ISO 639-1 code where known (e.g. "en", "pl"), else the detector's ISO 639-3 code
 * @param needsReview true when the reply is in a language the campaign has no training data for
 *     (then {@code themes} is empty)
 */
public record Classification(String text, List<ThemeScore> themes, String language, boolean needsReview) {
  public Classification {
    themes = List.copyOf(themes);
  }
}
