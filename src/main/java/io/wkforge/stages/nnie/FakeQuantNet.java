package io.wkforge.stages.nnie;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import io.wkforge.stages.common.caffe.CaffeText;
import io.wkforge.stages.common.caffe.LayerGraph;
import io.wkforge.stages.common.caffe.OpenCvNet;
import io.wkforge.stages.common.caffe.proto.Caffe.BlobProto;
import io.wkforge.stages.common.caffe.proto.Caffe.BlobShape;
import io.wkforge.stages.common.caffe.proto.Caffe.LayerParameter;
import io.wkforge.stages.common.caffe.proto.Caffe.NetParameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Quantization simulated layer by layer, for precisions OpenCV has no kernels for (NNIE's 16-bit
 * {@code high_precision} mode, and the 8/16-bit mix of {@code user_specify}). Each Caffe layer
 * runs on its own as a one-layer OpenCV network, twice: once on float inputs with float weights
 * (the reference), once on quantized inputs with its weights fake-quantized, after which its
 * output is fake-quantized too. "Fake" means rounded to the grid of the integer format and kept
 * as float, so the arithmetic inside a layer stays float: what is modelled is the rounding and
 * clipping of weights (symmetric, one scale per tensor) and of every layer's output (affine,
 * range from the min/max over the calibration pictures, zero inside it), not NNIE's integer
 * accumulators, its rounding mode or its fusing of layers. Biases and batch-norm parameters stay
 * float (a compiler folds them into wider accumulators).
 */
final class FakeQuantNet implements Simulation {
    private final LayerGraph graph;
    private final List<LayerParameter> layers;
    private final String input;
    private final int[] bits;
    private final OpenCvNet[] floatNets;
    private final OpenCvNet[] quantNets;
    private final Range inputRange = new Range();
    private final Range[] ranges;
    private final Map<String, Integer> lastRead = new HashMap<>();
    private final int logits;
    private final int c;
    private final int h;
    private final int w;

    /** Min and max seen of one blob. */
    private static final class Range {
        double lo;
        double hi;

        void see(float[] v) {
            for (float x : v) {
                if (x < lo) lo = x;
                if (x > hi) hi = x;
            }
        }
    }

    private record Blob(float[] data, int[] shape) {}

    /**
     * @param bitsOf bits for each layer's weights and output, by layer name
     * @param calibration calibration pictures as the mapper normalises them, NCHW
     */
    FakeQuantNet(NetParameter weighted, java.util.function.ToIntFunction<String> bitsOf, float[] calibration, int nCalib,
                 int c, int h, int w, int batch, LayerCosines cosines) throws IOException {
        this.graph = new LayerGraph(weighted);
        this.layers = graph.layers();
        this.input = weighted.getInputCount() > 0 ? weighted.getInput(0) : "data";
        this.c = c;
        this.h = h;
        this.w = w;
        this.bits = new int[layers.size()];
        this.ranges = new Range[layers.size()];
        this.floatNets = new OpenCvNet[layers.size()];
        this.quantNets = new OpenCvNet[layers.size()];
        this.logits = graph.indexOf(graph.logitsLayer());
        for (int i = 0; i < layers.size(); i++) {
            LayerParameter l = layers.get(i);
            bits[i] = bitsOf.applyAsInt(l.getName());
            ranges[i] = new Range();
            for (String b : l.getBottomList()) lastRead.put(b + "#" + producerOf(i, b), i);
            cosines.layer(l.getName(), l.getType(), bits[i]);
        }
        int size = c * h * w;
        for (int from = 0; from < nCalib; from += batch) {
            int n = Math.min(batch, nCalib - from);
            float[] part = Arrays.copyOfRange(calibration, from * size, (from + n) * size);
            inputRange.see(part);
            pass(part, n, null, null);
        }
    }

    @Override
    public Outputs run(float[] in, int n, LayerCosines cosines) throws IOException {
        Blob[] scores = new Blob[2];
        pass(in, n, cosines, scores);
        return new Outputs(scores[0].data(), scores[1].data());
    }

    /**
     * One batch through every layer. Without {@code cosines} it is a calibration pass: float only,
     * recording each output's range. Otherwise float and quantized side by side.
     */
    private void pass(float[] in, int n, LayerCosines cosines, Blob[] scores) throws IOException {
        boolean calibrating = cosines == null;
        Map<String, Blob> f = new HashMap<>();
        Map<String, Blob> q = new HashMap<>();
        int[] inShape = {n, c, h, w};
        f.put(input + "#-1", new Blob(in, inShape));
        if (!calibrating) q.put(input + "#-1", new Blob(fakeQuantize(in, inputRange.lo, inputRange.hi, firstBits()), inShape));
        for (int i = 0; i < layers.size(); i++) {
            LayerParameter l = layers.get(i);
            Blob fo = forward(floatNets, i, l, f, false);
            if (calibrating) {
                ranges[i].see(fo.data());
            } else {
                Blob qo = forward(quantNets, i, l, q, true);
                qo = new Blob(fakeQuantize(qo.data(), ranges[i].lo, ranges[i].hi, bits[i]), qo.shape());
                cosines.add(l.getName(), fo.data(), qo.data(), n);
                q.put(l.getTop(0) + "#" + i, qo);
                if (i == logits) scores[1] = qo;
            }
            f.put(l.getTop(0) + "#" + i, fo);
            if (i == logits && scores != null) scores[0] = fo;
            for (String b : l.getBottomList()) {
                String key = b + "#" + producerOf(i, b);
                if (lastRead.getOrDefault(key, -1) == i) {
                    f.remove(key);
                    q.remove(key);
                }
            }
        }
    }

    private int firstBits() {
        return bits.length == 0 ? 16 : bits[0];
    }

    /** The index of the layer that produced blob {@code name} as layer {@code i} reads it (-1: the input). */
    private int producerOf(int i, String name) {
        for (int j = i - 1; j >= 0; j--) if (layers.get(j).getTopList().contains(name)) return j;
        return -1;
    }

    private Blob forward(OpenCvNet[] nets, int i, LayerParameter l, Map<String, Blob> blobs, boolean quantizeWeights) throws IOException {
        Blob[] ins = new Blob[l.getBottomCount()];
        for (int k = 0; k < ins.length; k++) {
            ins[k] = blobs.get(l.getBottom(k) + "#" + producerOf(i, l.getBottom(k)));
            if (ins[k] == null) throw new IllegalStateException(l.getName() + " reads " + l.getBottom(k) + ", which no earlier layer produced");
        }
        if (nets[i] == null) nets[i] = oneLayer(l, ins, quantizeWeights ? bits[i] : 0);
        Mat[] mats = new Mat[ins.length];
        try {
            for (int k = 0; k < ins.length; k++) {
                mats[k] = mat(ins[k]);
                nets[i].net().setInput(mats[k], l.getBottom(k), 1.0, new Scalar());
            }
            try (Mat out = nets[i].net().forward(outputName(l))) {
                int[] shape = new int[out.dims()];
                for (int d = 0; d < shape.length; d++) shape[d] = out.size(d);
                return new Blob(OpenCvNet.floats(out), shape);
            }
        } catch (RuntimeException e) {
            throw new IOException("OpenCV failed to run layer " + l.getName() + " on its own: " + e.getMessage());
        } finally {
            for (Mat m : mats) if (m != null) m.close();
        }
    }

    /**
     * The one-layer network's output blob: a new name, so that an in-place layer (top = bottom)
     * runs out of place. OpenCV's Caffe reader names a one-top layer after its top.
     */
    private static String outputName(LayerParameter l) {
        return l.getBottomList().contains(l.getName()) ? l.getName() + "#out" : l.getName();
    }

    private static Mat mat(Blob b) {
        Mat m = new Mat(b.shape(), CV_32F);
        try (FloatPointer p = new FloatPointer(m.data())) {
            p.put(b.data());
        }
        return m;
    }

    /** A network of one layer reading its bottoms as inputs; weights fake-quantized to {@code weightBits} (0: float). */
    private static OpenCvNet oneLayer(LayerParameter l, Blob[] ins, int weightBits) throws IOException {
        NetParameter.Builder net = NetParameter.newBuilder().setName(l.getName());
        for (int k = 0; k < ins.length; k++) {
            BlobShape.Builder shape = BlobShape.newBuilder();
            for (int d : ins[k].shape()) shape.addDim(d);
            net.addInput(l.getBottom(k)).addInputShape(shape);
        }
        LayerParameter.Builder layer = l.toBuilder().clearTop().addTop(outputName(l));
        if (weightBits > 0 && layer.getBlobsCount() > 0 && (l.getType().equals("Convolution") || l.getType().equals("InnerProduct"))) {
            BlobProto weights = layer.getBlobs(0);
            float[] v = new float[weights.getDataCount()];
            for (int i = 0; i < v.length; i++) v[i] = weights.getData(i);
            layer.setBlobs(0, weights.toBuilder().clearData().addAllData(asList(symmetric(v, weightBits))));
        }
        NetParameter weighted = net.addLayer(layer).build();
        NetParameter.Builder text = weighted.toBuilder();
        for (LayerParameter.Builder b : text.getLayerBuilderList()) b.clearBlobs();
        return OpenCvNet.load(CaffeText.print(text.build()).getBytes(StandardCharsets.UTF_8), weighted.toByteArray(), "layer " + l.getName());
    }

    private static List<Float> asList(float[] v) {
        Float[] boxed = new Float[v.length];
        for (int i = 0; i < v.length; i++) boxed[i] = v[i];
        return Arrays.asList(boxed);
    }

    /** Symmetric per-tensor rounding: scale = max|w| / (2^(bits-1) - 1). */
    static float[] symmetric(float[] v, int bits) {
        double max = 0;
        for (float x : v) max = Math.max(max, Math.abs(x));
        if (max == 0) return v.clone();
        double levels = (1L << (bits - 1)) - 1;
        double scale = max / levels;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (Math.round(v[i] / scale) * scale);
        return out;
    }

    /** Affine rounding to 2^bits levels over the calibrated range (which always holds zero); values outside are clipped. */
    static float[] fakeQuantize(float[] v, double min, double max, int bits) {
        double lo = Math.min(min, 0);
        double hi = Math.max(max, 0);
        if (hi == lo) return v.clone();
        double levels = (1L << bits) - 1;
        double scale = (hi - lo) / levels;
        long zero = Math.round(-lo / scale);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            long q = Math.round(v[i] / scale) + zero;
            q = Math.max(0, Math.min((long) levels, q));
            out[i] = (float) ((q - zero) * scale);
        }
        return out;
    }

    @Override
    public String precision() {
        int min = Arrays.stream(bits).min().orElse(16);
        int max = Arrays.stream(bits).max().orElse(16);
        return min == max ? String.valueOf(min) : min + "/" + max;
    }

    @Override
    public String method() {
        return "layer-by-layer fake quantization: every layer run alone by OpenCV DNN on quantized inputs, weights rounded to "
                + precision() + " bits (symmetric, one scale per tensor), every output rounded to " + precision()
                + " bits (affine, range from the calibration images); arithmetic inside a layer stays float";
    }

    @Override
    public void close() {
        for (OpenCvNet n : floatNets) if (n != null) n.close();
        for (OpenCvNet n : quantNets) if (n != null) n.close();
    }
}
