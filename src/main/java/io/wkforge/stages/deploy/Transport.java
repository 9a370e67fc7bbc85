package io.wkforge.stages.deploy;

import java.util.List;

/** A way for the bundle to reach the board: a folder it mounts, or SSH. */
public interface Transport {
    /** Where the bundle goes, as messages show it. */
    String destination();

    /** Copies and verifies the bundle (and over SSH installs it and starts the app). */
    Result push(Bundle bundle, Listener listener) throws DeployException;

    /** What a push reports as it goes. */
    interface Listener {
        void progress(long bytesDone, long bytesTotal);

        /** A line worth showing: what was copied, the board's output. */
        void line(String text);

        void warn(String message);
    }

    /**
     * @param copied     files written this time
     * @param unchanged  files that were already there, byte for byte
     * @param verifiedBy how the copies were verified, e.g. {@code sha256sum on the board}
     * @param app        what became of the started app, or null when none was started
     */
    record Result(List<String> copied, List<String> unchanged, String verifiedBy, String app) {}
}
