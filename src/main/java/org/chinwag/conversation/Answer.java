package org.chinwag.conversation;

/** What an inbound means at the step the conversation is waiting on. */
sealed interface Answer {

    /** One of the step's buttons, pressed or typed. */
    record Chosen(Step.Option option) implements Answer {}

    /** Free text for a free-text step. */
    record Typed(String text) implements Answer {}

    /** Skip (button or typed) at a skippable step. */
    record Skipped() implements Answer {}

    /** Typed text at a button step that matches no button: ask again gently. */
    record Unclear() implements Answer {}

    /** Nothing usable: blank text, or a button from an earlier message. Ask again. */
    record Nothing() implements Answer {}
}
