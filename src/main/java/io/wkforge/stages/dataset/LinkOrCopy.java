package io.wkforge.stages.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Places a dataset file: a hard link to the committed frame where the filesystem allows (no
 * extra space, instant), a copy otherwise (another filesystem, no link support). The executor
 * later renames the staged entry into place, which keeps it a link.
 */
final class LinkOrCopy {
    private volatile boolean linksWork = true;

    void place(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        if (linksWork) {
            try {
                Files.createLink(target, source);
                return;
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                linksWork = false; // same filesystem for every file: do not try again
            }
        }
        Files.copy(source, target);
    }

    boolean linked() {
        return linksWork;
    }
}
