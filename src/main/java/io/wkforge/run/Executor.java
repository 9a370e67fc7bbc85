package io.wkforge.run;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.model.Setting;
import io.wkforge.lang.schema.Schema;
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
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Walks the stages in order and runs the tasks whose key changed. Each task writes into its own
 * staging folder; only when it succeeds are its outputs moved into place and its stamp written,
 * so a task killed half-way is simply not done. Keys are recomputed from the outputs upstream
 * tasks actually committed, so a re-run that reproduces the same outputs stops the cascade.
 */
public final class Executor {

    /** @param stages the stages to walk, in order (all, up to --until, or just --only) */
    public record Options(List<StageId> stages, Set<StageId> forced, int threads) {}

    public enum Outcome { OK, STAGE_FAILED, GATE_FAILED }

    public record Result(Outcome outcome, List<String> failures, Path runRecord, int ran, int cached) {}

    private final EffectiveRecipe recipe;
    private final Layout layout;
    private final StageRegistry registry;
    private final RunListener listener;
    private final String toolVersion;
    private final StampStore store;

    public Executor(EffectiveRecipe recipe, Layout layout, StageRegistry registry, RunListener listener, String toolVersion) {
        this(recipe, new StampStore(layout), registry, listener, toolVersion);
    }

    /** With the store a plan was made from, so input files hashed for the plan are not hashed again. */
    public Executor(EffectiveRecipe recipe, StampStore store, StageRegistry registry, RunListener listener, String toolVersion) {
        this.recipe = recipe;
        this.layout = store.layout();
        this.registry = registry;
        this.listener = listener;
        this.toolVersion = toolVersion;
        this.store = store;
    }

    public StampStore store() {
        return store;
    }

    public Result run(Options options, RunRecord record) throws IOException {
        Planner planner = new Planner(recipe, store, toolVersion, options.forced()).withUnavailable(registry.unavailable(recipe));
        AtomicFiles.deleteTree(layout.stagingRoot()); // leftovers of a killed run
        record.save();
        int ran = 0;
        int cached = 0;
        try {
            for (StageId stage : options.stages()) {
                List<TaskSpec> tasks = planner.tasksOf(stage);
                String skip = planner.skipReason(stage);
                if (skip != null) {
                    for (TaskSpec t : tasks) record.task(t.id(), "skipped", null, 0, skip);
                    listener.stageSkipped(stage, skip);
                    continue;
                }
                Map<StageId, String> upstream = new EnumMap<>(StageId.class);
                for (StageId up : Planner.upstreamOf(stage)) {
                    upstream.put(up, planner.committedOutputHash(up));
                }
                List<TaskSpec> toRun = new ArrayList<>();
                Map<String, Supplier<Map<String, String>>> comps = new TreeMap<>();
                for (TaskSpec t : tasks) {
                    Stamp s = store.stamp(t.id());
                    boolean forcedStage = options.forced().contains(stage);
                    if (s == null || forcedStage) {
                        // runs anyway: its key (which may hash a large input) is worked out while it runs
                        comps.put(t.id(), () -> planner.components(t, upstream));
                        toRun.add(t);
                        continue;
                    }
                    Map<String, String> c = planner.components(t, upstream);
                    comps.put(t.id(), () -> c);
                    boolean fresh = s.key().equals(Hashing.ofComponents(c)) && store.outputsIntact(s);
                    if (fresh) {
                        cached++;
                        record.task(t.id(), "cached", s.key(), 0, null);
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
                    List<Failure> failures = runTasks(runner, toRun, comps, options.threads(), record);
                    ran += toRun.size() - failures.size();
                    if (!failures.isEmpty()) {
                        boolean gate = failures.stream().anyMatch(Failure::gate);
                        List<String> clean = failures.stream().map(Failure::text).toList();
                        record.finish(gate ? "gate_failed" : "failed", gate ? 4 : 3);
                        record.save();
                        return new Result(gate ? Outcome.GATE_FAILED : Outcome.STAGE_FAILED, clean, record.file(), ran, cached);
                    }
                }
                Failure verdict = judge(stage, tasks, record);
                if (verdict != null) {
                    record.failure(verdict.text());
                    record.finish(verdict.gate() ? "gate_failed" : "failed", verdict.gate() ? 4 : 3);
                    record.save();
                    return new Result(verdict.gate() ? Outcome.GATE_FAILED : Outcome.STAGE_FAILED, List.of(verdict.text()),
                            record.file(), ran, cached);
                }
                prune(stage, tasks);
            }
        } finally {
            store.hasher().save();
        }
        record.finish("ok", 0);
        record.save();
        return new Result(Outcome.OK, List.of(), record.file(), ran, cached);
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

    private List<Failure> runTasks(StageRunner runner, List<TaskSpec> tasks, Map<String, Supplier<Map<String, String>>> comps,
                                  int threads, RunRecord record) {
        List<Failure> failures = new ArrayList<>();
        if (!runner.parallelTasks() || tasks.size() == 1 || threads <= 1) {
            for (TaskSpec t : tasks) {
                Failure f = runOne(runner, t, comps.get(t.id()), threads, record);
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
            for (TaskSpec t : tasks) futures.add(pool.submit(() -> runOne(runner, t, comps.get(t.id()), 1, record)));
            // Wait for every task, even after one hit a bug, so nothing keeps running behind the caller's back.
            RuntimeException bug = null;
            for (Future<Failure> f : futures) {
                try {
                    Failure r = f.get();
                    if (r != null) failures.add(r);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (bug == null) bug = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
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

    /** Runs and commits one task; returns its failure, or null on success. */
    private Failure runOne(StageRunner runner, TaskSpec t, Supplier<Map<String, String>> keyComponents, int threads,
                          RunRecord record) {
        CompletableFuture<Map<String, String>> comps = CompletableFuture.supplyAsync(keyComponents);
        Path staging = layout.stagingRoot().resolve(t.id().replaceAll("[^A-Za-z0-9_.-]", "_"));
        long start = System.nanoTime();
        listener.taskStarted(t);
        try {
            AtomicFiles.deleteTree(staging);
            Files.createDirectories(staging);
            Context ctx = new Context(t, staging, threads, record, comps);
            runner.run(ctx);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Map<String, String> components = comps.join();
            String key = Hashing.ofComponents(components);
            commit(t, staging, key, components, millis, ctx.problems());
            AtomicFiles.deleteTree(workDirOf(t));
            record.task(t.id(), "ran", key, millis, null);
            listener.taskFinished(t, millis);
            return null;
        } catch (StageException e) {
            record.task(t.id(), "failed", null, (System.nanoTime() - start) / 1_000_000, e.getMessage());
            listener.taskFailed(t, e);
            StringBuilder sb = new StringBuilder(t.id()).append(": ").append(e.getMessage());
            for (String d : e.details()) sb.append("\n    ").append(d);
            return new Failure(sb.toString(), e.isGate());
        } catch (java.util.concurrent.CompletionException e) {
            if (!(e.getCause() instanceof UncheckedIOException io)) throw e;
            // an input vanished or became unreadable while the task ran
            StageException se = new StageException("cannot read an input: " + io.getCause().getMessage());
            record.task(t.id(), "failed", null, (System.nanoTime() - start) / 1_000_000, se.getMessage());
            listener.taskFailed(t, se);
            return new Failure(t.id() + ": " + se.getMessage(), false);
        } catch (IOException e) {
            StageException se = new StageException("cannot write outputs: " + e.getMessage());
            listener.taskFailed(t, se);
            return new Failure(t.id() + ": " + se.getMessage(), false);
        } finally {
            try {
                AtomicFiles.deleteTree(staging);
            } catch (IOException ignored) {
                // removed at the start of the next run
            }
        }
    }

    /**
     * Moves a task's staged outputs into place and stamps it. Content hashes are taken before the
     * lock, so tasks that finish together do not wait on each other's hashing.
     */
    private void commit(TaskSpec t, Path staging, String key, Map<String, String> comps, long millis, List<String> problems)
            throws IOException {
        Map<String, Path> staged = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                staged.put(staging.relativize(f).toString().replace('\\', '/'), f);
            }
        }
        Map<String, String> outputs = new TreeMap<>();
        for (Map.Entry<String, Path> e : staged.entrySet()) {
            outputs.put(e.getKey(), Files.size(e.getValue()) + ":" + FileHasher.hashContent(e.getValue()));
        }
        StringBuilder all = new StringBuilder();
        outputs.forEach((k, v) -> all.append(k).append('=').append(v).append('\n'));
        Stamp stamp = new Stamp(t.id(), key, comps, outputs, Hashing.of(all.toString()), Instant.now().toString(), millis, problems);
        synchronized (this) {
            Stamp old = store.stamp(t.id());
            store.remove(t.id()); // from here until the new stamp is written the task counts as not done
            if (old != null) {
                for (String rel : old.outputs().keySet()) {
                    if (!staged.containsKey(rel)) Files.deleteIfExists(layout.outDir().resolve(rel));
                }
            }
            for (Map.Entry<String, Path> e : staged.entrySet()) {
                AtomicFiles.move(e.getValue(), layout.outDir().resolve(e.getKey()));
            }
            store.write(stamp);
        }
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
            if (s != null) {
                for (String rel : s.outputs().keySet()) Files.deleteIfExists(layout.outDir().resolve(rel));
            }
            Files.deleteIfExists(f);
            listener.pruned(id);
        }
    }

    /** The resumable-work folder of a task (see {@link TaskContext#workDir()}). */
    private Path workDirOf(TaskSpec t) {
        return layout.stateDir().resolve("work").resolve(t.id().replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    private final class Context implements TaskContext {
        private final TaskSpec task;
        private final Path staging;
        private final int threads;
        private final RunRecord record;
        private final CompletableFuture<Map<String, String>> keyComponents;
        private final List<String> problems = new ArrayList<>();

        Context(TaskSpec task, Path staging, int threads, RunRecord record, CompletableFuture<Map<String, String>> keyComponents) {
            this.task = task;
            this.staging = staging;
            this.threads = threads;
            this.record = record;
            this.keyComponents = keyComponents;
        }

        @Override public EffectiveRecipe recipe() { return recipe; }
        @Override public TaskSpec task() { return task; }
        @Override public Layout layout() { return layout; }
        @Override public Path staging() { return staging; }
        @Override public int threads() { return threads; }
        @Override public Path recipeDir() { return recipe.dir(); }

        @Override
        public Setting setting(String qualifiedName) {
            if (!task.settings().containsKey(qualifiedName)) {
                throw new IllegalStateException("stage " + task.stage().id() + " read setting " + qualifiedName
                        + ", which its cache key does not cover: declare the stage as a reader in the schema");
            }
            return recipe.setting(qualifiedName);
        }

        @Override
        public List<ClassDef> classes() {
            if (task.isPerVideo()) return List.of(task.classDef());
            if (!Schema.CLASSES_READ_BY.contains(task.stage())) {
                throw new IllegalStateException("stage " + task.stage().id()
                        + " read the class table, which its cache key does not cover: add it to Schema.CLASSES_READ_BY");
            }
            return recipe.classes();
        }

        @Override
        public Path input(StageId upstream, String relativePath) throws StageException {
            if (!task.upstream().contains(upstream)) {
                throw new IllegalStateException("stage " + task.stage().id() + " read an output of " + upstream.id()
                        + ", which is not among its upstream stages (Planner.upstreamOf)");
            }
            for (Path p : outputsOf(upstream)) {
                if (layout.outDir().relativize(p).toString().replace('\\', '/').equals(relativePath)) return p;
            }
            throw new StageException("stage `" + upstream.id() + "` has not produced " + relativePath
                    + "; run it first (wkforge run --until " + upstream.id() + ")");
        }

        @Override
        public Path workDir() {
            Path dir = workDirOf(task);
            String key = Hashing.ofComponents(keyComponents.join());
            try {
                Path keyFile = dir.resolve(".key");
                if (Files.isDirectory(dir) && !(Files.isRegularFile(keyFile) && Files.readString(keyFile).equals(key))) {
                    AtomicFiles.deleteTree(dir); // work of another key: settings or inputs changed since
                }
                Files.createDirectories(dir);
                if (!Files.exists(keyFile)) Files.writeString(keyFile, key);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return dir;
        }

        @Override
        public Path stagingDir(StageId stage) {
            Path p = staging.resolve(Layout.dirOf(stage)).normalize();
            try {
                Files.createDirectories(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p;
        }

        @Override
        public List<Path> outputsOf(StageId upstream) {
            List<Path> out = new ArrayList<>();
            Planner planner = new Planner(recipe, store, toolVersion, Set.of());
            for (TaskSpec t : planner.tasksOf(upstream)) {
                Stamp s = store.stamp(t.id());
                if (s != null) for (String rel : s.outputs().keySet()) out.add(layout.outDir().resolve(rel));
            }
            out.sort(null);
            return out;
        }

        @Override
        public Progress progress() {
            return (done, total, unit) -> listener.taskProgress(task, done, total, unit);
        }

        @Override
        public void note(String message) {
            listener.note(task, message);
        }

        @Override
        public void warn(String message) {
            record.warning(task.id(), message);
            listener.warning(task, message);
        }

        @Override
        public synchronized void problem(String message) {
            problems.add(message);
        }

        synchronized List<String> problems() {
            return List.copyOf(problems);
        }
    }
}
