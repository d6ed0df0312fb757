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

    /** Same state, waiting at another step. */
    public ConversationState withStep(String newStep) {
        return new ConversationState(scriptId, scriptVersion, newStep, status, pending, eventCode, vars);
    }

    public ConversationState withStatus(Status newStatus) {
        return new ConversationState(scriptId, scriptVersion, step, newStatus, pending, eventCode, vars);
    }

    public ConversationState withPending(String newPending) {
        return new ConversationState(scriptId, scriptVersion, step, status, newPending, eventCode, vars);
    }

    /** Same state, following another script or version (when the one it began with is gone). */
    public ConversationState withScript(String id, int version) {
        return new ConversationState(id, version, step, status, pending, eventCode, vars);
    }

    /** Same state with a variable set, or removed when {@code value} is null. */
    public ConversationState withVar(String name, String value) {
        java.util.Map<String, String> copy = new java.util.HashMap<>(vars);
        if (value == null) copy.remove(name);
        else copy.put(name, value);
        return new ConversationState(scriptId, scriptVersion, step, status, pending, eventCode, copy);
    }

    public String var(String name) {
        return vars.get(name);
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
