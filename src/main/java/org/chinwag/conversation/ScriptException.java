package org.chinwag.conversation;

import java.util.List;

/** A script that cannot be used, with every problem found, each naming the file and the step. */
public class ScriptException extends RuntimeException {

    private final List<String> problems;

    public ScriptException(String source, List<String> problems) {
        super(source + ": " + (problems.size() == 1
                ? problems.get(0)
                : problems.size() + " problems:\n  - " + String.join("\n  - ", problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
