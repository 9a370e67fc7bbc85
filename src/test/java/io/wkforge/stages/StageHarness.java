package io.wkforge.stages;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.check.Checker;
import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lang.schema.StageId;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.plan.Layout;
import io.wkforge.plan.TaskSpec;
import io.wkforge.run.Executor;
import io.wkforge.run.RunListener;
import io.wkforge.run.RunRecord;
import io.wkforge.run.StageRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Runs stages of a recipe end to end through the real executor, as `wkforge run` does. */
public final class StageHarness {
    public final Path recipe;
    public final Path out;
    public final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    public Executor executor;

    public StageHarness(Path recipe) {
        this.recipe = recipe;
        this.out = recipe.getParent().resolve("build");
    }

    public static StageHarness write(Path dir, String recipeText) throws IOException {
        return new StageHarness(Files.writeString(dir.resolve("test.recipe"), recipeText));
    }

    public Executor.Result run(StageId... stages) throws IOException {
        return run(StageRegistry.discover(), stages);
    }

    /** With a registry of the test's choosing (a stand-in for a stage another branch builds, say). */
    public Executor.Result run(StageRegistry registry, StageId... stages) throws IOException {
        return run(registry, 2, stages);
    }

    /** With the number of threads the run gives each stage (the CLI's --threads). */
    public Executor.Result runWithThreads(int threads, StageId... stages) throws IOException {
        return run(StageRegistry.discover(), threads, stages);
    }

    private Executor.Result run(StageRegistry registry, int threads, StageId... stages) throws IOException {
        CheckResult r = Checker.check(SourceFile.read(recipe), new Checker.Options(List.of(), true), ImportResolver.standard());
        if (r.hasErrors() || r.recipe() == null) throw new AssertionError("recipe does not check: " + r.diagnostics());
        Layout layout = Layout.forRecipe(r.recipe(), out);
        RunListener listener = new RunListener() {
            @Override
            public void warning(TaskSpec task, String message) {
                warnings.add(task.id() + ": " + message);
            }
        };
        warnings.clear();
        executor = new Executor(r.recipe(), layout, registry, listener);
        return executor.run(new Executor.Options(List.of(stages), Set.of(), threads),
                new RunRecord(layout.runsDir(), r.recipe(), "test", List.of()));
    }

    /** Files under a folder of the out dir, relative to it, sorted. */
    public List<String> files(String under) throws IOException {
        Path root = out.resolve(under);
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
