package io.wkforge.stages.common.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.Executor;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRegistry;
import io.wkforge.run.StageRunner;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.StageHarness;
import io.wkforge.stages.StandInStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * split's lists through their one owner, read by stages as they run (through the real executor,
 * so each reader sees only what its stage declares it reads): what the writer writes is read
 * back, and a bad line is refused by verify and quantize alike (train's own test is
 * TrainErrorsTest).
 */
class SplitListsTest {
    @TempDir Path dir;

    private static final String RECIPE = """
            classes {
              1 kitchen tomato videos "v/a.mp4"
              2 kitchen eggplant videos "v/b.mp4"
              3 other empty videos "v/c.mp4" background
            }
            """;
    private static final List<String> FOLDERS = List.of("01_kitchen_tomato", "02_kitchen_eggplant", "03_other_empty");

    /** A stage that only reads one side of the lists, as verify and quantize do. */
    private static final class Reader implements StageRunner {
        final StageId stage;
        final List<SplitLists.Image> images = new ArrayList<>();
        final List<String> classes = new ArrayList<>();

        Reader(StageId stage) {
            this.stage = stage;
        }

        @Override
        public StageId stage() {
            return stage;
        }

        @Override
        public void run(TaskContext ctx) throws StageException {
            images.addAll(SplitLists.read(ctx, Side.VAL, 3));
            classes.addAll(SplitLists.classes(ctx));
        }
    }

    private Path dataset() throws Exception {
        Path d = dir.resolve("prepared");
        SplitLists.Writer w = new SplitLists.Writer();
        for (String f : FOLDERS) {
            w.addClass(f);
            for (String side : List.of("train", "val")) {
                Files.createDirectories(d.resolve(side).resolve(f));
                Files.writeString(d.resolve(side).resolve(f).resolve(f + "_x_000001.png"), "picture of " + f);
            }
            w.add(Side.TRAIN, f, f + "_x_000001.png").add(Side.VAL, f, f + "_x_000001.png");
        }
        w.write(d);
        return d;
    }

    private Executor.Result run(Path prepared, Reader reader) throws Exception {
        Files.createDirectories(dir.resolve("v"));
        for (String v : List.of("a", "b", "c")) if (!Files.exists(dir.resolve("v/" + v + ".mp4"))) Files.writeString(dir.resolve("v/" + v + ".mp4"), "");
        Path fake = Files.createDirectories(dir.resolve("fake"));
        Files.writeString(fake.resolve("model.json"), "{}");
        Files.writeString(fake.resolve("model.safetensors"), "");
        Files.writeString(fake.resolve("model.prototxt"), "");
        Files.writeString(fake.resolve("model.caffemodel"), "");
        Files.writeString(fake.resolve("export.json"), "{}");
        StageRegistry registry = new StageRegistry().register(StandInStage.committingFolder(StageId.SPLIT, prepared))
                .register(StandInStage.committingFolder(StageId.TRAIN, fake)).register(StandInStage.committingFolder(StageId.EXPORT, fake))
                .register(reader);
        StageHarness h = StageHarness.write(dir, RECIPE);
        return h.run(registry, StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, reader.stage());
    }

    @Test
    void whatTheWriterWritesIsReadBackInLabelOrder() throws Exception {
        Path d = dataset();
        assertEquals(String.join("\n", FOLDERS) + "\n", Files.readString(d.resolve("classes.txt")));
        assertEquals("02_kitchen_eggplant/02_kitchen_eggplant_x_000001.png 1", Files.readAllLines(d.resolve("meta/val.txt")).get(1));
        for (StageId stage : List.of(StageId.VERIFY, StageId.QUANTIZE)) {
            Reader r = new Reader(stage);
            Executor.Result result = run(d, r);
            assertEquals(Executor.Outcome.OK, result.outcome(), stage + ": " + result.failures());
            assertEquals(FOLDERS, r.classes);
            assertEquals(List.of(0, 1, 2), r.images.stream().map(SplitLists.Image::label).toList());
            assertEquals("dataset/val/03_other_empty/03_other_empty_x_000001.png", r.images.get(2).name());
            assertTrue(Files.isRegularFile(r.images.get(2).file()));
        }
    }

    @Test
    void aMislabelledLineIsRefusedByEveryReader() throws Exception {
        Path d = dataset();
        // the eggplant picture labelled as a tomato: a folder and a label that disagree
        Files.writeString(d.resolve("meta/val.txt"), Files.readString(d.resolve("meta/val.txt"))
                .replace("02_kitchen_eggplant_x_000001.png 1", "02_kitchen_eggplant_x_000001.png 0"));
        for (StageId stage : List.of(StageId.VERIFY, StageId.QUANTIZE)) {
            Executor.Result result = run(d, new Reader(stage));
            String f = String.join("\n", result.failures());
            assertEquals(Executor.Outcome.STAGE_FAILED, result.outcome(), stage + ": " + f);
            assertTrue(f.contains("1 line of") && f.contains("val.txt:2: 02_kitchen_eggplant/02_kitchen_eggplant_x_000001.png has label 0, "
                    + "which is class 01_kitchen_tomato"), stage + ": " + f);
        }
    }

    @Test
    void labelsOutsideTheClassesAndMissingPicturesAreRefused() throws Exception {
        Path d = dataset();
        Files.writeString(d.resolve("meta/val.txt"), """
                01_kitchen_tomato/01_kitchen_tomato_x_000001.png 7
                02_kitchen_eggplant/not_there.png 1
                03_other_empty/03_other_empty_x_000001.png two
                nolabel
                """);
        Executor.Result result = run(d, new Reader(StageId.VERIFY));
        String f = String.join("\n", result.failures());
        assertTrue(f.contains("4 lines of") && f.contains("val.txt:1: label 7 is outside the 3 classes (0-2)")
                && f.contains("val.txt:2: dataset/val/02_kitchen_eggplant/not_there.png is not among the files split committed")
                && f.contains("val.txt:3: label `two` is not a number") && f.contains("val.txt:4: expected `folder/file label`"), f);
    }

    @Test
    void listsOfAnotherClassCountAreRefused() throws Exception {
        Path d = dataset();
        Files.writeString(d.resolve("classes.txt"), "01_kitchen_tomato\n02_kitchen_eggplant\n");
        Executor.Result result = run(d, new Reader(StageId.QUANTIZE));
        String f = String.join("\n", result.failures());
        assertTrue(f.contains("dataset/classes.txt lists 2 classes but the network has 3"), f);
    }
}
