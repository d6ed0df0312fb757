package org.chinwag.conversation;

import java.util.ArrayList;
import java.util.List;

/** Renders a step as the message the resident sees: its text and its buttons. */
final class Prompts {

    /** The state variable holding the theme a follow-up was worded for, so a re-ask says the same. */
    static final String THEME_VAR = "followup_theme";

    private Prompts() {}

    static Outbound of(Script script, Step step, ConversationState state) {
        if (step.type() == StepType.REFLECT) return Reflecting.prompt(script, step, state);
        return new Outbound(textOf(step, state), buttons(script, step));
    }

    /** The step's own buttons, then Skip when it is skippable. */
    static List<Outbound.Button> buttons(Script script, Step step) {
        List<Outbound.Button> buttons = new ArrayList<>();
        for (Step.Option o : step.options()) buttons.add(new Outbound.Button(o.label(), TypedAnswers.buttonValue(step, o.value())));
        if (step.skippable()) {
            buttons.add(new Outbound.Button(script.text(BotText.SKIP_BUTTON), TypedAnswers.buttonValue(step, TypedAnswers.SKIP)));
        }
        return buttons;
    }

    private static String textOf(Step step, ConversationState state) {
        String theme = state == null ? null : state.var(THEME_VAR);
        return theme != null && step.themeTexts().containsKey(theme) ? step.themeTexts().get(theme) : step.text();
    }

    /** The first of the themes heard that this follow-up has its own wording for, or null. */
    static String themeFor(Step step, Signals signals) {
        return signals.themes().stream().filter(step.themeTexts()::containsKey).findFirst().orElse(null);
    }
}
