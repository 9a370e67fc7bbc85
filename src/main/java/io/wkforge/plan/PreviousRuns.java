package io.wkforge.plan;

import java.nio.file.Path;

/** What the planner needs to know of earlier runs. */
public interface PreviousRuns {
    /** The stamp of a task's last successful run, or null. */
    Stamp stamp(String taskId);

    /** Whether every output the stamp lists is still there, unchanged in size. */
    boolean outputsIntact(Stamp stamp);

    /** Content hash of an input file (memoised by path, size and mtime). */
    String hashOf(Path file);

    /** The folder stamps' output paths are relative to. */
    Path outDir();
}
