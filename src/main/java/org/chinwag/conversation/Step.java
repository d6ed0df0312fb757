package org.chinwag.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a script, as written in YAML.
 *
 * @param id         stable id; replies record it as the question id, so keep it when rewording
 * @param type       what kind of step this is
 * @param text       what the bot says
 * @param next       the step after this one (for choices: the default when an option has none); null for END
 * @param options    buttons, in order (consent and optin: values {@code yes} and {@code no})
 * @param field      for PROFILE steps: {@code area}, {@code age_band} or {@code community}
 * @param skippable  whether a Skip button is offered (always true for PROFILE)
 * @param themeTexts for FOLLOWUP steps: text to use instead of {@code text} when the previous answer
 *                   carried this theme id (the first theme, in the classifier's order, that has one)
 * @param formerly   ids this step had in earlier versions, so conversations waiting there resume here
 */
public record Step(
        String id,
        StepType type,
        String text,
        String next,
        List<Option> options,
        String field,
        boolean skippable,
        Map<String, String> themeTexts,
        List<String> formerly) {

    public Step {
        options = options == null ? List.of() : List.copyOf(options);
        themeTexts = themeTexts == null ? Map.of() : Map.copyOf(themeTexts);
        formerly = formerly == null ? List.of() : List.copyOf(formerly);
    }

    /** A button at this step; {@code next} overrides the step's own next (CHOICE steps). */
    public record Option(String value, String label, String next) {}

    public Optional<Option> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }

    /** Where an answer by this option leads. */
    public String nextAfter(Option option) {
        return option != null && option.next() != null ? option.next() : next;
    }
}
