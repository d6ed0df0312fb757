package org.chinwag.safeguard;

/** One detector trained from the bundled Big Chat data, shared by the tests (training takes a second or two). */
final class SharedDetector {

    private static RiskDetector detector;

    private SharedDetector() {}

    static synchronized RiskDetector get() {
        if (detector == null) detector = RiskDetector.bundled("big-chat");
        return detector;
    }
}
