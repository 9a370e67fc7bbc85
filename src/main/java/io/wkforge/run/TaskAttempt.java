package io.wkforge.run;

import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.plan.Hashing;
import io.wkforge.plan.Layout;
import io.wkforge.plan.Planner;
import io.wkforge.plan.Stamp;
import io.wkforge.plan.TaskSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs one stage's stale tasks, each in its own staging folder, and commits each that succeeds
 * (through the {@link Committer}, while the {@link RunGate} is open): the task's key is worked
 * out while it runs, its inputs must not change meanwhile, and its stamp vouches only for data
 * flushed to disk.
 */
final class TaskAttempt {
    private final StageRunner runner;
    private final Planner planner;
    private final Map<String, Supplier<Map<String, String>>> comps;
    private final RunRecord record;
    private final Committer committer;
    private final Path staging;
    private final EffectiveRecipe recipe;
    private final Layout layout;
    private final RunListener listener;
    private final RunGate gate;
    private final AtomicInteger committed = new AtomicInteger();
    private StageShared shared;

    TaskAttempt(StageRunner runner, Planner planner, Map<String, Supplier<Map<String, String>>> comps, RunRecord record,
                Committer committer, Path staging, EffectiveRecipe recipe, Layout layout, RunListener listener, RunGate gate) {
        this.runner = runner;
        this.planner = planner;
        this.comps = comps;
        this.record = record;
        this.committer = committer;
        this.staging = staging;
        this.recipe = recipe;
        this.layout = layout;
        this.listener = listener;
        this.gate = gate;
    }

    /** How many tasks were committed. */
    int committed() {
        return committed.get();
    }

    /** Runs the tasks, in parallel where the stage allows; returns their failures. */
    List<TaskFailure> all(List<TaskSpec> tasks, int threads) {
        // what the stage's tasks share (frames: one encoder pool) lives exactly as long as they run
        try (StageShared s = new StageShared(threads)) {
            shared = s;
            return TaskPool.runAll(tasks, threads, runner.parallelTasks(), gate::stopping, this::one);
        }
    }

    /** Runs and commits one task; returns its failure, or null on success (or when interrupted). */
    private TaskFailure one(TaskSpec t, int threads) {
        CompletableFuture<Map<String, String>> keyComponents = CompletableFuture.supplyAsync(comps.get(t.id()));
        Path taskStaging = staging.resolve(safeName(t.id()));
        long start = System.nanoTime();
        listener.taskStarted(t);
        try {
            InputSnapshot inputs = InputSnapshot.of(t.inputs());
            Files.createDirectories(taskStaging);
            RunningTask ctx = new RunningTask(t, taskStaging, threads, recipe, layout, planner, listener, record,
                    keyComponents, workDirOf(layout, t), shared);
            runner.run(ctx);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Map<String, String> components = keyComponents.join();
            String changed = inputs.changed(t.inputs());
            if (changed != null) {
                throw new StageException("the input " + changed + " changed while it was being read; run again once it is complete");
            }
            String key = Hashing.ofComponents(components);
            Committer.Pending pending = prepare(t, taskStaging, key, components, millis, workDirOf(layout, t), ctx.problems());
            // interrupted: not committed, the next run does it again
            if (!gate.whileOpen(() -> committer.commit(pending))) return null;
            committed.incrementAndGet();
            AtomicFiles.deleteTree(taskStaging);
            record.task(t.id(), "ran", key, millis, null);
            listener.taskFinished(t, millis);
            return null;
        } catch (StageException e) {
            return failed(t, start, e);
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof UncheckedIOException io)) throw e;
            // an input vanished or became unreadable while its key was worked out
            return failed(t, start, new StageException("cannot read an input: " + io.getCause().getMessage()));
        } catch (IOException e) {
            return failed(t, start, new StageException("cannot write outputs: " + e.getMessage()));
        }
    }

    private TaskFailure failed(TaskSpec t, long start, StageException e) {
        record.task(t.id(), "failed", null, (System.nanoTime() - start) / 1_000_000, e.getMessage());
        listener.taskFailed(t, e);
        try {
            AtomicFiles.deleteTree(staging.resolve(safeName(t.id())));
        } catch (IOException ignored) {
            // cleared with the run's staging
        }
        return TaskFailure.of(t, e);
    }

    /**
     * The stamp a finished task will get: every staged file's size and content hash, each file
     * flushed to disk on the way (so a stamp never vouches for data still in the page cache).
     * Done before the commit lock, so tasks that finish together do not wait on each other.
     */
    private static Committer.Pending prepare(TaskSpec t, Path staging, String key, Map<String, String> comps, long millis,
                                             Path workDir, List<String> problems) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(staging)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        // on all cores: a task that wrote many files (frames) must not hash and flush them on one
        Map<String, String> outputs = new TreeMap<>();
        try {
            outputs.putAll(files.parallelStream().collect(java.util.stream.Collectors.toConcurrentMap(
                    f -> staging.relativize(f).toString().replace('\\', '/'), f -> {
                        try {
                            String entry = Files.size(f) + ":" + FileHasher.hashContent(f);
                            AtomicFiles.sync(f);
                            return entry;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        StringBuilder all = new StringBuilder();
        outputs.forEach((k, v) -> all.append(k).append('=').append(v).append('\n'));
        Stamp stamp = new Stamp(t.id(), key, comps, outputs, Hashing.of(all.toString()), Instant.now().toString(), millis,
                problems);
        return new Committer.Pending(stamp, staging, workDir);
    }

    /** The resumable-work folder of a task (see {@link TaskContext#workDir()}). */
    static Path workDirOf(Layout layout, TaskSpec t) {
        return layout.workRoot().resolve(safeName(t.id()));
    }

    private static String safeName(String taskId) {
        return taskId.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
