package io.wkforge.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The width of the terminal wkforge writes to, for lines redrawn in place. */
final class Terminal {
    static final int DEFAULT_COLUMNS = 100;

    private Terminal() {}

    /** {@code COLUMNS} when the shell exports it, else what {@code stty size} says about /dev/tty, else 100. */
    static int columns() {
        try {
            String env = System.getenv("COLUMNS");
            if (env != null) return Integer.parseInt(env.trim());
        } catch (NumberFormatException ignored) {
            // fall through to stty
        }
        try {
            Process p = new ProcessBuilder("sh", "-c", "stty size < /dev/tty").redirectErrorStream(true).start();
            if (p.waitFor(1, TimeUnit.SECONDS) && p.exitValue() == 0) {
                String[] parts = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
                if (parts.length == 2) return Integer.parseInt(parts[1]);
            }
            p.destroy();
        } catch (IOException | NumberFormatException e) {
            // no stty or no terminal: the default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_COLUMNS;
    }
}
