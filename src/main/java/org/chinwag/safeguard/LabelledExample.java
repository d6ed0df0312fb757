package org.chinwag.safeguard;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code examples.tsv} or {@code heldout.tsv}: {@code label<TAB>text}. Labels are risk
 * category ids, {@code none}, or {@code none-<kind>} (e.g. {@code none-idiom}) for safe texts kept
 * apart in the evaluation. Lines starting with # are comments.
 */
record LabelledExample(String label, String text) {

    static final String NONE = "none";

    boolean isRisk() {
        return !label.equals(NONE) && !label.startsWith(NONE + "-");
    }

    /** The label the model learns: every kind of none collapses to {@code none}. */
    String trainingLabel() {
        return isRisk() ? label : NONE;
    }

    static List<LabelledExample> parse(String source, String tsv) {
        List<LabelledExample> examples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = tsv.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) continue;
            int tab = line.indexOf('\t');
            if (tab < 0) {
                problems.add("line " + (i + 1) + ": expected label<TAB>text");
                continue;
            }
            String label = line.substring(0, tab).strip();
            String text = line.substring(tab + 1).strip();
            boolean known = label.equals(NONE) || label.startsWith(NONE + "-") || RiskCategory.fromId(label).isPresent();
            if (!known) problems.add("line " + (i + 1) + ": unknown label '" + label + "'");
            else if (text.isEmpty()) problems.add("line " + (i + 1) + ": empty text");
            else examples.add(new LabelledExample(label, text));
        }
        if (!problems.isEmpty()) throw new IllegalStateException(source + ": " + String.join("; ", problems));
        return examples;
    }
}
