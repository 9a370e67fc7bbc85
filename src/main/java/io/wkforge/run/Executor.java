package io.wkforge.run;

import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.model.Setting;
import io.wkforge.lang.schema.StageId;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Walks the stages in order and runs the tasks whose key changed. A run holds the build folder's
 * lock throughout ({@link RunLock}), first repairs what an interrupted run left
 * ({@link Recovery}), and gives each task its own staging folder under
 * {@code staging/<run id>/}; only when a task succeeds are its outputs published, through a
 * journaled commit ({@link Committer}), so a task killed half-way is simply not done. Keys are
 * recomputed from the outputs upstream tasks actually committed, so a re-run that reproduces the
 * same outputs stops the cascade.
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
    private Committer.Steps commitSteps = Committer.Steps.NONE;

    /** Guards commits and the end of a run, so an interrupt lets a commit in flight finish. */
    private final Object commitLock = new Object();
    private volatile boolean stopping;
    private boolean closed; // under commitLock: no commit may start any more
    private RunRecord activeRecord; // under commitLock

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
        stopping = true;
        synchronized (commitLock) {
            if (closed || activeRecord == null) return;
            closed = true;
            activeRecord.finish("interrupted", 130);
            activeRecord.save();
        }
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
            synchronized (commitLock) {
                stopping = false;
                closed = false;
                activeRecord = record;
            }
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
            if (stopping) break;
            List<Failure> failures = walkStage(stage, options, planner, record, committer, staging, counts);
            if (failures == null) break; // interrupted
            if (!failures.isEmpty()) {
                // the report is still written, so the failure can be seen with everything else
                if (stage != StageId.REPORT && options.stages().contains(StageId.REPORT) && !stopping) {
                    walkStage(StageId.REPORT, options, planner, record, committer, staging, counts);
                }
                boolean gate = failures.stream().anyMatch(Failure::gate);
                Outcome outcome = gate ? Outcome.GATE_FAILED : Outcome.STAGE_FAILED;
                if (!end(record, gate ? "gate_failed" : "failed", gate ? 4 : 3)) break;
                return new Result(outcome, failures.stream().map(Failure::text).toList(), record.file(), counts.ran, counts.cached);
            }
            record.save(); // a killed run's record shows how far it got
        }
        if (!stopping && end(record, "ok", 0)) return new Result(Outcome.OK, List.of(), record.file(), counts.ran, counts.cached);
        return new Result(Outcome.INTERRUPTED, List.of(), record.file(), counts.ran, counts.cached);
    }

    /** Tasks committed and tasks found cached so far in a run. */
    private static final class Counts {
        int ran;
        int cached;
    }

    /**
     * Runs the stale tasks of one stage (all of them for a stage that runs every time) and
     * commits each; returns the failures (empty when all went well), or null when interrupted.
     */
    private List<Failure> walkStage(StageId stage, Options options, Planner planner, RunRecord record, Committer committer,
                                    Path staging, Counts counts) throws IOException {
        List<TaskSpec> tasks = planner.tasksOf(stage);
        String skip = planner.skipReason(stage);
        if (skip != null) {
            for (TaskSpec t : tasks) record.task(t.id(), "skipped", null, 0, skip);
            listener.stageSkipped(stage, skip);
            return List.of();
        }
        Map<StageId, String> upstream = new EnumMap<>(StageId.class);
        for (StageId up : Planner.upstreamOf(stage)) upstream.put(up, planner.readHash(stage, up));
        List<TaskSpec> toRun = new ArrayList<>();
        Map<String, Supplier<Map<String, String>>> comps = new TreeMap<>();
        for (TaskSpec t : tasks) {
            Stamp s = store.stamp(t.id());
            if (s == null || options.forced().contains(stage) || Planner.runsEveryRun(stage)) {
                // runs anyway: its key (which may hash a large input) is worked out while it runs
                comps.put(t.id(), () -> planner.components(t, upstream));
                toRun.add(t);
                continue;
            }
            Map<String, String> c = planner.components(t, upstream);
            comps.put(t.id(), () -> c);
            if (s.key().equals(Hashing.ofComponents(c)) && store.outputsIntact(s)) {
                counts.cached++;
                record.cached(t.id(), s.key(), s.finishedAt(), s.durationMs());
            } else {
                toRun.add(t);
            }
        }
        listener.stageStarted(stage, toRun.size(), tasks.size() - toRun.size());
        if (!toRun.isEmpty()) {
            StageRunner runner = registry.get(stage);
            if (runner == null) {
                throw new IllegalStateException("stage " + stage.id() + " has no implementation; the caller must refuse first");
            }
            TaskRun run = new TaskRun(runner, planner, comps, record, committer, staging);
            List<Failure> failures = run.all(toRun, options.threads());
            counts.ran += run.committed();
            if (stopping) return null;
            if (!failures.isEmpty()) return failures;
        }
        Failure verdict = judge(stage, tasks, record);
        if (verdict != null) {
            record.failure(verdict.text());
            return List.of(verdict);
        }
        synchronized (commitLock) {
            if (closed) return null;
            prune(stage, tasks);
        }
        return List.of();
    }

    /** Records how the run ended, unless an interrupt got there first; false in that case. */
    private boolean end(RunRecord record, String status, int exitCode) {
        synchronized (commitLock) {
            if (closed) return false;
            closed = true;
            record.finish(status, exitCode);
            record.save();
            return true;
        }
    }

    /** A failed task, as the user will read it; {@code gate} when an accuracy gate failed. */
    private record Failure(String text, boolean gate) {}

    /**
     * The stage's verdict on the problems its tasks reported (all of them are stamped by now,
     * whether they ran or were cached); null when the stage passes.
     */
    private Failure judge(StageId stage, List<TaskSpec> tasks, RunRecord record) {
        List<StageVerdict.Problem> problems = new ArrayList<>();
        for (TaskSpec t : tasks) {
            Stamp s = store.stamp(t.id());
            if (s != null) for (String p : s.problems()) problems.add(new StageVerdict.Problem(t, p));
        }
        StageRunner runner = registry.get(stage);
        if (problems.isEmpty() || runner == null) return null;
        Map<String, String> allowed = recipe.verdictSettingsOf(stage);
        StageVerdict verdict = new StageVerdict() {
            @Override
            public List<Problem> problems() {
                return List.copyOf(problems);
            }

            @Override
            public Setting setting(String qualifiedName) {
                if (!allowed.containsKey(qualifiedName)) {
                    throw new IllegalStateException("the verdict of stage " + stage.id() + " read setting " + qualifiedName
                            + ", which the schema does not declare as its verdict setting");
                }
                return recipe.setting(qualifiedName);
            }

            @Override
            public void warn(TaskSpec task, String message) {
                record.warning(task.id(), message);
                listener.warning(task, message);
            }
        };
        try {
            runner.judge(verdict);
            return null;
        } catch (StageException e) {
            StringBuilder sb = new StringBuilder(stage.id()).append(": ").append(e.getMessage());
            for (String d : e.details()) sb.append("\n    ").append(d);
            return new Failure(sb.toString(), e.isGate());
        }
    }

    /** The tasks of one stage that must run: started (in parallel where the stage allows), each committed on success. */
    private final class TaskRun {
        private final StageRunner runner;
        private final Planner planner;
        private final Map<String, Supplier<Map<String, String>>> comps;
        private final RunRecord record;
        private final Committer committer;
        private final Path staging;
        private final java.util.concurrent.atomic.AtomicInteger committed = new java.util.concurrent.atomic.AtomicInteger();
        private StageShared shared;

        TaskRun(StageRunner runner, Planner planner, Map<String, Supplier<Map<String, String>>> comps, RunRecord record,
                Committer committer, Path staging) {
            this.runner = runner;
            this.planner = planner;
            this.comps = comps;
            this.record = record;
            this.committer = committer;
            this.staging = staging;
        }

        int committed() {
            return committed.get();
        }

        List<Failure> all(List<TaskSpec> tasks, int threads) {
            try (StageShared s = new StageShared(threads)) {
                shared = s;
                return allSharing(tasks, threads);
            }
        }

        private List<Failure> allSharing(List<TaskSpec> tasks, int threads) {
            List<Failure> failures = new ArrayList<>();
            if (!runner.parallelTasks() || tasks.size() == 1 || threads <= 1) {
                for (TaskSpec t : tasks) {
                    if (stopping) break;
                    Failure f = one(t, threads);
                    if (f != null) failures.add(f);
                }
                return failures;
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
                Thread th = new Thread(r, "wkforge-task");
                th.setDaemon(true);
                return th;
            });
            try {
                List<Future<Failure>> futures = new ArrayList<>();
                for (TaskSpec t : tasks) futures.add(pool.submit(() -> stopping ? null : one(t, 1)));
                // Wait for every task, even after one hit a bug, so nothing keeps running behind the caller's back.
                RuntimeException bug = null;
                for (Future<Failure> f : futures) {
                    try {
                        Failure r = f.get();
                        if (r != null) failures.add(r);
                    } catch (ExecutionException e) {
                        if (bug == null) {
                            bug = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }
                if (bug != null) throw bug;
            } finally {
                pool.shutdownNow();
            }
            return failures;
        }

        /** Runs and commits one task; returns its failure, or null on success (or when interrupted). */
        private Failure one(TaskSpec t, int threads) {
            CompletableFuture<Map<String, String>> keyComponents = CompletableFuture.supplyAsync(comps.get(t.id()));
            Path taskStaging = staging.resolve(safeName(t.id()));
            long start = System.nanoTime();
            listener.taskStarted(t);
            try {
                InputSnapshot inputs = InputSnapshot.of(t.inputs());
                Files.createDirectories(taskStaging);
                RunningTask ctx = new RunningTask(t, taskStaging, threads, recipe, layout, planner, listener, record,
                        keyComponents, workDirOf(t), shared);
                runner.run(ctx);
                long millis = (System.nanoTime() - start) / 1_000_000;
                Map<String, String> components = keyComponents.join();
                String changed = inputs.changed(t.inputs());
                if (changed != null) {
                    throw new StageException("the input " + changed + " changed while it was being read; run again once it is complete");
                }
                String key = Hashing.ofComponents(components);
                Committer.Pending pending = prepare(t, taskStaging, key, components, millis, workDirOf(t), ctx.problems());
                synchronized (commitLock) {
                    if (closed) return null; // interrupted: not committed, the next run does it again
                    committer.commit(pending);
                }
                committed.incrementAndGet();
                AtomicFiles.deleteTree(taskStaging);
                record.task(t.id(), "ran", key, millis, null);
                listener.taskFinished(t, millis);
                return null;
            } catch (StageException e) {
                return failed(t, start, e, e.isGate());
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof UncheckedIOException io)) throw e;
                // an input vanished or became unreadable while its key was worked out
                return failed(t, start, new StageException("cannot read an input: " + io.getCause().getMessage()), false);
            } catch (IOException e) {
                return failed(t, start, new StageException("cannot write outputs: " + e.getMessage()), false);
            }
        }

        private Failure failed(TaskSpec t, long start, StageException e, boolean gate) {
            record.task(t.id(), "failed", null, (System.nanoTime() - start) / 1_000_000, e.getMessage());
            listener.taskFailed(t, e);
            try {
                AtomicFiles.deleteTree(staging.resolve(safeName(t.id())));
            } catch (IOException ignored) {
                // cleared with the run's staging
            }
            StringBuilder sb = new StringBuilder(t.id()).append(": ").append(e.getMessage());
            for (String d : e.details()) sb.append("\n    ").append(d);
            return new Failure(sb.toString(), gate);
        }
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
            Map<String, String> each = files.parallelStream().collect(java.util.stream.Collectors.toConcurrentMap(
                    f -> staging.relativize(f).toString().replace('\\', '/'), f -> {
                        try {
                            String entry = Files.size(f) + ":" + FileHasher.hashContent(f);
                            AtomicFiles.sync(f);
                            return entry;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
            outputs.putAll(each);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        StringBuilder all = new StringBuilder();
        outputs.forEach((k, v) -> all.append(k).append('=').append(v).append('\n'));
        Stamp stamp = new Stamp(t.id(), key, comps, outputs, Hashing.of(all.toString()), Instant.now().toString(), millis,
                problems);
        return new Committer.Pending(stamp, staging, workDir);
    }

    /** Removes outputs and stamps of tasks that are no longer in the recipe (a video removed, say). */
    private void prune(StageId stage, List<TaskSpec> current) throws IOException {
        Path dir = layout.stampsDir().resolve(stage.id());
        if (!Files.isDirectory(dir) || stage != StageId.FRAMES) return;
        Set<String> keep = new HashSet<>();
        for (TaskSpec t : current) keep.add(t.id());
        List<Path> stampFiles;
        try (Stream<Path> walk = Files.walk(dir)) {
            stampFiles = walk.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        for (Path f : stampFiles) {
            String id = layout.stampsDir().relativize(f).toString().replace('\\', '/');
            id = id.substring(0, id.length() - ".yaml".length());
            if (keep.contains(id)) continue;
            Stamp s = store.stamp(id);
            // outputs first: a kill in between leaves the stamp, and the next run prunes the rest
            if (s != null) {
                for (String rel : s.outputs().keySet()) Files.deleteIfExists(layout.outDir().resolve(rel));
            }
            store.remove(id);
            Files.deleteIfExists(f);
            listener.pruned(id);
        }
    }

    /** The resumable-work folder of a task (see {@link TaskContext#workDir()}). */
    private Path workDirOf(TaskSpec t) {
        return layout.workRoot().resolve(safeName(t.id()));
    }

    private static String safeName(String taskId) {
        return taskId.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
