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

    /**
     * What {@code wkforge doctor} should check for this stage: its native libraries load, its
     * external tool is there, its target answers. {@code recipe} is null when doctor runs without
     * one; checks that need settings then have nothing to say. Building the list must be cheap;
     * the work happens in {@link DoctorCheck#run()}.
     */
    default java.util.List<DoctorCheck> diagnose(io.wkforge.lang.model.EffectiveRecipe recipe) {
        return java.util.List.of();
    }

    /** Whether the tasks of this stage may run at the same time (per-video work, say). */
    default boolean parallelTasks() {
        return false;
    }
}
