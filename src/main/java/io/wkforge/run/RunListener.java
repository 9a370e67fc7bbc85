package io.wkforge.run;

import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.TaskSpec;

/** What the executor tells its user interface as a run goes. */
public interface RunListener {
    default void stageStarted(StageId stage, int toRun, int cached) {}

    /** A stage that cannot run here (a tool not installed), or needs one that cannot. */
    default void stageSkipped(StageId stage, String reason) {}

    default void taskStarted(TaskSpec task) {}

    default void taskProgress(TaskSpec task, long done, long total, String unit) {}

    default void taskFinished(TaskSpec task, long millis) {}

    default void taskFailed(TaskSpec task, StageException failure) {}

    default void warning(TaskSpec task, String message) {}

    default void note(TaskSpec task, String message) {}

    default void pruned(String taskId) {}

    /** Another run holds the build folder; this one waits (--wait). */
    default void waitingForLock(RunLock.Holder holder) {}

    /** What the run did first to repair what an interrupted run left (one line each). */
    default void recovered(String message) {}

    RunListener SILENT = new RunListener() {};
}
