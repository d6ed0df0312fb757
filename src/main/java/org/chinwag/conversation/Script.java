package org.chinwag.conversation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A conversation script: versioned, written in YAML by engagement staff, validated on load by
 * {@link ScriptReader}. Steps run in the order written unless a step names its {@code next}.
 *
 * @param id       stable id (replies record it)
 * @param version  bump it whenever the questions change (replies record it)
 * @param language BCP 47 tag of the wording, e.g. {@code en-GB}
 * @param messages the fixed texts outside the steps, one for every {@link BotText}
 * @param steps    the steps, in order; the first is where a conversation starts
 */
public record Script(String id, int version, String language, Map<BotText, String> messages, List<Step> steps) {

    public Script {
        messages = Map.copyOf(new EnumMap<>(messages));
        steps = List.copyOf(steps);
    }

    public String text(BotText key) {
        return messages.get(key);
    }

    public Step first() {
        return steps.get(0);
    }

    /** The step with this id, or the step that was once called this ({@code formerly}). */
    public Optional<Step> step(String stepId) {
        if (stepId == null) return Optional.empty();
        Optional<Step> exact = steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
        return exact.isPresent() ? exact : steps.stream().filter(s -> s.formerly().contains(stepId)).findFirst();
    }

    public Step require(String stepId) {
        return step(stepId).orElseThrow(() -> new IllegalStateException(
                "script " + id + " v" + version + " has no step " + stepId));
    }

    public Optional<Step> consentStep() {
        return steps.stream().filter(s -> s.type() == StepType.CONSENT).findFirst();
    }

    /** Where the questions begin: the step a "yes" to consent leads to, or the first step if there is no consent. */
    public Step startOfQuestions() {
        return consentStep().map(c -> require(c.nextAfter(c.option("yes").orElse(null)))).orElse(first());
    }
}
