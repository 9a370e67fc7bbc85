package io.wkforge.stages.common.wk;

import io.wkforge.run.StageException;
import io.wkforge.run.TaskContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The check a stage runs on a .wk before it trusts it (wk right after the mapper, deploy before
 * anything is copied): readable whole, CRC intact, and fitting the recipe. A failure throws, so the
 * .wk stays out of the cache and off the board.
 */
public final class WkGate {
    private WkGate() {}

    /** Reads and checks {@code wk}; notes its header and returns it, or throws naming every mismatch. */
    public static WkFile check(Path wk, WkExpectation want, TaskContext ctx) throws StageException {
        WkFile file;
        try {
            file = WkReader.read(wk);
        } catch (WkFormatException e) {
            throw new StageException(wk + ": " + e.getMessage());
        } catch (IOException e) {
            throw new StageException("cannot read " + wk + ": " + e.getMessage());
        }
        List<String> mismatches = WkFit.mismatches(file, want);
        if (!mismatches.isEmpty()) {
            throw new StageException(wk.getFileName() + " does not fit the recipe (" + mismatches.size() + " mismatch"
                    + (mismatches.size() == 1 ? "" : "es") + "; `wkforge inspect " + wk + "` shows its header)", mismatches);
        }
        ctx.note(".wk checked: " + WkDescription.oneLine(file));
        return file;
    }
}
