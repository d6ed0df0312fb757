package org.chinwag.messages;

import org.chinwag.conversation.Signals;

/**
 * The pure checks run on inbound text before the write transaction opens (theme tags, risk), so
 * that no database lock is held while a model runs.
 */
@FunctionalInterface
public interface TextAnalyzer {

    TextAnalyzer NONE = text -> Signals.NONE;

    Signals analyse(String text);
}
