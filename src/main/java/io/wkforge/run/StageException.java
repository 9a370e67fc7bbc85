package io.wkforge.run;

import java.util.List;

/**
 * A task failed for a reason a user can act on (bad input data, an external tool, the board).
 * The message says what and where; details list one line per problem (e.g. per bad file).
 * Reported without a stack trace; the run exits with 3 (or 4 for an accuracy gate).
 */
public class StageException extends Exception {
    private final List<String> details;
    private final boolean gate;

    public StageException(String message) {
        this(message, List.of(), false);
    }

    public StageException(String message, List<String> details) {
        this(message, details, false);
    }

    public StageException(String message, List<String> details, boolean gate) {
        super(message);
        this.details = List.copyOf(details);
        this.gate = gate;
    }

    public StageException(String message, Throwable cause) {
        super(message, cause);
        this.details = List.of();
        this.gate = false;
    }

    public List<String> details() {
        return details;
    }

    /** True when an accuracy gate failed (exit 4) rather than the work itself. */
    public boolean isGate() {
        return gate;
    }
}
