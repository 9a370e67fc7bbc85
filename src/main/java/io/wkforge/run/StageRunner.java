package io.wkforge.run;

import io.wkforge.lang.schema.StageId;

/**
 * The implementation of one stage. {@link #run} executes one task: it reads its settings, its
 * input and the upstream outputs it declares ({@code io.wkforge.plan.StageReads}) through the
 * context, and writes every output under {@link TaskContext#staging()}; the executor moves them
 * into place and stamps the task only when {@code run} returns normally. A problem with the
 * task's input that still leaves something worth keeping is reported with
 * {@link TaskContext#problem} rather than thrown, and {@link #judge} decides after all tasks what
 * it means for the run.
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

    /**
     * Decides, once every task of the stage ran or was found cached, what the problems they
     * reported ({@link TaskContext#problem}) mean for the run: fail the stage (throw), or let it
     * pass, turning them into warnings. Called on every run, so a cached task's problems are
     * judged again under the current verdict settings. The default fails on any problem.
     */
    default void judge(StageVerdict verdict) throws StageException {
        if (verdict.problems().isEmpty()) return;
        java.util.List<String> lines = verdict.problems().stream().map(p -> p.task().id() + ": " + p.message()).toList();
        throw new StageException(lines.size() + " task" + (lines.size() == 1 ? "" : "s") + " reported a problem", lines);
    }

    /*
     * What computes the outputs (StageFingerprint turns these into the "tool" components of every
     * task's key). A new stage gets a sound key from the defaults: its own package's code.
     */

    /**
     * Bump when the stage's outputs change for the same inputs in a way its code digest does not
     * show (a library default that moved, say), or to make every cached result of it run again.
     */
    default int algorithmVersion() {
        return 1;
    }

    /**
     * The packages whose code computes this stage's outputs: by default the runner's own package
     * (and those below it). Add shared helpers that shape the output bytes (a JSON writer, say).
     */
    default java.util.List<String> codePackages() {
        return java.util.List.of(getClass().getPackageName());
    }

    /**
     * Classes (by name, so nothing is loaded) of the libraries that compute the outputs, e.g.
     * {@code org.bytedeco.ffmpeg.global.avcodec}: the jar each comes from, whose name carries the
     * library's version, is part of the key.
     */
    default java.util.List<String> libraryClasses() {
        return java.util.List.of();
    }

    /**
     * Programs outside wkforge that compute the outputs (the vendor's nnie_mapper), each by a
     * label and where this recipe finds it on this machine: keyed by content, like a file a
     * setting names, so installing another version re-runs the stage. Empty when none is found
     * (the stage is then unavailable and skipped).
     */
    default java.util.Map<String, java.nio.file.Path> externalPrograms(io.wkforge.lang.model.EffectiveRecipe recipe) {
        return java.util.Map.of();
    }
}
