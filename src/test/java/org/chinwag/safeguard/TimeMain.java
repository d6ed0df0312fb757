package org.chinwag.safeguard;

/** Scratch timing (not a test). */
public class TimeMain {
    public static void main(String[] args) {
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            RiskDetector d = args.length > 0 ? RiskDetector.load(java.nio.file.Path.of("intents"), "big-chat", java.nio.file.Path.of(args[0])) : RiskDetector.load(java.nio.file.Path.of("intents"), "big-chat");
            long t2 = System.nanoTime();
            for (int k = 0; k < 1000; k++) d.assess("i dont want to be here anymore and my feet are killing me " + k);
            System.out.printf("load %d ms, 1000 assessments %d ms%n", (t2 - t) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        }
    }
}
