package io.wkforge.cli;

/** Process exit codes; documented in README and docs/cli.md. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A bug in wkforge: never caused by user input. */
    public static final int INTERNAL = 1;
    /** The recipe or the command line is wrong. */
    public static final int USAGE = 2;
    /** A stage failed: bad data, an external tool, the board. */
    public static final int STAGE_FAILED = 3;
    /** An accuracy gate (e.g. quantize.max_top1_drop) failed. */
    public static final int GATE_FAILED = 4;
    /** The run was interrupted (Ctrl-C): 128 + SIGINT, as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}

    /**
     * The code of a command that did several things (files, tasks): the worst outcome wins, a bug
     * in wkforge over a failed stage or gate over a recipe error over success.
     */
    public static int worst(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case OK -> 0;
            case USAGE -> 1;
            case GATE_FAILED -> 2;
            case STAGE_FAILED -> 3;
            default -> 4; // INTERNAL, or anything unexpected
        };
    }
}
