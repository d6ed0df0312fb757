package org.chinwag.conversation;

import static org.chinwag.conversation.ConversationState.Status.ACTIVE;
import static org.chinwag.conversation.ConversationState.Status.DECLINED;
import static org.chinwag.conversation.ConversationState.Status.FINISHED;
import static org.chinwag.conversation.ConversationState.Status.STOPPED;

import java.util.Map;

/** Where a conversation stands in its script, and moving it on: the engine's sense of place. */
final class Position {

    /** State variables: consent given, and under which script version (never personal data). */
    static final String CONSENT_VAR = "consent";
    static final String CONSENT_VERSION_VAR = "consent_version";

    private Position() {}

    /**
     * Goes to {@code stepId}: says any message steps on the way, then asks the step (or ends).
     * {@code signals} word a follow-up; a reflect step passed over leaves it the generic wording.
     */
    static Turn enter(Script script, ConversationState state, String stepId, Signals signals, TurnBuilder out) {
        ConversationState s = state;
        String id = stepId;
        Signals heard = signals;
        for (int hops = 0; hops <= script.steps().size(); hops++) {
            Step step = script.require(id);
            String theme = step.type() == StepType.FOLLOWUP ? Prompts.themeFor(step, heard) : null;
            s = s.withStep(step.id()).withVar(Prompts.THEME_VAR, theme);
            switch (step.type()) {
                case MESSAGE -> {
                    out.say(step.text());
                    id = step.next();
                }
                case REFLECT -> {
                    s = s.withVar(Reflecting.PICKS_VAR, null);
                    if (!Reflecting.heard(step, s).isEmpty()) return out.send(Prompts.of(script, step, s)).turn(s.withStatus(ACTIVE));
                    // nothing heard, nothing to reflect: pass over it silently, to the generic follow-up
                    id = step.next();
                    heard = Signals.NONE;
                }
                case END -> {
                    return out.say(step.text()).turn(s.withStatus(FINISHED));
                }
                default -> {
                    return out.send(Prompts.of(script, step, s)).turn(s.withStatus(ACTIVE));
                }
            }
        }
        throw new IllegalStateException("script " + script.id() + " loops through message steps");
    }

    static Outbound prompt(Script script, ConversationState state) {
        return Prompts.of(script, script.require(state.step()), state);
    }

    /**
     * The state moved onto {@code script}: the same step if it still exists (or was renamed, see
     * {@code formerly}); otherwise the start of the questions (or consent, if not yet given).
     * A conversation never waits on a message step, or a reflect step with nothing to reflect, so it
     * moves past those.
     */
    static ConversationState placed(ConversationState state, Script script) {
        ConversationState s = state.scriptVersion() == script.version() && state.scriptId().equals(script.id())
                ? state : state.withScript(script.id(), script.version());
        if (s.status() == FINISHED || s.status() == DECLINED) return s;
        Step step = script.step(s.step()).orElse(null);
        boolean consented = consented(s);
        if (!consented && script.consentStep().isPresent()) step = script.consentStep().get();
        if (step == null) step = consented ? script.startOfQuestions() : script.first();
        for (int hops = 0; passedOver(step, s) && hops <= script.steps().size(); hops++) {
            step = script.require(step.next());
        }
        if (step.type() == StepType.END) return s.withStep(step.id()).withStatus(s.status() == STOPPED ? STOPPED : FINISHED);
        return step.id().equals(s.step()) ? s : s.withStep(step.id());
    }

    /** Steps a conversation never waits at: messages, and a reflect step with nothing heard to reflect. */
    private static boolean passedOver(Step step, ConversationState state) {
        return step.type() == StepType.MESSAGE || step.type() == StepType.REFLECT && Reflecting.heard(step, state).isEmpty();
    }

    static boolean consentedTo(ConversationState state, Script script) {
        return "given".equals(state.var(CONSENT_VAR)) && state.scriptId().equals(script.id())
                && String.valueOf(script.version()).equals(state.var(CONSENT_VERSION_VAR));
    }

    static Map<String, String> consentVars(Script script) {
        return Map.of(CONSENT_VAR, "given", CONSENT_VERSION_VAR, String.valueOf(script.version()));
    }

    static boolean consented(ConversationState state) {
        return "given".equals(state.var(CONSENT_VAR));
    }

    static ConversationState consentGiven(ConversationState state, Script script) {
        return state.withVar(CONSENT_VAR, "given").withVar(CONSENT_VERSION_VAR, String.valueOf(script.version()));
    }
}
