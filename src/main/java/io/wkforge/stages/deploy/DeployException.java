package io.wkforge.stages.deploy;

import io.wkforge.run.StageException;
import java.util.ArrayList;
import java.util.List;

/**
 * A deploy that failed, with the kind of failure (tests and doctor tell them apart) and what to
 * do about it as the first detail line. Exits 3 like every failed stage.
 */
public final class DeployException extends StageException {

    public enum Kind {
        /** The board's address does not resolve, or the network has no route to it. */
        UNREACHABLE,
        /** Nothing listens on the SSH port. */
        REFUSED,
        /** No answer (or no SSH greeting) in time. */
        TIMEOUT,
        /** The board refused every way we had to log in, or we had none. */
        AUTH,
        /** The board's host key is not in known_hosts and host_key is strict. */
        HOST_KEY_UNKNOWN,
        /** known_hosts holds another key for this board. */
        HOST_KEY_CHANGED,
        /** No room for the bundle on the target. */
        DISK_FULL,
        /** A copy does not match the bundle byte for byte. */
        CHECKSUM,
        /** install.sh or the app failed on the board, or a command timed out. */
        REMOTE_COMMAND,
        /** The connection broke during the transfer. */
        CONNECTION_LOST,
        /** The local folder (via dir), key or known_hosts file cannot be used. */
        LOCAL
    }

    private final Kind kind;

    public DeployException(Kind kind, String message, String fix, List<String> more) {
        super(message, details(fix, more));
        this.kind = kind;
    }

    public DeployException(Kind kind, String message, String fix) {
        this(kind, message, fix, List.of());
    }

    public Kind kind() {
        return kind;
    }

    /** The fix line without its prefix, or null. */
    public String fix() {
        return details().isEmpty() || !details().get(0).startsWith("fix: ") ? null : details().get(0).substring(5);
    }

    private static List<String> details(String fix, List<String> more) {
        List<String> d = new ArrayList<>();
        if (fix != null) d.add("fix: " + fix);
        d.addAll(more);
        return d;
    }
}
