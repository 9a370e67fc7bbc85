package io.wkforge.stages.nnie;

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
import io.wkforge.stages.caffe.ExportStage;
import io.wkforge.stages.caffe.VerifyStage;
import io.wkforge.stages.deploy.DeployStage;
import io.wkforge.stages.train.ShapeImages;
import io.wkforge.stages.train.TrainStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * split (a prepared dataset of generated shape pictures, in split's layout), then the real train,
 * export, verify, quantize and wk stages through the real executor. The recipe is the test's.
 */
final class Pipeline {
    static final String CLASSES = """
            classes {
              1 kitchen    red_disk      videos "v/none1.mp4"
              2 harmful    green_square  videos "v/none2.mp4"
              3 recyclable blue_triangle videos "v/none3.mp4"
              4 other      background    videos "v/none4.mp4"  background
            }
            """;

    final Path dir;
    final Path out;
    final Path prepared;
    final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    Function<String, String> environment = System::getenv;
    /** When set, train commits these model files instead of training (see {@link TrainedShapes}). */
    Path trainedModel;

    Pipeline(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.out = dir.resolve("build");
        this.prepared = dir.resolve("prepared-dataset");
        Files.createDirectories(dir.resolve("v"));
        for (int i = 1; i <= 4; i++) {
            Path v = dir.resolve("v/none" + i + ".mp4");
            if (!Files.exists(v)) Files.createFile(v);
        }
    }

    /** Train and val pictures of the four shape classes, {@code size} pixels square, with split's meta files. */
    Pipeline shapes(int trainPerClass, int valPerClass, int size) throws IOException {
        ShapeImages.writeSplit(prepared, trainPerClass, valPerClass, size);
        return this;
    }

    /** A pipeline on the shared trained model and its dataset (trained once per test run). */
    static Pipeline onTrainedShapes(Path dir) throws IOException {
        Pipeline p = new Pipeline(dir);
        TrainedShapes t = TrainedShapes.get();
        StandInStage.copyTree(t.dataset(), p.prepared);
        p.trainedModel = t.model();
        return p;
    }

    Path recipe(String text) throws IOException {
        return Files.writeString(dir.resolve("test.recipe"), CLASSES + text);
    }

    Executor.Result run(StageId... stages) throws IOException {
        return run(Set.of(), stages);
    }

    Executor.Result run(Set<StageId> forced, StageId... stages) throws IOException {
        CheckResult r = check();
        if (r.hasErrors() || r.recipe() == null) throw new AssertionError("recipe does not check: " + r.diagnostics());
        Layout layout = Layout.forRecipe(r.recipe(), out);
        RunListener listener = new RunListener() {
            @Override
            public void note(TaskSpec task, String message) {
                notes.add(message);
            }

            @Override
            public void warning(TaskSpec task, String message) {
                warnings.add(message);
            }
        };
        notes.clear();
        warnings.clear();
        StageRegistry registry = registry();
        Executor executor = new Executor(r.recipe(), layout, registry, listener, "test");
        return executor.run(new Executor.Options(List.of(stages), forced, 2), new RunRecord(layout.runsDir(), r.recipe(), "test", List.of()));
    }

    StageRegistry registry() {
        return new StageRegistry().register(StandInStage.committingFolder(StageId.SPLIT, prepared))
                .register(trainedModel == null ? new TrainStage() : StandInStage.committingModel(trainedModel))
                .register(new ExportStage())
                .register(new VerifyStage()).register(new QuantizeStage()).register(new WkStage(environment)).register(new DeployStage());
    }

    /** The recipe as the checker sees it (for plan and doctor tests). */
    CheckResult check() throws IOException {
        return Checker.check(SourceFile.read(dir.resolve("test.recipe")), new Checker.Options(List.of(), true), ImportResolver.standard());
    }

    Path file(String rel) {
        return out.resolve(rel);
    }

    /** The environment with PATH set to one folder (a stand-in mapper's) and nothing else. */
    static Function<String, String> pathOnly(Path folder) {
        Map<String, String> env = Map.of("PATH", folder.toString());
        return env::get;
    }
}
