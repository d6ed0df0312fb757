package org.chinwag.messages;

import java.util.Set;

/**
 * What the service needs from a campaign's text analysis: the checks run on each inbound text, and
 * the theme ids those checks can tag (which reviewers may also use). The trained models are one
 * such analyser ({@link ModelAnalyzer}); tests pass one of their own.
 */
public interface CampaignAnalyzer extends TextAnalyzer {

    /** The campaign's theme ids, in the order of its themes file. */
    Set<String> themeIds();
}
