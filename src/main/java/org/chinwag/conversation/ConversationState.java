package org.chinwag.conversation;

import java.util.Map;

/**
 * Where one conversation stands. Plain data, stored as JSON between messages, so a restart or a
 * resident returning days later resumes exactly here.
 *
 * @param scriptId      the script being followed
 * @param scriptVersion its version when the conversation began (replies record it)
 * @param step          the id of the step whose answer the engine is waiting for
 * @param status        whether the conversation is still running
 * @param pending       a confirmation the engine is waiting for outside the script (e.g. "forget"), or null
 * @param eventCode     the event or venue code the conversation was started with, or null
 * @param vars          small named values the script keeps (never personal data)
 */
public record ConversationState(
        String scriptId,
        int scriptVersion,
        String step,
        Status status,
        String pending,
        String eventCode,
        Map<String, String> vars) {

    public ConversationState {
        vars = vars == null ? Map.of() : Map.copyOf(vars);
    }

    public enum Status {
        /** Questions still to come. */
        ACTIVE,
        /** The script ran to its end. */
        FINISHED,
        /** The resident said /stop. */
        STOPPED,
        /** The resident declined consent. */
        DECLINED
    }
}
