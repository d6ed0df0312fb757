package org.chinwag.testing;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** System commands tests use to set up a machine state (mount, chattr). */
final class Commands {

    private Commands() {}

    /** Runs the command, discarding its output; true when it exits 0 within ten seconds. */
    static boolean succeed(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
