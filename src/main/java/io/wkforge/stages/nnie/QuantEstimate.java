package io.wkforge.stages.nnie;

import io.wkforge.run.Progress;
import io.wkforge.stages.common.caffe.ClassScores;
import io.wkforge.stages.common.caffe.LayerGraph;
import io.wkforge.stages.common.caffe.OpenCvNet;
import io.wkforge.stages.common.caffe.proto.Caffe.LayerParameter;
import io.wkforge.stages.common.caffe.proto.Caffe.NetParameter;
import io.wkforge.stages.common.dataset.SplitLists;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The accuracy estimate: the exported network quantized as the mapper's {@code compile_mode}
 * asks, calibrated on the image list, and evaluated float against quantized on the validation
 * side through the board's input path ({@link BoardInput}). An estimate: NNIE's own scheme (its
 * rounding, its nonlinear 8-bit format, how it fuses layers) is not public.
 */
final class QuantEstimate {
    /** Activation memory budget for one batch, in floats (about 300 MB; a ResNet-18 keeps ~180 floats per input pixel alive). */
    private static final long BATCH_FLOATS = 75_000_000L;
    /** OpenCV calibrates on one batch held whole in memory: at most this many floats of activations for it. */
    private static final long CALIBRATION_FLOATS = 500_000_000L;

    /** What the estimate found. */
    record Result(double floatTop1, double floatBoardTop1, double quantizedTop1, double agreement, int images, int calibrationImages,
                  String precision, String method, List<LayerCosines.Row> layers, double seconds) {
        /** From the export's input (the float network as verify feeds it) to the quantized network through the board's input path. */
        double drop() {
            return floatTop1 - quantizedTop1;
        }

        /** The first part of {@link #drop}: the float network fed through the board's input path (YUV, channel order, normalisation). */
        double boardInputDrop() {
            return floatTop1 - floatBoardTop1;
        }

        /** The second part of {@link #drop}: quantizing the network, both fed through the board's input path. */
        double quantizationDrop() {
            return floatBoardTop1 - quantizedTop1;
        }
    }

    private QuantEstimate() {}

    /**
     * @param compileMode the schema's name: low_bandwidth, high_precision or user_specify
     * @param notes receives one line per thing worth telling (e.g. a calibration cut for memory)
     */
    static Result run(Path prototxt, Path caffemodel, BoardInput input, int classes, List<Path> calibration, List<SplitLists.Image> val,
                      String compileMode, Progress progress, java.util.function.Consumer<String> notes) throws IOException {
        long start = System.nanoTime();
        int h = input.height();
        int w = input.width();
        long perImage = 180L * h * w;
        int batch = (int) Math.max(1, Math.min(32, BATCH_FLOATS / perImage));
        NetParameter weighted;
        try (InputStream in = Files.newInputStream(caffemodel)) {
            weighted = NetParameter.parseFrom(in);
        }
        LayerGraph graph = new LayerGraph(weighted);
        boolean anyHp = weighted.getLayerList().stream().map(LayerParameter::getName).anyMatch(n -> n.endsWith("_hp"));
        boolean eightBitOpenCv = (compileMode.equals("low_bandwidth") || compileMode.equals("user_specify") && !anyHp);
        if (compileMode.equals("user_specify") && !anyHp) {
            notes.accept("compile_mode user_specify: no layer of the exported network is named *_hp, so the mapper compiles every "
                    + "layer at 8 bits, as with low_bandwidth; the estimate does the same");
        }

        List<Path> calib = calibration;
        if (eightBitOpenCv) {
            int fits = (int) Math.max(1, CALIBRATION_FLOATS / perImage);
            if (calib.size() > fits) {
                notes.accept("the estimate calibrates on " + fits + " of the " + calib.size() + " reference images (OpenCV calibrates in one "
                        + "batch held in memory); the mapper gets all of them");
                List<Path> spread = new java.util.ArrayList<>();
                for (int j = 0; j < fits; j++) spread.add(calib.get((int) ((j + 0.5) * calib.size() / fits)));
                calib = spread; // the list runs class by class: take every k-th so that every class stays in
            }
        }
        float[] calibInput = input.load(calib, false).board();
        LayerCosines cosines = new LayerCosines();
        int n0 = calib.size();
        try (Simulation sim = eightBitOpenCv
                ? new OpenCvInt8(prototxt, caffemodel, graph, calibInput, n0, 3, h, w, cosines)
                : new FakeQuantNet(weighted, name -> compileMode.equals("high_precision") || name.endsWith("_hp") ? 16 : 8,
                        calibInput, n0, 3, h, w, batch, cosines);
             OpenCvNet floatNet = OpenCvNet.load(prototxt, caffemodel)) {
            String scores = graph.logitsLayer();
            int right = 0;
            int rightBoard = 0;
            int rightQuant = 0;
            int agree = 0;
            for (int from = 0; from < val.size(); from += batch) {
                List<SplitLists.Image> part = val.subList(from, Math.min(val.size(), from + batch));
                int n = part.size();
                BoardInput.Batch b = input.load(part.stream().map(SplitLists.Image::file).toList(), true);
                float[] expected = floatNet.forward(b.expected(), n, 3, h, w, List.of(scores)).get(scores);
                Simulation.Outputs out = sim.run(b.board(), n, cosines);
                for (int i = 0; i < n; i++) {
                    int label = part.get(i).label();
                    int f = ClassScores.argmax(ClassScores.slice(expected, i, classes));
                    int fb = ClassScores.argmax(ClassScores.slice(out.floatScores(), i, classes));
                    int q = ClassScores.argmax(ClassScores.slice(out.quantizedScores(), i, classes));
                    if (f == label) right++;
                    if (fb == label) rightBoard++;
                    if (q == label) rightQuant++;
                    if (q == f) agree++;
                }
                progress.update(from + n, val.size(), "validation images");
            }
            double total = val.size();
            return new Result(right / total, rightBoard / total, rightQuant / total, agree / total, val.size(), n0, sim.precision(),
                    sim.method(), cosines.rows(), (System.nanoTime() - start) / 1e9);
        }
    }
}
