package org.chinwag.messages;

/**
 * The pure checks run on inbound text before the write transaction opens (risk, theme tags,
 * language), so that no database lock is held while a model runs.
 */
@FunctionalInterface
public interface TextAnalyzer {

    TextAnalyzer NONE = text -> TextAnalysis.NONE;

    TextAnalysis analyse(String text);
}
