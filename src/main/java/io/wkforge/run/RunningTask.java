package io.wkforge.run;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.model.Setting;
import io.wkforge.lang.schema.Schema;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Hashing;
import io.wkforge.plan.Layout;
import io.wkforge.plan.Planner;
import io.wkforge.plan.StageReads;
import io.wkforge.plan.TaskSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link TaskContext} of a running task. It hands out only what the task's key covers: the
 * settings its stage reads, the class table where keyed, and the upstream outputs its stage
 * declares in {@link StageReads}; any other read is a programming error and fails loudly.
 */
final class RunningTask implements TaskContext {
    private final TaskSpec task;
    private final Path staging;
    private final int threads;
    private final EffectiveRecipe recipe;
    private final Layout layout;
    private final Planner planner;
    private final RunListener listener;
    private final RunRecord record;
    private final CompletableFuture<Map<String, String>> keyComponents;
    private final Path workDir;
    private final List<String> problems = new ArrayList<>();
    private final StageShared shared;

    RunningTask(TaskSpec task, Path staging, int threads, EffectiveRecipe recipe, Layout layout, Planner planner,
                RunListener listener, RunRecord record, CompletableFuture<Map<String, String>> keyComponents, Path workDir,
                StageShared shared) {
        this.shared = shared;
        this.task = task;
        this.staging = staging;
        this.threads = threads;
        this.recipe = recipe;
        this.layout = layout;
        this.planner = planner;
        this.listener = listener;
        this.record = record;
        this.keyComponents = keyComponents;
        this.workDir = workDir;
    }

    @Override public TaskSpec task() { return task; }
    @Override public Layout layout() { return layout; }
    @Override public Path staging() { return staging; }
    @Override public int threads() { return threads; }

    @Override
    public <T extends AutoCloseable> T shared(Class<T> type, java.util.function.IntFunction<? extends T> make) {
        return shared.get(type, make);
    }
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
    public String recipeName() {
        if (!Schema.RECIPE_NAME_READ_BY.contains(task.stage())) {
            throw new IllegalStateException("stage " + task.stage().id()
                    + " read the recipe's name, which its cache key does not cover: add it to Schema.RECIPE_NAME_READ_BY");
        }
        return recipe.stem();
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
        StageReads.Read read = declaredRead(upstream);
        if (planner.declaredOutputs(task.stage(), upstream).containsKey(relativePath)) {
            return layout.outDir().resolve(relativePath);
        }
        if (read instanceof StageReads.Matching m && !m.matches(relativePath)) {
            throw new IllegalStateException("stage " + task.stage().id() + " read " + relativePath + " of " + upstream.id()
                    + ", which its key does not cover: it declares only " + m + " (add it to io.wkforge.plan.StageReads)");
        }
        throw new StageException("stage `" + upstream.id() + "` has not produced " + relativePath
                + "; run it first (wkforge run --until " + upstream.id() + ")");
    }

    @Override
    public List<Path> outputsOf(StageId upstream) {
        declaredRead(upstream);
        SortedMap<String, String> declared = planner.declaredOutputs(task.stage(), upstream);
        List<Path> out = new ArrayList<>(declared.size());
        for (String rel : declared.keySet()) out.add(layout.outDir().resolve(rel));
        return out;
    }

    private StageReads.Read declaredRead(StageId upstream) {
        StageReads.Read read = StageReads.of(task.stage()).get(upstream);
        if (read == null) {
            throw new IllegalStateException("stage " + task.stage().id() + " read an output of " + upstream.id()
                    + ", which is not among the stages it reads (io.wkforge.plan.StageReads)");
        }
        return read;
    }

    @Override
    public Path workDir() {
        String key = Hashing.ofComponents(keyComponents.join());
        try {
            Path keyFile = workDir.resolve(".key");
            if (Files.isDirectory(workDir) && !(Files.isRegularFile(keyFile) && Files.readString(keyFile).equals(key))) {
                AtomicFiles.deleteTree(workDir); // work of another key: settings or inputs changed since
            }
            Files.createDirectories(workDir);
            if (!Files.exists(keyFile)) AtomicFiles.writeDurably(keyFile, key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return workDir;
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

    /** What the task reported with {@link #problem}, for its stamp. */
    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public RunSoFar thisRun() {
        return record.soFar();
    }
}
