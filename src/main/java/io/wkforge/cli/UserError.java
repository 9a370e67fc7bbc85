package io.wkforge.cli;

/** A mistake in how wkforge was called (a missing file, a bad flag): exit 2, no stack trace. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
