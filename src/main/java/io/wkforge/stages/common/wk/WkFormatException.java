package io.wkforge.stages.common.wk;

/**
 * Why a file cannot be read as a .wk: one sentence for the user ({@link #getMessage()}), and its
 * kind, so callers and tests can tell a wrong file from a damaged one.
 */
public final class WkFormatException extends Exception {
    public enum Kind {
        /** Empty, or bytes that are not a .wk header at all. */
        NOT_WK,
        /** Shorter than the header says. */
        TRUNCATED,
        /** Longer than the header says, or lengths in the header that contradict each other. */
        INCONSISTENT,
        /** The stored CRC-32 is not that of the bytes it covers. */
        CRC_MISMATCH,
        /** A format version whose layout wkforge does not know. */
        UNKNOWN_VERSION
    }

    private final Kind kind;

    WkFormatException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
