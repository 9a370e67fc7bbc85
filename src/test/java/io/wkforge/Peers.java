package io.wkforge;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The one place that decides what a test does when an external peer it needs is missing: skip on
 * a developer machine, fail where the environment requires the peer (CI: .ci/run installs them and
 * sets the variables below), so CI cannot pass by skipping. A variable counts as set unless it is
 * empty or {@code 0}.
 */
public final class Peers {
    /** The external peers, each with the variables that require it and how to install it. */
    public enum Peer {
        EDITOR_TOOLS("editor-support/install-test-tools.sh installs them", "WKFORGE_REQUIRE_EDITOR_TESTS"),
        OPENSSH("apt-get install openssh-server openssh-client dash", "WKFORGE_REQUIRE_OPENSSH_TESTS"),
        CHROMIUM("apt-get install chromium", "WKFORGE_REQUIRE_BROWSER_TESTS"),
        /** Debian's PyTorch; two variables name it (the export's and the training's tests), either requires it. */
        PYTORCH("apt-get install python3-torch python3-torchvision python3-numpy", "WKFORGE_REQUIRE_TORCH_TESTS", "WKFORGE_REQUIRE_PYTORCH"),
        FFMPEG_CLI("apt-get install ffmpeg", "WKFORGE_REQUIRE_FFMPEG_CLI"),
        /** util-linux's setpriv, to run a test as root without the capabilities that bypass file permissions: Debian always has it. */
        SETPRIV("util-linux, an essential Debian package");

        private final String install;
        private final List<String> variables;

        Peer(String install, String... variables) {
            this.install = install;
            this.variables = List.of(variables);
        }

        /** Whether this environment requires the peer: one of its variables is set, or it has none (always there). */
        public boolean required() {
            if (variables.isEmpty()) return true;
            for (String v : variables) {
                String value = System.getenv(v);
                if (value != null && !value.isEmpty() && !value.equals("0")) return true;
            }
            return false;
        }

        private String because() {
            return variables.isEmpty() ? "it is always installed" : String.join(" or ", variables) + " is set";
        }
    }

    private Peers() {}

    /** Returns when the peer is there; else skips the calling test, or fails it where the peer is required. */
    public static void require(Peer peer, boolean available, String what) {
        if (available) return;
        String message = what + " is missing (" + peer.install + ")";
        if (peer.required()) fail(message + "; required here: " + peer.because());
        Assumptions.abort(message + ": test skipped");
    }

    /**
     * For a peer that widens a test rather than enables it: whether it is there; missing where it
     * is required, the test fails.
     */
    public static boolean optional(Peer peer, boolean available, String what) {
        if (!available && peer.required()) fail(what + " is missing (" + peer.install + "); required here: " + peer.because());
        return available;
    }
}
