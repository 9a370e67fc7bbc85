package io.wkforge.run;

import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.plan.TaskSpec;
import java.nio.file.Path;
import java.util.List;

/** What a running task may see and do. */
public interface TaskContext {
    EffectiveRecipe recipe();

    TaskSpec task();

    Layout layout();

    /**
     * The root a task writes into. It mirrors the out dir: a file written at
     * {@code staging().resolve("frames/01_a/x.png")} ends up at {@code <out>/frames/01_a/x.png}.
     */
    Path staging();

    /** {@code staging().resolve(<dir of stage>)}: where this task's stage writes, created on demand. */
    Path stagingDir(StageId stage);

    /** The committed output files of an upstream stage (from its tasks' stamps), sorted. */
    List<Path> outputsOf(StageId upstream);

    Progress progress();

    /** A problem worth telling the user that does not fail the task; kept in the run record. */
    void warn(String message);

    /** A result worth showing as the run goes (a count table, say); may span several lines. */
    void note(String message);

    /** Threads this task may use for its own parallel work. */
    int threads();
}
