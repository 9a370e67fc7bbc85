package io.wkforge.stages.nnie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.schema.StageId;
import io.wkforge.lang.syntax.Value;
import io.wkforge.run.Executor;
import io.wkforge.util.Json;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify and quantize through the real executor on a network the real train stage trained
 * (generated shape pictures), each test changing only what it is about so that the stages
 * before it stay cached.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyAndQuantizeTest {
    static final String QUANTIZE = """
            quantize {
              calibration 8 images
              image_type yuv420sp
              instruction_name "resnet_inst"
              %s
            }
            """;
    /** The quantize settings every test starts from; a test that changes them gets them back in {@link #backToTheSharedRecipe}. */
    static final String SHARED = "max_top1_drop 5%";
    @TempDir
    static Path dir;
    Pipeline p;
    /** What the run that computed the shared estimate printed (later runs find it cached and print less). */
    List<String> firstNotes;
    List<String> firstWarnings;

    @BeforeAll
    void exportTheTrainedModel() throws Exception {
        p = Pipeline.onTrainedShapes(dir);
        run(SHARED, StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.VERIFY, StageId.QUANTIZE);
        firstNotes = List.copyOf(p.notes);
        firstWarnings = List.copyOf(p.warnings);
    }

    /** The tests share one recipe and its cached stages: each finds it as the shared recipe left it, whatever the test before did or failed. */
    @AfterEach
    void backToTheSharedRecipe() throws Exception {
        Executor.Result r = run(SHARED, StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.VERIFY, StageId.QUANTIZE);
        assertEquals(Executor.Outcome.OK, r.outcome(), r.failures().toString());
    }

    private Executor.Result run(String quantizeSettings, StageId... stages) throws Exception {
        p.recipe(TrainedShapes.TRAINING + QUANTIZE.formatted(quantizeSettings));
        return p.run(stages);
    }

    private Map<?, ?> json(String rel) throws Exception {
        return (Map<?, ?>) Json.read(Files.readString(p.file(rel)));
    }

    @Test
    void verifyComparesEveryValidationImageAndWritesItsFigures() throws Exception {
        Map<?, ?> v = json("caffe/verify.json");
        assertEquals(32L, v.get("images"));
        double diff = ((Number) v.get("max_abs_diff")).doubleValue();
        assertTrue(diff > 0 && diff < 1e-5, "a faithful export differs by float rounding only: " + diff);
        double logits = ((Number) v.get("max_abs_diff_logits")).doubleValue();
        assertTrue(logits > 0 && logits < 1e-3, "logits " + logits);
        assertEquals(1.0, v.get("top1_agreement"));
        assertEquals(1.0E-4, v.get("tolerance"));
        assertEquals(Boolean.TRUE, v.get("passed"));
        Map<?, ?> worst = (Map<?, ?>) v.get("worst_image");
        assertTrue(Files.isRegularFile(p.file((String) worst.get("path"))), worst.toString());
        assertEquals(diff, ((Number) worst.get("max_abs_diff")).doubleValue());
        assertTrue(((Number) v.get("seconds")).doubleValue() > 0);
        Map<?, ?> inputs = (Map<?, ?>) v.get("inputs");
        assertEquals("(pixel - mean[c]) * data_scale", inputs.get("caffe"));
    }

    @Test
    void verifyFailsNamingTheWorstImageWhenTheDifferenceExceedsTheTolerance() throws Exception {
        String recipe = TrainedShapes.TRAINING + "export caffe { verify_tolerance 1e-12 }\n" + QUANTIZE.formatted("max_top1_drop 5%");
        Files.writeString(p.dir.resolve("test.recipe"), Pipeline.CLASSES + recipe);
        Executor.Result r = p.run(StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.VERIFY);
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        assertEquals(3, r.cached(), "only verify runs again");
        String failure = r.failures().get(0);
        assertTrue(failure.contains("exceeds export.verify_tolerance 1.0E-12") && failure.contains("worst image dataset/val/"), failure);
    }

    @Test
    void theCfgHoldsEveryKeyWithTheMappersCodesAndPathsThatExist() throws Exception {
        Map<String, String> cfg = cfg();
        assertEquals(List.of("prototxt_file", "caffemodel_file", "batch_num", "net_type", "sparse_rate", "compile_mode", "is_simulation",
                "log_level", "instruction_name", "RGB_order", "data_scale", "internal_stride", "image_list", "image_type", "mean_file",
                "norm_type", "compress_mode", "is_check_prototxt", "gfpq_param_file"), List.copyOf(cfg.keySet()));
        assertEquals("3", cfg.get("image_type"));
        assertEquals("5", cfg.get("norm_type"));
        assertEquals("0", cfg.get("compile_mode"));
        assertEquals("RGB", cfg.get("RGB_order"));
        assertEquals("0", cfg.get("net_type"));
        assertEquals("1", cfg.get("batch_num"));
        assertEquals("resnet_inst", cfg.get("instruction_name"));
        assertEquals("", cfg.get("gfpq_param_file"));
        // 1/127.5 with 34 significant digits, from the export's std (no per-channel std here)
        assertEquals("0.007843137254901960784313725490196078", cfg.get("data_scale"));
        for (String key : List.of("prototxt_file", "caffemodel_file", "image_list", "mean_file")) {
            Path f = Path.of(cfg.get(key));
            assertTrue(f.isAbsolute() && Files.isRegularFile(f), key + " " + f);
        }
        assertEquals(p.file("caffe/model.prototxt"), Path.of(cfg.get("prototxt_file")));
        assertEquals(List.of("127.5", "127.5", "127.5"), Files.readAllLines(p.file("nnie/mean.txt")));
    }

    @Test
    void theImageListHoldsFullResolutionTrainingFramesSpreadOverTheClasses() throws Exception {
        List<String> list = Files.readAllLines(p.file("nnie/imageList.txt"));
        assertEquals(8, list.size());
        Set<String> classes = new TreeSet<>();
        for (String line : list) {
            Path f = Path.of(line);
            assertTrue(f.isAbsolute() && Files.isRegularFile(f) && line.contains("/dataset/train/"), line);
            classes.add(f.getParent().getFileName().toString());
        }
        assertEquals(4, classes.size(), "two of each class: " + list);
        // 48x48 frames, preprocess.resize 36x36: the mapper shrinks them, as the board shrinks its frames
        assertTrue(firstNotes.stream().anyMatch(n -> n.startsWith("quantize: ") && n.contains("(8 reference images)")), firstNotes::toString);
        assertTrue(firstWarnings.stream().noneMatch(w -> w.contains("reference images are smaller")), firstWarnings::toString);
    }

    @Test
    void referencePicturesSmallerThanTheResizeAreThoseTheNetworkWouldSeeEnlarged() {
        Value.SizeLit resize = new Value.SizeLit(256, 256, "256x256", null);
        assertTrue(QuantizeStage.enlarged(160, 120, resize));
        assertTrue(QuantizeStage.enlarged(1920, 200, resize), "one side too small is enough");
        assertFalse(QuantizeStage.enlarged(256, 256, resize), "the resize's own size is not enlarged");
        assertFalse(QuantizeStage.enlarged(1920, 1080, resize));
    }

    @Test
    void theEstimateReportsFloatAndQuantizedTop1AndEveryLayer() throws Exception {
        Map<?, ?> q = json("nnie/quant.json");
        assertEquals(Boolean.TRUE, q.get("estimate"));
        assertTrue(((String) q.get("note")).contains("NNIE's exact quantization scheme is not public"));
        assertEquals(8L, q.get("precision_bits"));
        assertEquals(32L, q.get("images"));
        assertEquals(8L, q.get("calibration_images"));
        double f = ((Number) q.get("float_top1")).doubleValue();
        double quant = ((Number) q.get("quantized_top1")).doubleValue();
        assertTrue(f >= 0.9, "the shared model learnt the shapes: " + f);
        assertEquals(f - quant, ((Number) q.get("top1_drop")).doubleValue(), 1e-12);
        assertTrue(((String) q.get("board_input")).contains("YUV420SP (NV21"), (String) q.get("board_input"));
        List<?> layers = (List<?>) q.get("layers");
        List<String> names = new ArrayList<>();
        for (Object o : layers) names.add((String) ((Map<?, ?>) o).get("name"));
        assertTrue(names.contains("conv1") && names.contains("fc") && names.contains("layer4.1.relu2"), names.toString());
        assertFalse(names.contains("bn1.scale"), "rectified in place: the int8 net keeps only the ReLU's values");
        for (Object o : layers) {
            double c = ((Number) ((Map<?, ?>) o).get("cosine")).doubleValue();
            assertTrue(c > 0.9 && c <= 1.0 + 1e-9, o.toString());
        }
        double board = ((Number) q.get("float_board_input_top1")).doubleValue();
        assertEquals(f - board, ((Number) q.get("board_input_drop")).doubleValue(), 1e-12, "first part: the board's input path");
        assertEquals(board - quant, ((Number) q.get("quantization_drop")).doubleValue(), 1e-12, "second part: quantization");
        assertFalse(q.containsKey("gate"), "the gate is judged after the task: quant.json holds no verdict a changed limit would make stale");
        assertTrue(firstNotes.stream().anyMatch(n -> n.startsWith("quantization ESTIMATE (8-bit") && n.contains("of the drop: board input path ")
                && n.contains("8-bit quantization") && n.contains("layer (worst first)")), firstNotes::toString);
    }

    @Test
    void swappedChannelsOnTheBoardFailTheGateBlamingTheBoardsInputPath() throws Exception {
        Executor.Result r = run("max_top1_drop 1%\n  rgb_order bgr", StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE);
        assertEquals(Executor.Outcome.GATE_FAILED, r.outcome(), r.failures().toString());
        String failure = r.failures().get(0);
        assertTrue(failure.contains("accuracy gate: the estimated top-1 drop from the export's input to the quantized network through the "
                + "board's input path is ") && failure.contains("more than quantize.max_top1_drop 1% (") && failure.contains("test.recipe:13:"), failure);
        Map<?, ?> q = json("nnie/quant.json");
        double boardPart = ((Number) q.get("board_input_drop")).doubleValue();
        assertTrue(boardPart > 0.01, "swapped channels cost accuracy before any quantization: " + q);
        assertTrue(failure.contains("the board's input path costs " + QuantReport.points(boardPart) + " points"), failure);
        assertTrue(failure.contains("the board's input path exceeds it on its own") || failure.contains("each part alone exceeds"), failure);
        assertTrue(failure.contains("fix for the board's input path: make quantize's image_type, rgb_order and norm_type match"), failure);
        assertTrue(p.warnings.stream().anyMatch(w -> w.contains("swapped red and blue")), p.warnings::toString);
        assertTrue(failure.contains(p.file("nnie/quant.json").toString()), "the whole estimate is committed, and named: " + failure);
    }

    @Test
    void theGateIsAVerdictAChangedLimitJudgesTheSameEstimateAgain() throws Exception {
        Executor.Result failed = run("max_top1_drop 1%\n  rgb_order bgr", StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE);
        assertEquals(Executor.Outcome.GATE_FAILED, failed.outcome(), failed.failures().toString());
        String estimate = Files.readString(p.file("nnie/quant.json"));
        Executor.Result passed = run("max_top1_drop 100%\n  rgb_order bgr", StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE);
        assertEquals(Executor.Outcome.OK, passed.outcome(), passed.failures().toString());
        assertEquals(0, passed.ran(), "a new limit computes nothing again");
        assertEquals(estimate, Files.readString(p.file("nnie/quant.json")));
        Executor.Result again = run("max_top1_drop 1%\n  rgb_order bgr", StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE);
        assertEquals(Executor.Outcome.GATE_FAILED, again.outcome(), "the cached estimate is judged again under the old limit");
        assertEquals(0, again.ran());
    }

    @Test
    void aRecipeDataScaleIsWrittenAsGivenAndADisagreementIsSaidAndMeasured() throws Exception {
        Executor.Result r = run("max_top1_drop 100%\n  data_scale 0.00390625", StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE);
        assertEquals(Executor.Outcome.OK, r.outcome(), r.failures().toString());
        assertEquals("0.0039062500000000000", cfg().get("data_scale"), "the recipe's value, exact, padded to 17 significant digits");
        String warning = String.join("\n", p.warnings);
        assertTrue(warning.contains("quantize.data_scale 0.00390625 (") && warning.contains("differs from the 0.007843137254901961"), warning);
        Map<?, ?> q = json("nnie/quant.json");
        Map<?, ?> ds = (Map<?, ?>) q.get("data_scale");
        assertEquals("recipe", ds.get("source"));
        assertEquals(Boolean.FALSE, ds.get("agrees_with_export"));
        assertTrue(((String) q.get("board_input")).contains("times data_scale 0.00390625"), (String) q.get("board_input"));

        r = run(SHARED + "\n  data_scale 0.0078431372549019607843137254902", StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE);
        assertEquals(Executor.Outcome.OK, r.outcome());
        assertEquals("0.0078431372549019607843137254902", cfg().get("data_scale"), "the seed's digits, as written");
        assertFalse(String.join("\n", p.warnings).contains("differs from"), "the seed's value agrees with the export");
    }

    @Test
    void highPrecisionIsSimulatedAtSixteenBitsLayerByLayer() throws Exception {
        Executor.Result r = run("max_top1_drop 1%\n  compile_mode high_precision", StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE);
        assertEquals(Executor.Outcome.OK, r.outcome(), r.failures().toString());
        Map<?, ?> q = json("nnie/quant.json");
        assertEquals(16L, q.get("precision_bits"));
        assertEquals("1", cfg().get("compile_mode"));
        assertTrue(((String) q.get("method")).startsWith("layer-by-layer fake quantization"), (String) q.get("method"));
        assertEquals(0.0, ((Number) q.get("top1_drop")).doubleValue(), 1e-12);
        List<?> layers = (List<?>) q.get("layers");
        assertEquals(90, layers.size(), "every layer, Softmax included");
        for (Object o : layers) assertTrue(((Number) ((Map<?, ?>) o).get("cosine")).doubleValue() > 0.999, o.toString());
    }

    private Map<String, String> cfg() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(p.file("nnie/resnet_inst.cfg"))) {
            assertTrue(line.startsWith("[") && line.indexOf("] ") > 0, line);
            out.put(line.substring(1, line.indexOf(']')), line.substring(line.indexOf("] ") + 2));
        }
        new BigDecimal(out.get("data_scale"));
        return out;
    }
}
