package org.chinwag.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an inbound into an {@link Answer} for a step. Buttons help, but typing is always allowed:
 * "yeah", "nah", "skip" or a button's own words count as pressing it.
 */
final class TypedAnswers {

    /** Button values are "stepId:optionValue", so a button from an old message is not mistaken for a new answer. */
    static final String SKIP = "skip";

    private static final Set<String> YES = Set.of("yes", "y", "yeah", "yea", "yep", "yup", "ya", "yes please", "ok", "okay",
            "k", "sure", "aye", "go on", "alright", "fine", "of course", "happy to", "why not");
    private static final Set<String> NO = Set.of("no", "n", "nah", "nope", "no thanks", "no thank you", "not really",
            "not now", "no ta");
    private static final Set<String> SKIP_WORDS = Set.of("skip", "pass", "next", "skip it", "skip this", "none",
            "nothing", "n a", "na", "rather not", "prefer not to say");
    /** Buttons that "yes" / "no" / "skip" typed stand for, in order of preference. */
    private static final String[] YES_VALUES = {"yes", "ok"};
    private static final String[] NO_VALUES = {"no", SKIP};

    /** A full UK postcode, e.g. "LS12 3AB": only its district (the first half) is kept. */
    private static final Pattern FULL_POSTCODE =
            Pattern.compile("\\b([A-Z]{1,2}[0-9][A-Z0-9]?)\\s*[0-9][A-Z]{2}\\b", Pattern.CASE_INSENSITIVE);

    private TypedAnswers() {}

    static String buttonValue(Step step, String optionValue) {
        return step.id() + ":" + optionValue;
    }

    static Answer interpret(Step step, Inbound inbound) {
        if (inbound instanceof Inbound.ButtonPress press) return pressed(step, press.value());
        if (!(inbound instanceof Inbound.Text typed) || typed.text() == null || typed.text().isBlank()) {
            return new Answer.Nothing();
        }
        return typed(step, typed.text().strip());
    }

    private static Answer pressed(Step step, String value) {
        if (value == null) return new Answer.Nothing();
        String prefix = step.id() + ":";
        // accept a bare option value too (a web chat may send just "yes")
        String optionValue = value.startsWith(prefix) ? value.substring(prefix.length()) : value.contains(":") ? null : value;
        if (optionValue == null) return new Answer.Nothing();
        if (step.skippable() && optionValue.equals(SKIP)) return new Answer.Skipped();
        return step.option(optionValue).<Answer>map(Answer.Chosen::new).orElseGet(Answer.Nothing::new);
    }

    private static Answer typed(Step step, String text) {
        String said = normalise(text);
        if (!step.options().isEmpty()) {
            Optional<Step.Option> match = matchOption(step, said);
            if (match.isPresent()) return new Answer.Chosen(match.get());
        }
        if (step.skippable() && (SKIP_WORDS.contains(said) || NO.contains(said))) return new Answer.Skipped();
        if (step.type().buttonsOnly() || !step.options().isEmpty()) return new Answer.Unclear();
        return new Answer.Typed(text);
    }

    private static Optional<Step.Option> matchOption(Step step, String said) {
        String compact = said.replace(" ", "");
        for (Step.Option o : step.options()) {
            if (compact.equals(normalise(o.label()).replace(" ", "")) || compact.equals(normalise(o.value()).replace(" ", ""))) {
                return Optional.of(o);
            }
        }
        if (YES.contains(said)) return firstOf(step, YES_VALUES);
        if (NO.contains(said) || SKIP_WORDS.contains(said)) return firstOf(step, NO_VALUES);
        return Optional.empty();
    }

    private static Optional<Step.Option> firstOf(Step step, String[] values) {
        for (String v : values) {
            Optional<Step.Option> o = step.option(v);
            if (o.isPresent()) return o;
        }
        return Optional.empty();
    }

    /** True for a typed "yes" (used for confirmations outside the script). */
    static boolean isYes(String text) {
        return text != null && YES.contains(normalise(text));
    }

    /** True for a typed "no" ({@code said} already normalised or not). */
    static boolean isNo(String text) {
        return text != null && NO.contains(normalise(text));
    }

    /** True for a typed "skip", "pass" and the like. */
    static boolean isSkip(String text) {
        return text != null && SKIP_WORDS.contains(normalise(text));
    }

    /** Lower case, dashes unified, punctuation and emoji dropped, spaces collapsed. */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[\\u2010-\\u2015\\u2212]", "-")
                .replaceAll("[^\\p{L}\\p{N}+\\- ]", " ")
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** Keeps only the district of any full postcode: we ask for an area, never an address. */
    static String areaOnly(String text) {
        Matcher m = FULL_POSTCODE.matcher(text);
        return m.replaceAll(r -> r.group(1).toUpperCase(Locale.ROOT));
    }
}
