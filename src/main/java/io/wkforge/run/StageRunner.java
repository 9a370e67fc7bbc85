package io.wkforge.run;

import io.wkforge.lang.schema.StageId;

/**
 * The implementation of one stage. {@link #run} executes one task: it reads the recipe, its
 * input and the committed outputs of upstream stages through the context, and writes every
 * output under {@link TaskContext#staging()}; the executor moves them into place and stamps the
 * task only when {@code run} returns normally.
 */
public interface StageRunner {
    StageId stage();

    void run(TaskContext ctx) throws StageException;

    /** Whether the tasks of this stage may run at the same time (per-video work, say). */
    default boolean parallelTasks() {
        return false;
    }
}
