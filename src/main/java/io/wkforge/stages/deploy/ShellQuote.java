package io.wkforge.stages.deploy;

/** Quoting for POSIX sh: the board's shell (BusyBox ash, dash, bash) reads these literally. */
public final class ShellQuote {
    private ShellQuote() {}

    /** {@code it's} becomes {@code 'it'\''s'}: single quotes keep everything literal but a quote. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
