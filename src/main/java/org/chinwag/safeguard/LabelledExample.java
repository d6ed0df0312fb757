package org.chinwag.safeguard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One written example: its label, text, language and the population it belongs to. Example files
 * ({@code examples*.tsv}, {@code heldout*.tsv}) hold {@code label<TAB>text}: labels are risk
 * category ids (disclosures), {@code none-<kind>} (hard everyday lines: idiom, topic, past, other,
 * hard) or {@code none}. Ordinary-reply files hold {@code question<TAB>text}, where question is the
 * script step the reply answers. Lines starting with # are comments.
 *
 * @param group the label, or for ordinary replies the question they answer
 */
record LabelledExample(String label, String text, String language, Population population, String group) {

    static final String NONE = "none";

    /** The three kinds of text the detector is measured on, separately. */
    enum Population {
        /** Disclosures: the recall that matters most. */
        DISCLOSURE("disclosures"),
        /** Idioms, topic talk, past and other people's events, strong words: false alarms. */
        HARD("hard everyday lines"),
        /** Ordinary replies to the script's questions, by far the most common thing the bot sees: false alarms. */
        ORDINARY("ordinary replies");

        final String title;

        Population(String title) {
            this.title = title;
        }
    }

    boolean isRisk() {
        return population == Population.DISCLOSURE;
    }

    /** The label the model learns: every kind of none collapses to {@code none}. */
    String trainingLabel() {
        return isRisk() ? label : NONE;
    }

    /** {@code label<TAB>text} lines. */
    static List<LabelledExample> parse(String source, String tsv, String language) {
        List<LabelledExample> examples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        lines(source, tsv, problems, (line, label, text) -> {
            boolean none = label.equals(NONE) || label.startsWith(NONE + "-");
            if (!none && RiskCategory.fromId(label).isEmpty()) problems.add("line " + line + ": unknown label '" + label + "'");
            else examples.add(new LabelledExample(label, text, language, none ? Population.HARD : Population.DISCLOSURE, label));
        });
        if (!problems.isEmpty()) throw new IllegalStateException(source + ": " + String.join("; ", problems));
        return examples;
    }

    /** {@code question<TAB>text} lines of ordinary replies; {@code questions} are the allowed ids (empty: any). */
    static List<LabelledExample> parseOrdinary(String source, String tsv, Set<String> questions) {
        List<LabelledExample> examples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        lines(source, tsv, problems, (line, question, text) -> {
            if (!questions.isEmpty() && !questions.contains(question)) problems.add("line " + line + ": unknown question '" + question + "'");
            else examples.add(ordinary(text, question));
        });
        if (!problems.isEmpty()) throw new IllegalStateException(source + ": " + String.join("; ", problems));
        return examples;
    }

    static LabelledExample ordinary(String text, String question) {
        return new LabelledExample(NONE, text, null, Population.ORDINARY, question);
    }

    private interface Line {
        void accept(int line, String first, String text);
    }

    private static void lines(String source, String tsv, List<String> problems, Line each) {
        String[] lines = tsv.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) continue;
            int tab = line.indexOf('\t');
            if (tab < 0) {
                problems.add("line " + (i + 1) + ": expected two columns separated by a TAB");
                continue;
            }
            String first = line.substring(0, tab).strip();
            String text = line.substring(tab + 1).strip();
            if (text.isEmpty()) problems.add("line " + (i + 1) + ": empty text");
            else each.accept(i + 1, first, text);
        }
    }
}
