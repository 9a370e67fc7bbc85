package io.wkforge.stages.caffe;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRunner;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.common.caffe.CaffeFiles;
import io.wkforge.stages.common.caffe.ClassScores;
import io.wkforge.stages.common.caffe.ExportSummary;
import io.wkforge.stages.common.caffe.LayerGraph;
import io.wkforge.stages.common.caffe.OpenCvNet;
import io.wkforge.stages.common.dataset.Side;
import io.wkforge.stages.common.dataset.SplitLists;
import io.wkforge.stages.model.Libtorch;
import io.wkforge.stages.model.ModelCard;
import io.wkforge.stages.model.Preprocessing;
import io.wkforge.stages.model.TrainedModel;
import io.wkforge.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stage {@code verify}: the exported Caffe files run by OpenCV DNN against the trained network run
 * by DJL (libtorch), on every validation image, each fed what it expects: the trained network
 * {@code (pixel - mean[c]) / std[c]}, the Caffe network {@code (pixel - mean[c]) * data_scale}
 * (what the board feeds; equal to the former unless export folded a per-channel std into conv1).
 * Writes {@code caffe/verify.json}; fails (exit 3) when a probability differs by more than
 * {@code export.verify_tolerance} or a top-1 class differs. See docs/stages/export.md.
 */
public final class VerifyStage implements StageRunner {
    public static final String FILE_NAME = "verify.json";
    private static final int BATCH = 16;

    @Override
    public StageId stage() {
        return StageId.VERIFY;
    }

    /** The shared preprocessing and the DJL network (stages.model) compute one side of the comparison; the OpenCV wrapper and
     *  layer graph (stages.common.caffe) the other, on the pictures of the split lists (stages.common.dataset). */
    @Override
    public List<String> codePackages() {
        return List.of(getClass().getPackageName(), "io.wkforge.stages.model", "io.wkforge.util", "io.wkforge.stages.common.caffe",
                "io.wkforge.stages.common.dataset");
    }

    /** OpenCV DNN runs the Caffe side, libtorch the trained side. */
    @Override
    public List<String> libraryClasses() {
        return List.of("org.bytedeco.opencv.global.opencv_dnn", "org.bytedeco.opencv.global.opencv_imgcodecs", "ai.djl.pytorch.engine.PtEngine");
    }

    @Override
    public void warmUp() {
        Libtorch.warmUp();
    }

    @Override
    public void run(TaskContext ctx) throws StageException {
        long start = System.nanoTime();
        double tolerance = ctx.setting("export.verify_tolerance").asDouble();
        Path prototxt = ctx.input(StageId.EXPORT, CaffeFiles.relPath(CaffeFiles.PROTOTXT));
        Path caffemodel = ctx.input(StageId.EXPORT, CaffeFiles.relPath(CaffeFiles.CAFFEMODEL));
        Path summaryFile = ctx.input(StageId.EXPORT, CaffeFiles.relPath(CaffeFiles.SUMMARY));
        Path modelDir = ctx.input(StageId.TRAIN, ModelCard.relPath()).getParent();
        ctx.input(StageId.TRAIN, ModelCard.weightsRelPath());
        ExportSummary summary;
        try {
            summary = ExportSummary.read(summaryFile);
        } catch (IOException e) {
            throw new StageException(e.getMessage());
        }
        Libtorch.configure();
        Verification v = new Verification(tolerance);
        try (TrainedModel trained = TrainedModel.load(modelDir); OpenCvNet caffe = OpenCvNet.load(prototxt, caffemodel)) {
            Preprocessing trainedInput = trained.preprocessing();
            Preprocessing caffeInput = caffeInput(trainedInput, summary, trained.card().numClasses());
            List<SplitLists.Image> images = SplitLists.read(ctx, Side.VAL, summary.numClasses());
            List<String> splitClasses = SplitLists.classes(ctx);
            if (!splitClasses.equals(trained.card().folders())) {
                // a label means a class only if both sides number the same classes
                throw new StageException(SplitLists.classesPath() + " lists " + String.join(", ", splitClasses) + " but "
                        + ModelCard.relPath() + " was trained on " + String.join(", ", trained.card().folders())
                        + ": the model is stale (re-run train)");
            }
            if (images.isEmpty()) throw new StageException(SplitLists.metaPath(Side.VAL) + " lists no image: there is nothing to verify on");
            Libtorch.useThreads(Math.max(1, ctx.threads()));
            String logits = LayerGraph.read(caffemodel).logitsLayer();
            for (int from = 0; from < images.size(); from += BATCH) {
                List<SplitLists.Image> batch = images.subList(from, Math.min(images.size(), from + BATCH));
                List<Path> files = batch.stream().map(SplitLists.Image::file).toList();
                float[][] t = trained.logits(trainedInput.centreBatch(files), files.size());
                Map<String, float[]> c = caffe.forward(caffeInput.centreBatch(files), files.size(), 3, summary.height(), summary.width(),
                        List.of(logits, summary.outputBlob()));
                int k = summary.numClasses();
                for (int i = 0; i < batch.size(); i++) {
                    v.add(batch.get(i).name(), t[i], ClassScores.slice(c.get(logits), i, k), ClassScores.slice(c.get(summary.outputBlob()), i, k));
                }
                ctx.progress().update(from + batch.size(), images.size(), "images");
            }
        } catch (IOException e) {
            throw new StageException(e.getMessage());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        write(ctx, v, summary, seconds);
        String figures = String.format(Locale.ROOT, "%d images: max |Δprob| %.2g, max |Δlogit| %.2g, top-1 agreement %.1f%% (tolerance %s), %.1f s",
                v.images(), v.maxProbDiff(), v.maxLogitDiff(), 100 * v.top1Agreement(), ctx.setting("export.verify_tolerance").text(), seconds);
        if (!v.passed()) throw failure(v, figures);
        ctx.note("verify: OpenCV DNN (Caffe files) vs DJL (trained network): " + figures);
        if (!v.nearTies().isEmpty()) {
            ctx.warn(v.nearTies().size() + " image(s) where the trained network scores two classes within the tolerance and the Caffe "
                    + "network picks the other one, e.g. " + v.nearTies().get(0).name());
        }
    }

    /**
     * The input the Caffe network expects: the trained preprocessing with the single
     * data_scale export recorded in place of the per-channel std.
     */
    static Preprocessing caffeInput(Preprocessing trained, ExportSummary s, int trainedClasses) throws StageException {
        if (trained.cropWidth() != s.width() || trained.cropHeight() != s.height() || !trained.channelOrder().equals(s.channelOrder())
                || trainedClasses != s.numClasses()) {
            throw new StageException("caffe/export.json describes a " + s.width() + "x" + s.height() + " " + s.channelOrder() + " network with "
                    + s.numClasses() + " classes, but model/model.json a " + trained.cropWidth() + "x" + trained.cropHeight() + " "
                    + trained.channelOrder() + " one with " + trainedClasses + ": the export is stale (wkforge run --force export)");
        }
        double scale = 1.0 / s.dataScale();
        return new Preprocessing(trained.resizeWidth(), trained.resizeHeight(), trained.cropWidth(), trained.cropHeight(),
                trained.channelOrder(), trained.mean(), new double[] {scale, scale, scale});
    }

    private static void write(TaskContext ctx, Verification v, ExportSummary s, double seconds) throws StageException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", 1);
        m.put("compared", "trained network (DJL, libtorch) vs caffe/model.prototxt + model.caffemodel (OpenCV DNN)");
        m.putAll(v.json());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("trained", "(pixel - mean[c]) / std[c]");
        inputs.put("caffe", "(pixel - mean[c]) * data_scale");
        inputs.put("data_scale", s.dataScale());
        inputs.put("std_folded_into_conv1", s.stdFolded());
        inputs.put("fold_batchnorm", s.foldBatchnorm());
        m.put("inputs", inputs);
        m.put("seconds", Math.round(seconds * 1000) / 1000.0);
        try {
            Files.writeString(ctx.stagingDir(StageId.VERIFY).resolve(FILE_NAME), Json.write(m) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StageException("cannot write " + FILE_NAME + ": " + e.getMessage());
        }
    }

    private static StageException failure(Verification v, String figures) {
        List<String> details = new ArrayList<>();
        for (Verification.ImageResult r : v.worst(5)) {
            details.add(String.format(Locale.ROOT, "%s: max |Δprob| %.3g, max |Δlogit| %.3g, top-1 trained %d / Caffe %d", r.name(),
                    r.maxProbDiff(), r.maxLogitDiff(), r.trainedTop1(), r.caffeTop1()));
        }
        for (Verification.ImageResult r : v.disagreements()) {
            if (details.size() >= 15) break;
            String line = r.name() + ": top-1 differs (trained " + r.trainedTop1() + ", Caffe " + r.caffeTop1() + ")";
            if (!details.contains(line)) details.add(line);
        }
        Verification.ImageResult worst = v.worst(1).get(0);
        String why = v.maxProbDiff() > v.tolerance()
                ? String.format(Locale.ROOT, "max |Δprob| %.3g exceeds export.verify_tolerance %s", v.maxProbDiff(), v.tolerance())
                : v.disagreements().size() + " top-1 class(es) differ";
        return new StageException("the Caffe files do not compute what the trained network does: " + why + "; worst image "
                + worst.name() + String.format(Locale.ROOT, " (|Δprob| %.3g). ", worst.maxProbDiff()) + figures
                + ". A faithful export differs by about 1e-6; this is a bug in the export or a stale model (wkforge run --force export)",
                details);
    }
}
