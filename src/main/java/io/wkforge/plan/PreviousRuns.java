package io.wkforge.plan;

/** What the planner needs to know of earlier runs. */
public interface PreviousRuns {
    /** The stamp of a task's last successful run, or null. */
    Stamp stamp(String taskId);

    /** Whether every output the stamp lists is still there, unchanged in size. */
    boolean outputsIntact(Stamp stamp);

    /** Content hash of an input file (memoised by path, size and mtime). */
    String hashOf(java.nio.file.Path file);
}
