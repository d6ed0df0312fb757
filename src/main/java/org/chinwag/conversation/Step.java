package org.chinwag.conversation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * @param reflect    for REFLECT steps: the wording for reflecting themes back and picking them; null otherwise
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
        List<String> formerly,
        Reflect reflect) {

    public Step {
        options = options == null ? List.of() : List.copyOf(options);
        themeTexts = themeTexts == null ? Map.of() : Map.copyOf(themeTexts);
        formerly = formerly == null ? List.of() : List.copyOf(formerly);
    }

    /**
     * The YAML of a reflect step beyond its text and buttons (see {@link Reflecting}).
     *
     * @param about      the question whose answer's themes are reflected back
     * @param textOne    the text when one theme was heard ({@code text} is for several); both hold {themes}
     * @param plural     theme ids whose phrase takes a plural verb ("parks and green spaces matter"), so
     *                   {@code text}, not {@code textOne}, says them back even alone
     * @param and        the word joining the last two themes ("X, Y and Z")
     * @param phrases    plain words per theme id, in the order the pick buttons are offered
     * @param labels     short button label per theme id, for picking
     * @param words      typed words that pick a theme, per theme id (lower case)
     * @param pickText   asks them to pick, before anything is picked
     * @param pickedText acknowledges what is picked so far ({themes}) and asks for more or Done
     * @param notedText  acknowledges typed words that named no theme (kept as a correction reply)
     * @param noneLabel  the "None of these" button
     * @param doneLabel  the "Done" button
     */
    public record Reflect(String about, String textOne, Set<String> plural, String and, Map<String, String> phrases,
                          Map<String, String> labels, Map<String, List<String>> words, String pickText,
                          String pickedText, String notedText, String noneLabel, String doneLabel) {
        public Reflect {
            // phrases and labels keep their YAML order: it is the order of the pick buttons
            phrases = Collections.unmodifiableMap(new LinkedHashMap<>(phrases));
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
            words = Map.copyOf(words);
            plural = plural == null ? Set.of() : Set.copyOf(plural);
        }
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
