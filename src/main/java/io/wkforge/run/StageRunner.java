package io.wkforge.run;

import io.wkforge.lang.schema.StageId;
import java.util.List;

/**
 * The implementation of one stage. {@link #run} executes one task: it reads the recipe, its
 * input and the committed outputs of upstream stages through the context, and writes every
 * output under {@link TaskContext#staging()}; the executor moves them into place and stamps the
 * task only when {@code run} returns normally. A problem with the task's input that still leaves
 * something worth keeping is reported with {@link TaskContext#problem} rather than thrown, and
 * {@link #judge} decides after all tasks what it means for the run.
 */
public interface StageRunner {
    StageId stage();

    void run(TaskContext ctx) throws StageException;

    /**
     * Loads what the stage's tasks will need (native libraries, say) ahead of time. Called on a
     * background thread while the recipe is still being checked and planned, so it must be safe
     * to call when the stage ends up not running; failures are ignored (the task meets them).
     */
    default void warmUp() {}

    /**
     * Why this stage cannot run for this recipe on this machine (an external tool that is not
     * installed, say), or null when it can. Such a stage is skipped, not failed: plan and run show
     * the reason, stages that need its outputs are skipped too, and the run still exits 0. Must be
     * cheap (a PATH lookup, not a tool run): plan calls it.
     */
    default String unavailableReason(io.wkforge.lang.model.EffectiveRecipe recipe) {
        return null;
    }

    /** Whether the tasks of this stage may run at the same time (per-video work, say). */
    default boolean parallelTasks() {
        return false;
    }

    /**
     * Decides, once every task of the stage ran or was found cached, what the problems they
     * reported ({@link TaskContext#problem}) mean for the run: fail the stage (throw), or let it
     * pass, turning them into warnings. Called on every run, so a cached task's problems are
     * judged again under the current verdict settings. The default fails on any problem.
     */
    default void judge(StageVerdict verdict) throws StageException {
        if (verdict.problems().isEmpty()) return;
        List<String> lines = verdict.problems().stream().map(p -> p.task().id() + ": " + p.message()).toList();
        throw new StageException(lines.size() + " task" + (lines.size() == 1 ? "" : "s") + " reported a problem", lines);
    }
}
