package org.chinwag.safeguard;

/** Scratch runner (not a test). */
public class EvalMain {
    public static void main(String[] args) {
        SafeguardEval.run(java.nio.file.Path.of("intents"), "big-chat", System.out, Boolean.getBoolean("sg.cv"));
    }
}
