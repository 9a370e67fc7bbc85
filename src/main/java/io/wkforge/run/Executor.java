package io.wkforge.run;

import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.plan.Planner;
import io.wkforge.plan.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Walks the stages in order and runs the tasks whose key changed. A run holds the build folder's
 * lock throughout ({@link RunLock}), first repairs what an interrupted run left
 * ({@link Recovery}), and gives each task its own staging folder under
 * {@code staging/<run id>/}; only when a task succeeds are its outputs published, through a
 * journaled commit ({@link Committer}), so a task killed half-way is simply not done. Keys are
 * recomputed from the outputs upstream tasks actually committed, so a re-run that reproduces the
 * same outputs stops the cascade.
 *
 * <p>This class walks the stages; each other part has its own home: {@link CacheCheck} (which
 * tasks are cached), {@link TaskAttempt} (run and commit one task) on a {@link TaskPool},
 * {@link Verdicts} (a stage's verdict on its problems), {@link Pruner} (outputs of tasks gone
 * from the recipe) and {@link RunGate} (how a run ends, and what an interrupt lets finish).
 */
public final class Executor {

    /**
     * @param stages      the stages to walk, in order (all, up to --until, or just --only)
     * @param waitForLock when another run holds the folder: wait for it (--wait) instead of failing
     */
    public record Options(List<StageId> stages, Set<StageId> forced, int threads, boolean waitForLock) {
        public Options(List<StageId> stages, Set<StageId> forced, int threads) {
            this(stages, forced, threads, false);
        }
    }

    public enum Outcome { OK, STAGE_FAILED, GATE_FAILED, INTERRUPTED }

    public record Result(Outcome outcome, List<String> failures, Path runRecord, int ran, int cached) {}

    /** The output folder holds stage folders that wkforge did not make: it refuses to touch them. */
    public static final class ForeignFolder extends RuntimeException {
        ForeignFolder(Path out, List<String> found) {
            super(out + " already holds " + String.join(", ", found.stream().map(f -> f + "/").toList())
                    + " but no .wkforge/ state: it was not made by wkforge, and a run deletes what no task "
                    + "produced in those folders; choose another --out, or empty it");
        }
    }

    private final EffectiveRecipe recipe;
    private final Layout layout;
    private final StageRegistry registry;
    private final RunListener listener;
    private final StampStore store;
    private final RunGate gate = new RunGate();
    private final Verdicts verdicts;
    private final Pruner pruner;
    private Committer.Steps commitSteps = Committer.Steps.NONE;

    public Executor(EffectiveRecipe recipe, Layout layout, StageRegistry registry, RunListener listener) {
        this(recipe, new StampStore(layout), registry, listener);
    }

    /** With the store a plan was made from, so input files hashed for the plan are not hashed again. */
    public Executor(EffectiveRecipe recipe, StampStore store, StageRegistry registry, RunListener listener) {
        this.recipe = recipe;
        this.layout = store.layout();
        this.registry = registry;
        this.listener = listener;
        this.store = store;
        this.verdicts = new Verdicts(recipe, store, registry, listener, layout);
        this.pruner = new Pruner(layout, store, listener);
    }

    /**
     * Kept for callers that pass the wkforge version: it no longer enters keys, which hold what
     * computes each stage instead (see {@link StageFingerprint}); the run record keeps it.
     */
    public Executor(EffectiveRecipe recipe, Layout layout, StageRegistry registry, RunListener listener, String wkforgeVersion) {
        this(recipe, layout, registry, listener);
    }

    public Executor(EffectiveRecipe recipe, StampStore store, StageRegistry registry, RunListener listener, String wkforgeVersion) {
        this(recipe, store, registry, listener);
    }

    public StampStore store() {
        return store;
    }

    /** Test hook: called after every step of every commit (see {@link Committer}). */
    Executor onCommitStep(Committer.Steps steps) {
        this.commitSteps = steps;
        return this;
    }

    /**
     * Ctrl-C (called from a shutdown hook): no task starts any more, a commit in flight finishes,
     * and the run record says the run was interrupted. Returns once no commit is in progress;
     * tasks still computing are abandoned (their staging is cleared by the next run; resumable
     * work in their work folders stays).
     */
    public void interrupt() {
        gate.interrupt();
    }

    public Result run(Options options, RunRecord record) throws IOException {
        RunLock.Listener lockListener = new RunLock.Listener() {
            @Override
            public void waiting(RunLock.Holder holder) {
                listener.waitingForLock(holder);
            }

            @Override
            public void previousRunDidNotFinish(RunLock.Holder holder) {
                listener.recovered("the previous run (" + holder + ") did not finish");
            }
        };
        try (RunLock lock = RunLock.acquire(layout.lockFile(), record.command(), options.waitForLock(), lockListener)) {
            store.reload(); // what was read before the lock may be out of date
            Committer committer = new Committer(layout, store, commitSteps);
            new Recovery(layout, store, committer, listener).run();
            Path staging = layout.stagingRoot().resolve(record.id());
            gate.open(record);
            record.save();
            Result result;
            try {
                result = walk(options, record, committer, staging);
            } finally {
                store.hasher().save();
            }
            AtomicFiles.deleteTree(staging);
            return result;
        }
    }

    /**
     * Refuses an output folder the user named (--out) that holds stage folders but no wkforge
     * state: a run deletes files in stage folders that no task produced, and these may be
     * someone's. The default {@code build/<recipe>} is wkforge's by convention (deleting its
     * {@code .wkforge/} forgets every result there).
     */
    public static void refuseForeignFolder(Layout layout) {
        if (Files.isDirectory(layout.stateDir())) return;
        List<String> found = Layout.outputFolders().stream().filter(f -> Files.exists(layout.outDir().resolve(f))).toList();
        if (!found.isEmpty()) throw new ForeignFolder(layout.outDir(), found);
    }

    private Result walk(Options options, RunRecord record, Committer committer, Path staging) throws IOException {
        Planner planner = new Planner(recipe, store, registry, options.forced()).withUnavailable(registry.unavailable(recipe));
        for (StageId stage : options.stages()) {
            if (registry.has(stage)) record.stageTools(stage, registry.componentsOf(stage));
        }
        Counts counts = new Counts();
        for (StageId stage : options.stages()) {
            if (gate.stopping()) break;
            List<TaskFailure> failures = walkStage(stage, options, planner, record, committer, staging, counts);
            if (failures == null) break; // interrupted
            if (!failures.isEmpty()) {
                // the report is still written, so the failure can be seen with everything else
                if (stage != StageId.REPORT && options.stages().contains(StageId.REPORT) && !gate.stopping()) {
                    walkStage(StageId.REPORT, options, planner, record, committer, staging, counts);
                }
                boolean gateFailed = failures.stream().anyMatch(TaskFailure::gate);
                Outcome outcome = gateFailed ? Outcome.GATE_FAILED : Outcome.STAGE_FAILED;
                if (!gate.end(gateFailed ? "gate_failed" : "failed", gateFailed ? 4 : 3)) break;
                return new Result(outcome, failures.stream().map(TaskFailure::text).toList(), record.file(), counts.ran, counts.cached);
            }
            record.save(); // a killed run's record shows how far it got
        }
        if (!gate.stopping() && gate.end("ok", 0)) return new Result(Outcome.OK, List.of(), record.file(), counts.ran, counts.cached);
        return new Result(Outcome.INTERRUPTED, List.of(), record.file(), counts.ran, counts.cached);
    }

    /** Tasks committed and tasks found cached so far in a run. */
    private static final class Counts {
        int ran;
        int cached;
    }

    /**
     * Runs the stale tasks of one stage (all of them for a stage that runs every time) and
     * commits each; then the stage's verdict, then pruning. Returns the failures (empty when all
     * went well), or null when interrupted.
     */
    private List<TaskFailure> walkStage(StageId stage, Options options, Planner planner, RunRecord record, Committer committer,
                                        Path staging, Counts counts) throws IOException {
        List<TaskSpec> tasks = planner.tasksOf(stage);
        String skip = planner.skipReason(stage);
        if (skip != null) {
            for (TaskSpec t : tasks) record.task(t.id(), "skipped", null, 0, skip);
            listener.stageSkipped(stage, skip);
            return List.of();
        }
        CacheCheck.Decision cache = CacheCheck.decide(stage, tasks, planner, store, options.forced(), record);
        counts.cached += cache.cached();
        listener.stageStarted(stage, cache.toRun().size(), tasks.size() - cache.toRun().size());
        if (!cache.toRun().isEmpty()) {
            StageRunner runner = registry.get(stage);
            if (runner == null) {
                throw new IllegalStateException("stage " + stage.id() + " has no implementation; the caller must refuse first");
            }
            TaskAttempt run = new TaskAttempt(runner, planner, cache.components(), record, committer, staging, recipe, layout, listener,
                    gate);
            List<TaskFailure> failures = run.all(cache.toRun(), options.threads());
            counts.ran += run.committed();
            if (gate.stopping()) return null;
            if (!failures.isEmpty()) return failures;
        }
        TaskFailure verdict = verdicts.judge(stage, tasks, record);
        if (verdict != null) {
            record.failure(verdict.text());
            return List.of(verdict);
        }
        if (!gate.whileOpen(() -> pruner.prune(stage, tasks))) return null;
        return List.of();
    }
}
