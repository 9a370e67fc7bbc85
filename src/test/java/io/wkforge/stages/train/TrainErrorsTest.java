package io.wkforge.stages.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.run.Executor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input fails the stage with a message that says what and where, before any training. */
class TrainErrorsTest {
    static final String RECIPE = TrainHarness.CLASSES + """
            preprocess { resize 36x36; crop 32x32 }
            train resnet18 { epochs 2; batch 8 %s }
            """;

    @TempDir
    Path dir;

    private String fail(TrainHarness h) throws Exception {
        Executor.Result r = h.run();
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome(), "expected a failure; notes: " + h.notes);
        assertTrue(h.notes.stream().noneMatch(n -> n.startsWith("epoch")), "failed before training: " + h.notes);
        return String.join("\n", r.failures());
    }

    @Test
    void aClassWithoutTrainingImagesIsNamed() throws Exception {
        TrainHarness h = new TrainHarness(dir, RECIPE.formatted(""));
        h.shapes(4, 2, 40);
        Path meta = h.prepared.resolve("meta/train.txt");
        Files.writeString(meta, String.join("\n", Files.readAllLines(meta).stream().filter(l -> !l.startsWith("03_")).toList()) + "\n");
        String f = fail(h);
        assertTrue(f.contains("1 class has no training images") && f.contains("03_recyclable_blue_triangle (2 validation images)"), f);
    }

    @Test
    void aMislabelledLineIsRefusedAsVerifyAndQuantizeRefuseIt() throws Exception {
        TrainHarness h = new TrainHarness(dir, RECIPE.formatted(""));
        h.shapes(4, 1, 40);
        Path meta = h.prepared.resolve("meta/train.txt");
        // a green square labelled as a red disk: its folder and its label disagree
        Files.writeString(meta, Files.readString(meta).replace("02_harmful_green_square_t_0000.png 1", "02_harmful_green_square_t_0000.png 0"));
        String f = fail(h);
        assertTrue(f.contains("1 line of") && f.contains("02_harmful_green_square/02_harmful_green_square_t_0000.png has label 0, which is class "
                + ShapeImages.folder(0)), f);
    }

    @Test
    void aDatasetOfOtherClassesIsRefused() throws Exception {
        TrainHarness h = new TrainHarness(dir, RECIPE.formatted(""));
        h.shapes(4, 1, 40);
        Files.writeString(h.prepared.resolve("classes.txt"), Files.readString(h.prepared.resolve("classes.txt")).replace("square", "box"));
        String f = fail(h);
        assertTrue(f.contains("dataset/classes.txt lists") && f.contains("02_harmful_green_box") && f.contains("the dataset is stale (re-run split)"), f);
    }

    @Test
    void anEmptyValidationSideIsRefused() throws Exception {
        TrainHarness h = new TrainHarness(dir, RECIPE.formatted(""));
        h.shapes(4, 1, 40);
        Files.writeString(h.prepared.resolve("meta/val.txt"), "");
        String f = fail(h);
        assertTrue(f.contains("the validation side of the dataset is empty") && f.contains("split.val"), f);
    }

    @Test
    void anUnreadableImageIsNamed() throws Exception {
        TrainHarness h = new TrainHarness(dir, RECIPE.formatted(""));
        h.shapes(4, 1, 40);
        Files.writeString(h.prepared.resolve("train/02_harmful_green_square/02_harmful_green_square_t_0001.png"), "not a picture");
        String f = fail(h);
        assertTrue(f.contains("1 image of the training set cannot be decoded")
                && f.contains("train/02_harmful_green_square/02_harmful_green_square_t_0001.png")
                && f.contains("not an image OpenCV can decode"), f);
    }

    @Test
    void aGpuThatIsNotThereIsAClearError() throws Exception {
        TrainHarness h = new TrainHarness(dir, RECIPE.formatted("; devices gpu"));
        h.shapes(2, 1, 40);
        String f = fail(h);
        assertTrue(f.contains("`devices gpu` asks for a GPU") && f.contains("-Dcuda") && f.contains("devices cpu"), f);
    }

    @Test
    void trainingThatCannotFitInMemorySaysWhatToLower() throws Exception {
        TrainHarness h = new TrainHarness(dir, TrainHarness.CLASSES + """
                preprocess { resize 2048x2048; crop 2048x2048 }
                train resnet18 { epochs 1; batch 4096 }
                """);
        h.shapes(2, 1, 40);
        String f = fail(h);
        assertTrue(f.contains("not enough memory") && f.contains("lower train.batch (now 4096), e.g. to")
                && f.contains("or preprocess.crop (now 2048x2048)"), f);
    }

    @Test
    void aPretrainedFileThatDoesNotFitIsRefusedByCheckNamingTheFirstLayer() throws Exception {
        TrainHarness h = new TrainHarness(dir, RECIPE.formatted("; pretrained \"r18.safetensors\""));
        h.shapes(2, 1, 40);
        var weights = new java.util.LinkedHashMap<>(InitialWeights.of(1000, 1));
        weights.put("layer2.0.conv1.weight", new io.wkforge.stages.model.Tensor(new long[] {128, 64, 5, 5}, new float[128 * 64 * 25]));
        io.wkforge.stages.model.SafeTensors.write(dir.resolve("r18.safetensors"), weights, null);
        // the recipe's check reads the file (before any frame is extracted), with train's own rules
        String f = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, h::run).getMessage();
        assertTrue(f.contains("error[E156]"), f);
        assertTrue(f.contains("`layer2.0.conv1.weight` has shape [128, 64, 5, 5] in the file, the network needs [128, 64, 3, 3]"), f);
    }
}
