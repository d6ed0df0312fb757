package org.chinwag.conversation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reflect step: says back in plain words the themes the classifier heard in an earlier answer
 * ("It sounds like getting around and seeing a GP matter to you. Did I get that right?") and lets
 * the resident confirm, correct or skip. Correcting is a multi-select over several turns: each theme
 * button toggles that theme (typed words naming a theme add it) and the bot says what it has so far,
 * with the buttons again, until Done or None of these. Each message carries its own buttons, which
 * suits Telegram and the web chat alike.
 *
 * <p>All of it lives in the state's vars, so a resident can leave mid-pick and carry on later.
 */
final class Reflecting {

    /** Var prefix: the theme ids heard in the answer to a question, comma-separated ("heard_barriers"). */
    static final String HEARD_PREFIX = "heard_";
    /** Var present while the resident picks themes: the ids picked so far, comma-separated (maybe empty). */
    static final String PICKS_VAR = "reflect_picks";
    /** Typed text that names no theme is kept as a reply to the reflect step's id plus this. */
    static final String CORRECTION_SUFFIX = "_correction";

    static final String YES = "yes";
    static final String NOT_QUITE = "no";
    static final String NONE = "none";
    static final String DONE = "done";
    static final String THEME = "theme.";
    /** Marks a picked theme's button, so a second press (which un-picks it) makes sense. */
    private static final String TICK = "✓ ";
    /** Typed at the question, beyond yes / no (normalised: "that's right" reads "that s right"). */
    private static final Set<String> RIGHT_WORDS = Set.of("right", "that s right", "thats right", "correct", "spot on",
            "exactly", "yes that s right", "you got it");
    private static final Set<String> WRONG_WORDS = Set.of("not quite", "wrong", "not exactly", "not right", "no that s wrong");
    private static final Set<String> NONE_WORDS = Set.of("none", "nothing", "none of them", "none of these", "neither");
    private static final Set<String> DONE_WORDS = Set.of("done", "finished", "that s it", "that s all", "all done", "thats it");

    private Reflecting() {}

    // --- remembering what was heard ---------------------------------------------------------

    static String heardVar(String questionId) {
        return HEARD_PREFIX + questionId;
    }

    /**
     * After an answer to {@code questionId}: keeps the themes heard in it when a reflect step is
     * about that question (only themes it has words for), or forgets them when none were heard.
     */
    static ConversationState remember(Script script, String questionId, Signals signals, ConversationState state) {
        ConversationState s = state;
        for (Step step : script.steps()) {
            if (step.type() != StepType.REFLECT || !step.reflect().about().equals(questionId)) continue;
            List<String> known = signals.themes().stream().filter(step.reflect().phrases()::containsKey).distinct().toList();
            s = s.withVar(heardVar(questionId), known.isEmpty() ? null : String.join(",", known));
        }
        return s;
    }

    /** The themes this reflect step will say back (empty: the step is passed over). */
    static List<String> heard(Step step, ConversationState state) {
        return split(state.var(heardVar(step.reflect().about()))).stream()
                .filter(step.reflect().phrases()::containsKey).toList();
    }

    // --- what the resident sees -------------------------------------------------------------

    static Outbound prompt(Script script, Step step, ConversationState state) {
        String picks = state.var(PICKS_VAR);
        if (picks != null) return pickPrompt(step, split(picks), null);
        List<String> heard = heard(step, state);
        boolean oneSingular = heard.size() == 1 && !step.reflect().plural().contains(heard.get(0));
        String text = oneSingular && step.reflect().textOne() != null ? step.reflect().textOne() : step.text();
        return new Outbound(text.replace("{themes}", listed(step.reflect(), heard)), Prompts.buttons(script, step));
    }

    /** The theme buttons, then None of these and Done; {@code lead} replaces the usual text when given. */
    private static Outbound pickPrompt(Step step, List<String> picks, String lead) {
        Step.Reflect r = step.reflect();
        List<Outbound.Button> buttons = new ArrayList<>();
        r.labels().forEach((theme, label) ->
                buttons.add(new Outbound.Button((picks.contains(theme) ? TICK : "") + label, value(step, THEME + theme))));
        buttons.add(new Outbound.Button(r.noneLabel(), value(step, NONE)));
        buttons.add(new Outbound.Button(r.doneLabel(), value(step, DONE)));
        String text = lead != null ? lead
                : picks.isEmpty() ? r.pickText() : r.pickedText().replace("{themes}", listed(r, picks));
        return new Outbound(text, buttons);
    }

    /** "X", "X and Y", "X, Y and Z", in the script's own words. */
    static String listed(Step.Reflect r, List<String> themes) {
        List<String> words = themes.stream().map(r.phrases()::get).toList();
        if (words.size() <= 1) return words.isEmpty() ? "" : words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + " " + r.and() + " " + words.get(words.size() - 1);
    }

    // --- answers ----------------------------------------------------------------------------

    static Turn answer(Script script, ConversationState state, Step step, Inbound inbound, TurnBuilder out) {
        boolean picking = state.var(PICKS_VAR) != null;
        if (inbound instanceof Inbound.ButtonPress press) {
            String value = pressedValue(step, press.value());
            return picking ? pressedWhilePicking(script, state, step, value, out) : pressedAtQuestion(script, state, step, value, out);
        }
        String typed = inbound instanceof Inbound.Text text ? text.text().strip() : "";
        if (typed.isEmpty()) return out.send(prompt(script, step, state)).turn(state);
        return picking ? typedWhilePicking(script, state, step, typed, out) : typedAtQuestion(script, state, step, typed, out);
    }

    private static Turn pressedAtQuestion(Script script, ConversationState state, Step step, String value, TurnBuilder out) {
        if (YES.equals(value)) return settle(script, state, step, heard(step, state), true, out);
        if (NOT_QUITE.equals(value)) return picked(state, step, List.of(), null, out);
        if (TypedAnswers.SKIP.equals(value)) return settle(script, state, step, List.of(), false, out);
        return out.send(prompt(script, step, state)).turn(state); // an old button: ask again
    }

    private static Turn pressedWhilePicking(Script script, ConversationState state, Step step, String value, TurnBuilder out) {
        List<String> picks = split(state.var(PICKS_VAR));
        if (NONE.equals(value)) return settle(script, state, step, List.of(), true, out);
        if (DONE.equals(value)) return done(script, state, step, picks, out);
        String theme = value != null && value.startsWith(THEME) ? value.substring(THEME.length()) : null;
        if (theme == null || !step.reflect().phrases().containsKey(theme)) return out.send(prompt(script, step, state)).turn(state);
        List<String> toggled = new ArrayList<>(picks);
        if (!toggled.remove(theme)) toggled.add(theme);
        return picked(state, step, toggled, null, out);
    }

    private static Turn typedAtQuestion(Script script, ConversationState state, Step step, String typed, TurnBuilder out) {
        String said = TypedAnswers.normalise(typed);
        if (said.equals(label(step, YES)) || TypedAnswers.isYes(said) || RIGHT_WORDS.contains(said)) return settle(script, state, step, heard(step, state), true, out);
        if (said.equals(label(step, NOT_QUITE)) || TypedAnswers.isNo(said) || WRONG_WORDS.contains(said)) return picked(state, step, List.of(), null, out);
        if (TypedAnswers.isSkip(said)) return settle(script, state, step, List.of(), false, out);
        return typedThemes(state, step, typed, List.of(), out);
    }

    private static Turn typedWhilePicking(Script script, ConversationState state, Step step, String typed, TurnBuilder out) {
        String said = TypedAnswers.normalise(typed);
        List<String> picks = split(state.var(PICKS_VAR));
        if (said.equals(TypedAnswers.normalise(step.reflect().noneLabel())) || NONE_WORDS.contains(said)) {
            return settle(script, state, step, List.of(), true, out);
        }
        if (said.equals(TypedAnswers.normalise(step.reflect().doneLabel())) || DONE_WORDS.contains(said)
                || TypedAnswers.isYes(said) || TypedAnswers.isNo(said) || TypedAnswers.isSkip(said)) {
            return done(script, state, step, picks, out);
        }
        return typedThemes(state, step, typed, picks, out);
    }

    /**
     * Typed text that is plainly a pick (only theme names or, while picking, the numbers of the theme
     * buttons) adds those themes. Anything else is the resident's own words: kept as their reply at
     * this step, so it is analysed and stored like any other answer, and never read as a pick, so
     * "it's more that I'm lonely" does not overrule what was heard in the earlier answer.
     */
    private static Turn typedThemes(ConversationState state, Step step, String typed, List<String> picks, TurnBuilder out) {
        List<String> named = plainPick(step.reflect(), TypedAnswers.normalise(typed), state.var(PICKS_VAR) != null);
        if (named.isEmpty()) {
            out.record(new Effect.ReplyGiven(step.id() + CORRECTION_SUFFIX, typed));
            return picked(state, step, picks, step.reflect().notedText(), out);
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(picks);
        all.addAll(named);
        return picked(state, step, List.copyOf(all), null, out);
    }

    /**
     * The themes {@code said} picks when it is nothing but picks: theme labels, ids or the script's
     * typed words, joined by the script's "and"; while picking, also button numbers (1 is the first
     * theme). Empty when anything else is said.
     */
    static List<String> plainPick(Step.Reflect r, String said, boolean numbersCount) {
        List<String> themes = new ArrayList<>(r.phrases().keySet());
        Map<String, String> names = new LinkedHashMap<>();
        for (String theme : themes) {
            List<String> words = new ArrayList<>(r.words().getOrDefault(theme, List.of()));
            words.add(theme.replace('_', ' '));
            if (r.labels().containsKey(theme)) words.add(r.labels().get(theme));
            words.forEach(w -> names.putIfAbsent(TypedAnswers.normalise(w), theme));
        }
        if (numbersCount) {
            // numbered as the buttons are drawn (pickPrompt), so "2" is the second button
            List<String> buttons = new ArrayList<>(r.labels().keySet());
            for (int i = 0; i < buttons.size(); i++) names.putIfAbsent(String.valueOf(i + 1), buttons.get(i));
        }
        // longest names first, so "mental health" is read as one name, not as "mental" and "health"
        List<String> byLength = names.keySet().stream().filter(n -> !n.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        String joiner = TypedAnswers.normalise(r.and());
        LinkedHashSet<String> picked = new LinkedHashSet<>();
        String rest = said;
        while (!rest.isEmpty()) {
            String head = rest;
            String name = byLength.stream().filter(n -> head.equals(n) || head.startsWith(n + " ")).findFirst().orElse(null);
            if (name != null) {
                picked.add(names.get(name));
            } else if (!joiner.isEmpty() && (head.equals(joiner) || head.startsWith(joiner + " "))) {
                name = joiner;
            } else {
                return List.of();
            }
            rest = rest.substring(name.length()).strip();
        }
        return themes.stream().filter(picked::contains).toList();
    }

    /** Still picking: remember the picks and show them, with the buttons again. */
    private static Turn picked(ConversationState state, Step step, List<String> picks, String lead, TurnBuilder out) {
        ConversationState s = state.withVar(PICKS_VAR, String.join(",", picks));
        return out.send(pickPrompt(step, picks, lead)).turn(s);
    }

    /** Done with nothing picked says nothing about the themes: they moved on without a judgement. */
    private static Turn done(Script script, ConversationState state, Step step, List<String> picks, TurnBuilder out) {
        return settle(script, state, step, picks, !picks.isEmpty(), out);
    }

    /** Leaves the step; the follow-up is worded for the first settled theme, not the current turn's signals. */
    private static Turn settle(Script script, ConversationState state, Step step, List<String> themes, boolean judged,
                               TurnBuilder out) {
        if (judged) out.record(new Effect.ThemesConfirmed(step.reflect().about(), themes));
        ConversationState s = state.withVar(PICKS_VAR, null).withVar(heardVar(step.reflect().about()), null);
        return Position.enter(script, s, step.next(), new Signals(themes, false), out);
    }

    // --- small helpers ----------------------------------------------------------------------

    static String value(Step step, String answer) {
        return TypedAnswers.buttonValue(step, answer);
    }

    /** The answer part of a button value of this step, or null for another step's button. A bare value counts too. */
    private static String pressedValue(Step step, String value) {
        if (value == null) return null;
        String prefix = step.id() + ":";
        if (value.startsWith(prefix)) return value.substring(prefix.length());
        return value.contains(":") ? null : value;
    }

    private static String label(Step step, String optionValue) {
        return step.option(optionValue).map(o -> TypedAnswers.normalise(o.label())).orElse("");
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
