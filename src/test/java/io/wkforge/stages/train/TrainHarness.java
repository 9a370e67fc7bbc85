package io.wkforge.stages.train;

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
import io.wkforge.stages.StandInStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Runs {@code split} and {@code train} through the real executor, with a {@code split} that
 * commits a dataset the test prepared (in split's layout) instead of cutting one from videos:
 * exact control over the images, and the executor's real staging, commit and work folders.
 */
final class TrainHarness {
    static final String CLASSES = """
            classes {
              1 kitchen    red_disk      videos "v/none1.mp4"
              2 harmful    green_square  videos "v/none2.mp4"
              3 recyclable blue_triangle videos "v/none3.mp4"
              4 other      background    videos "v/none4.mp4"  background
            }
            """;

    final Path dir;
    final Path recipe;
    final Path out;
    final Path prepared;
    final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    /** Called with each note and progress line; may throw to simulate a crash at that point. */
    BiConsumer<String, String> observer = (kind, text) -> {};

    TrainHarness(Path dir, String recipeText) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.recipe = Files.writeString(dir.resolve("test.recipe"), recipeText);
        this.out = dir.resolve("build");
        this.prepared = dir.resolve("prepared-dataset");
        // the class table must name videos that exist; frames never runs here, so they stay empty
        Files.createDirectories(dir.resolve("v"));
        for (int i = 1; i <= 4; i++) if (!Files.exists(dir.resolve("v/none" + i + ".mp4"))) Files.createFile(dir.resolve("v/none" + i + ".mp4"));
    }

    /** Prepares train/val images of the four shape classes in split's layout, with split's meta files. */
    void shapes(int trainPerClass, int valPerClass, int size) throws IOException {
        ShapeImages.writeSplit(prepared, trainPerClass, valPerClass, size);
    }

    Executor.Result run() throws IOException {
        return run(List.of(StageId.SPLIT, StageId.TRAIN));
    }

    /** Runs these stages; export and verify run for real when listed. */
    Executor.Result run(List<StageId> stages) throws IOException {
        CheckResult r = Checker.check(SourceFile.read(recipe), new Checker.Options(List.of(), true), ImportResolver.standard());
        if (r.hasErrors() || r.recipe() == null) throw new AssertionError("recipe does not check: " + r.diagnostics());
        Layout layout = Layout.forRecipe(r.recipe(), out);
        RunListener listener = new RunListener() {
            @Override
            public void note(TaskSpec task, String message) {
                notes.add(message);
                observer.accept("note", message);
            }

            @Override
            public void warning(TaskSpec task, String message) {
                warnings.add(message);
            }

            @Override
            public void taskProgress(TaskSpec task, long done, long total, String unit) {
                observer.accept("progress", done + "/" + total + " " + unit);
            }
        };
        StageRegistry registry = new StageRegistry().register(StandInStage.committingFolder(StageId.SPLIT, prepared)).register(new TrainStage())
                .register(new io.wkforge.stages.caffe.ExportStage()).register(new io.wkforge.stages.caffe.VerifyStage());
        Executor executor = new Executor(r.recipe(), layout, registry, listener, "test");
        return executor.run(new Executor.Options(stages, Set.of(), 2),
                new RunRecord(layout.runsDir(), r.recipe(), "test", List.of()));
    }

    Path model(String file) {
        return out.resolve("model").resolve(file);
    }
}
