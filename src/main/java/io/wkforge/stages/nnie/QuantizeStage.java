package io.wkforge.stages.nnie;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;

import io.wkforge.lang.model.Setting;
import io.wkforge.lang.schema.StageId;
import io.wkforge.lang.syntax.Value;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRunner;
import io.wkforge.run.StageVerdict;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.common.caffe.CaffeFiles;
import io.wkforge.stages.common.caffe.ExportSummary;
import io.wkforge.stages.common.dataset.Side;
import io.wkforge.stages.common.dataset.SplitLists;
import io.wkforge.util.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage {@code quantize}: everything nnie_mapper needs, generated from the recipe and checked
 * ({@code nnie/mean.txt}, {@code nnie/imageList.txt}, {@code nnie/<instruction_name>.cfg}), and
 * an estimate of what quantization costs ({@code nnie/quant.json}, the per-layer table), with the
 * {@code max_top1_drop} gate (exit 4), judged after the task ({@link AccuracyGate}). See docs/stages/quantize.md.
 */
public final class QuantizeStage implements StageRunner {
    static final String MEAN_FILE = "mean.txt";
    static final String IMAGE_LIST = "imageList.txt";

    @Override
    public StageId stage() {
        return StageId.QUANTIZE;
    }

    /**
     * The export summary, OpenCV wrapper and layer graph (stages.common.caffe), the split lists
     * (stages.common.dataset), the shared preprocessing
     * (stages.model), the JSON writer, and the schema's cfg keys (lang.schema.MapperKeys).
     */
    @Override
    public List<String> codePackages() {
        return List.of(getClass().getPackageName(), "io.wkforge.stages.common.caffe", "io.wkforge.stages.common.dataset",
                "io.wkforge.stages.model", "io.wkforge.util",
                "io.wkforge.lang.schema");
    }

    /** OpenCV decodes, converts and runs the networks (float, int8, layer by layer); protobuf reads the caffemodel. */
    @Override
    public List<String> libraryClasses() {
        return List.of("org.bytedeco.opencv.global.opencv_dnn", "org.bytedeco.opencv.global.opencv_imgproc",
                "org.bytedeco.opencv.global.opencv_imgcodecs", "com.google.protobuf.CodedInputStream");
    }

    @Override
    public void run(TaskContext ctx) throws StageException {
        Path prototxt = ctx.input(StageId.EXPORT, CaffeFiles.relPath(CaffeFiles.PROTOTXT));
        Path caffemodel = ctx.input(StageId.EXPORT, CaffeFiles.relPath(CaffeFiles.CAFFEMODEL));
        ExportSummary export;
        try {
            export = ExportSummary.read(ctx.input(StageId.EXPORT, CaffeFiles.relPath(CaffeFiles.SUMMARY)));
        } catch (IOException e) {
            throw new StageException(e.getMessage());
        }
        if (!ctx.setting("quantize.net_type").asString().equals("cnn")) {
            throw new StageException("quantize.net_type is " + ctx.setting("quantize.net_type").asString() + " (" + place(ctx.setting("quantize.net_type"))
                    + "), but the exported network is a plain CNN (ResNet-18): write `net_type cnn`");
        }
        String imageType = ctx.setting("quantize.image_type").asString();
        String normType = ctx.setting("quantize.norm_type").asString();
        String rgbOrder = ctx.setting("quantize.rgb_order").asString();
        Setting recipeScale = ctx.setting("quantize.data_scale");
        DataScale dataScale = DataScale.choose(recipeScale.isSet() ? recipeScale.asDecimal() : null, export.dataScaleDecimal());
        String disagreement = dataScale.disagreement(place(recipeScale));
        if (disagreement != null) ctx.warn(disagreement);
        double[] mean = export.meanIn(rgbOrder);
        warnAboutNormalisation(ctx, export, normType, dataScale, imageType);
        if (!rgbOrder.equals(export.channelOrder())) {
            ctx.warn("quantize.rgb_order is " + rgbOrder + " but the network was trained on " + export.channelOrder()
                    + " input: the board will feed it swapped red and blue channels (the estimate shows the cost)");
        }

        Value.SizeLit resize = ctx.setting("preprocess.resize").asSize();
        if (export.width() > resize.width() || export.height() > resize.height()) {
            throw new StageException("the exported network takes " + export.width() + "x" + export.height() + " input, larger than preprocess.resize "
                    + resize.text() + ": the board's crop cannot be taken; run export again after train (wkforge run --force train)");
        }
        List<SplitLists.Image> train = SplitLists.read(ctx, Side.TRAIN, export.numClasses());
        List<SplitLists.Image> val = SplitLists.read(ctx, Side.VAL, export.numClasses());
        int wanted = ctx.setting("quantize.calibration").asInt();
        List<SplitLists.Image> calibration = CalibrationImages.choose(train, wanted);
        if (calibration.isEmpty()) throw new StageException("the training side of the dataset is empty: there is no reference picture for the mapper");
        if (calibration.size() < wanted) {
            ctx.warn("quantize.calibration asks for " + wanted + " reference images but the training side has only " + calibration.size()
                    + "; the image list holds all of them");
        }
        warnSmall(ctx, calibration, resize);

        Path dir = ctx.stagingDir(StageId.QUANTIZE);
        Path committed = ctx.layout().stageDir(StageId.QUANTIZE);
        String name = ctx.setting("quantize.instruction_name").asString();
        boolean channelMean = normType.equals("channel_mean") || normType.equals("channel_mean_data_scale");
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("prototxt_file", prototxt.toAbsolutePath());
        files.put("caffemodel_file", caffemodel.toAbsolutePath());
        files.put("image_list", committed.resolve(IMAGE_LIST).toAbsolutePath());
        files.put("mean_file", channelMean ? committed.resolve(MEAN_FILE).toAbsolutePath() : null);
        MapperConfig cfg = MapperConfig.of(ctx, files, dataScale);
        List<String> listLines = new ArrayList<>();
        for (SplitLists.Image i : calibration) {
            listLines.add(imageListLine(i.file()));
        }
        try {
            Files.writeString(dir.resolve(MEAN_FILE), meanText(mean), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(IMAGE_LIST), String.join("\n", listLines) + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(name + ".cfg"), cfg.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StageException("cannot write the mapper's inputs: " + e.getMessage());
        }

        double boardScale = normType.equals("data_scale") || normType.equals("channel_mean_data_scale") ? dataScale.written().doubleValue() : 1;
        BoardInput input = new BoardInput(resize.width(), resize.height(), export.width(), export.height(), export.channelOrder(),
                export.mean(), export.dataScale(), imageType, rgbOrder, channelMean ? mean : null, boardScale);
        String compileMode = ctx.setting("quantize.compile_mode").asString();
        QuantEstimate.Result result;
        try {
            result = QuantEstimate.run(prototxt, caffemodel, input, export.numClasses(), calibration.stream().map(SplitLists.Image::file).toList(),
                    val, compileMode, ctx.progress(), ctx::note);
        } catch (IOException e) {
            throw new StageException("the quantization estimate failed: " + e.getMessage());
        }
        String json = Json.write(QuantReport.json(result, compileMode, input.describe(), dataScale, calibration.size())) + "\n";
        List<String> table = QuantReport.table(result);
        try {
            Files.writeString(dir.resolve(QuantReport.FILE_NAME), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StageException("cannot write " + QuantReport.FILE_NAME + ": " + e.getMessage());
        }
        ctx.note(String.join("\n", table));
        ctx.note("quantize: " + name + ".cfg, " + MEAN_FILE + ", " + IMAGE_LIST + " (" + calibration.size() + " reference images), "
                + QuantReport.FILE_NAME + "; " + QuantReport.ESTIMATE_NOTE);
    }

    /**
     * One line of imageList.txt: the picture's absolute path. The mapper reads one path per line,
     * so brackets and spaces are fine; only a line break cannot stand in it.
     */
    static String imageListLine(Path file) throws StageException {
        String path = file.toAbsolutePath().normalize().toString();
        if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
            throw new StageException("the image path " + path.replace("\n", "\\n").replace("\r", "\\r")
                    + " has a line break: it cannot stand in imageList.txt (one path per line); rename the file or its folder");
        }
        return path;
    }

    /**
     * The {@code max_top1_drop} gate on the committed estimate: a verdict setting, so a changed
     * limit judges the same estimate again without computing it again.
     */
    @Override
    public void judge(StageVerdict verdict) throws StageException {
        if (!verdict.problems().isEmpty()) StageRunner.super.judge(verdict);
        Setting gate = verdict.setting("quantize.max_top1_drop");
        if (!gate.isSet()) return;
        Path file = verdict.outputDir().resolve(QuantReport.FILE_NAME);
        AccuracyGate.judge(AccuracyGate.Figures.read(file), gate.asFraction(), gate.text() + " (" + place(gate) + ")", file);
    }

    private static void warnAboutNormalisation(TaskContext ctx, ExportSummary export, String normType, DataScale dataScale, String imageType) {
        if (imageType.equals("feature_map")) return;
        double[] m = export.mean();
        boolean networkWantsMean = m[0] != 0 || m[1] != 0 || m[2] != 0;
        boolean networkWantsScale = export.dataScale() != 1;
        boolean mean = normType.equals("channel_mean") || normType.equals("channel_mean_data_scale");
        boolean scale = normType.equals("data_scale") || normType.equals("channel_mean_data_scale");
        List<String> missing = new ArrayList<>();
        if (networkWantsMean && !mean) missing.add("the mean " + meanText(m).strip().replace('\n', ' '));
        if (networkWantsScale && !scale) missing.add("the scale " + dataScale.written().toPlainString());
        if (!missing.isEmpty()) {
            ctx.warn("quantize.norm_type " + normType + ": the board will not apply " + String.join(" or ", missing)
                    + " the network was trained with; `norm_type channel_mean_data_scale` applies both (the estimate shows the cost)");
        }
    }

    /** One value per line, in the order the mapper feeds the channels (rgb_order). */
    static String meanText(double[] mean) {
        StringBuilder sb = new StringBuilder();
        for (double v : mean) sb.append(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()).append('\n');
        return sb.toString();
    }

    /**
     * The seed asks for reference pictures larger than 256x256, the size the board app resizes
     * camera frames to: a smaller picture is enlarged on its way into the network, so its detail
     * (and the activation ranges the mapper measures on it) differ from the board's frames. The
     * general rule behind that advice is preprocess.resize.
     */
    private static void warnSmall(TaskContext ctx, List<SplitLists.Image> calibration, Value.SizeLit resize) throws StageException {
        List<String> small = new ArrayList<>();
        for (SplitLists.Image i : calibration) {
            int[] size = size(i.file());
            if (enlarged(size[0], size[1], resize)) small.add(i.name() + " (" + size[0] + "x" + size[1] + ")");
        }
        if (small.isEmpty()) return;
        ctx.warn(small.size() + " of " + calibration.size() + " reference images are smaller than preprocess.resize " + resize.text()
                + ", so they are enlarged on the way into the network (the seed's advice: pictures larger than the size the board resizes to): "
                + String.join(", ", small.subList(0, Math.min(5, small.size()))) + (small.size() > 5 ? ", ..." : ""));
    }

    static boolean enlarged(int width, int height, Value.SizeLit resize) {
        return width < resize.width() || height < resize.height();
    }

    /** Width and height of the picture as OpenCV decodes it. */
    private static int[] size(Path file) throws StageException {
        try (var img = org.bytedeco.opencv.global.opencv_imgcodecs.imread(file.toString(), IMREAD_UNCHANGED)) {
            if (img == null || img.empty()) throw new StageException(file + ": not an image OpenCV can decode (damaged, or not a picture)");
            return new int[] {img.cols(), img.rows()};
        }
    }

    static String place(Setting s) {
        return SettingPlace.of(s);
    }
}
