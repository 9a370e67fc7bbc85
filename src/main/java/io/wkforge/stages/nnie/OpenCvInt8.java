package io.wkforge.stages.nnie;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8S;

import io.wkforge.stages.common.caffe.LayerGraph;
import io.wkforge.stages.common.caffe.OpenCvNet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.BatchNormLayerInt8;
import org.bytedeco.opencv.opencv_dnn.ConvolutionLayerInt8;
import org.bytedeco.opencv.opencv_dnn.InnerProductLayerInt8;
import org.bytedeco.opencv.opencv_dnn.Layer;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.bytedeco.opencv.opencv_dnn.PoolingLayerInt8;
import org.bytedeco.opencv.opencv_dnn.ScaleLayerInt8;
import org.bytedeco.opencv.opencv_dnn.SoftmaxLayerInt8;

/**
 * 8-bit quantization by OpenCV DNN's {@code Net.quantize}: int8 weights (one scale per tensor)
 * and int8 activations with a scale and zero point per blob from the min/max over the calibration
 * batch, run by OpenCV's int8 kernels. Known pitfalls, each handled here: the net quantize is
 * called on is thrown away (its fused float output is wrong afterwards); the int8 net has fusion
 * off before its first forward and is always asked for the same outputs (changing them corrupts
 * it); calibration is one batch; JavaCV's names end with a NUL; intermediate outputs are int8 and
 * are dequantized with their layer's scale and zero point.
 */
final class OpenCvInt8 implements Simulation {
    private final OpenCvNet floatNet;
    private final Net int8;
    private final List<String> names;
    private final List<String> floatOutputs;
    private final List<String> int8Outputs;
    private final float[] scales;
    private final int[] zeroPoints;
    private final boolean[] compared;
    private final int logits;
    private final int c;
    private final int h;
    private final int w;

    /**
     * @param calibration the calibration pictures as the mapper normalises them, NCHW, {@code nCalib} images
     */
    OpenCvInt8(Path prototxt, Path caffemodel, LayerGraph graph, float[] calibration, int nCalib, int c, int h, int w, LayerCosines cosines)
            throws IOException {
        this.c = c;
        this.h = h;
        this.w = w;
        this.floatNet = OpenCvNet.load(prototxt, caffemodel).fusion(false);
        this.names = floatNet.layerNames();
        try (OpenCvNet throwaway = OpenCvNet.load(prototxt, caffemodel); Mat calib = OpenCvNet.blob(calibration, nCalib, c, h, w);
             MatVector batch = new MatVector(calib)) {
            int8 = throwaway.net().quantize(batch, CV_32F, CV_32F, false);
        } catch (RuntimeException e) {
            throw new IOException("OpenCV cannot quantize " + prototxt + ": " + e.getMessage());
        }
        int8.enableFusion(false);
        this.floatOutputs = names;
        this.int8Outputs = names;
        this.scales = new float[names.size()];
        this.zeroPoints = new int[names.size()];
        this.compared = new boolean[names.size()];
        for (int i = 0; i < names.size(); i++) {
            int g = graph.indexOf(names.get(i));
            float[] sz = outputScale(g, graph);
            // OpenCV's int8 Softmax collapses the output of a confident network to zeros; NNIE reports
            // scores in 1/4096 fixed point instead. Top-1 comes from the quantized logits, and Softmax
            // stays out of the table.
            boolean softmax = graph.layers().get(g).getType().equals("Softmax");
            compared[i] = sz != null && !graph.rectifiedInPlace(g) && !softmax;
            if (sz != null) {
                scales[i] = sz[0];
                zeroPoints[i] = (int) sz[1];
            }
            if (compared[i]) cosines.layer(names.get(i), graph.layers().get(g).getType(), 8);
        }
        this.logits = names.indexOf(graph.logitsLayer());
        if (logits < 0 || scales[logits] == 0) throw new IOException("cannot find the quantized logits (the layer before the final Softmax)");
    }

    @Override
    public Outputs run(float[] input, int n, LayerCosines cosines) throws IOException {
        try (Mat blob = OpenCvNet.blob(input, n, c, h, w); MatVector f = new MatVector(); MatVector q = new MatVector();
             StringVector fNames = new StringVector(floatOutputs.toArray(new String[0]));
             StringVector qNames = new StringVector(int8Outputs.toArray(new String[0]))) {
            floatNet.net().setInput(blob);
            floatNet.net().forward(f, fNames);
            int8.setInput(blob);
            int8.forward(q, qNames);
            for (int i = 0; i < names.size(); i++) {
                if (!compared[i]) continue;
                Mat qm = q.get(i);
                if (qm.depth() != CV_8S) throw new IllegalStateException(names.get(i) + " is not int8 in the quantized net");
                cosines.add(names.get(i), OpenCvNet.floats(f.get(i)), dequantize(qm, scales[i], zeroPoints[i]), n);
            }
            return new Outputs(OpenCvNet.floats(f.get(logits)), dequantize(q.get(logits), scales[logits], zeroPoints[logits]));
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) throw e;
            throw new IOException("OpenCV failed to run the quantized network: " + e.getMessage());
        }
    }

    /**
     * A layer's output scale and zero point: from the layer itself where OpenCV exposes them,
     * else from a layer that reads it (OpenCV gives a ReLU, Flatten or Eltwise output the scale
     * its reader expects). Null when neither says.
     */
    private float[] outputScale(int g, LayerGraph graph) {
        float[] own = ownOutput(layer(graph.layers().get(g).getName()));
        if (own != null) return own;
        for (int reader : graph.consumers(g)) {
            float[] in = readerInput(layer(graph.layers().get(reader).getName()));
            if (in != null) return in;
            float[] passed = outputScale(reader, graph);
            String type = graph.layers().get(reader).getType();
            if (passed != null && (type.equals("ReLU") || type.equals("Flatten"))) return passed;
        }
        return null;
    }

    private Layer layer(String name) {
        return int8.getLayer(name);
    }

    private static float[] ownOutput(Layer l) {
        return switch (clean(l.type().getString())) {
            case "ConvolutionInt8" -> pair(new ConvolutionLayerInt8(l).output_sc(), new ConvolutionLayerInt8(l).output_zp());
            case "InnerProductInt8" -> pair(new InnerProductLayerInt8(l).output_sc(), new InnerProductLayerInt8(l).output_zp());
            case "PoolingInt8" -> pair(new PoolingLayerInt8(l).output_sc(), new PoolingLayerInt8(l).output_zp());
            case "BatchNormInt8" -> pair(new BatchNormLayerInt8(l).output_sc(), new BatchNormLayerInt8(l).output_zp());
            case "ScaleInt8" -> pair(new ScaleLayerInt8(l).output_sc(), new ScaleLayerInt8(l).output_zp());
            case "SoftmaxInt8" -> pair(new SoftmaxLayerInt8(l).output_sc(), new SoftmaxLayerInt8(l).output_zp());
            default -> null;
        };
    }

    private static float[] readerInput(Layer l) {
        return switch (clean(l.type().getString())) {
            case "ConvolutionInt8" -> pair(new ConvolutionLayerInt8(l).input_sc(), new ConvolutionLayerInt8(l).input_zp());
            case "InnerProductInt8" -> pair(new InnerProductLayerInt8(l).input_sc(), new InnerProductLayerInt8(l).input_zp());
            case "PoolingInt8" -> pair(new PoolingLayerInt8(l).input_sc(), new PoolingLayerInt8(l).input_zp());
            case "BatchNormInt8" -> pair(new BatchNormLayerInt8(l).input_sc(), new BatchNormLayerInt8(l).input_zp());
            default -> null;
        };
    }

    private static float[] pair(float scale, int zeroPoint) {
        return new float[] {scale, zeroPoint};
    }

    private static float[] dequantize(Mat m, float scale, int zeroPoint) {
        byte[] q = new byte[Math.toIntExact(m.total())];
        try (BytePointer p = new BytePointer(m.data())) {
            p.get(q);
        }
        float[] out = new float[q.length];
        for (int i = 0; i < q.length; i++) out[i] = (q[i] - zeroPoint) * scale;
        return out;
    }

    private static String clean(String jni) {
        int nul = jni.indexOf('\0');
        return (nul >= 0 ? jni.substring(0, nul) : jni).strip();
    }

    @Override
    public String precision() {
        return "8";
    }

    @Override
    public String method() {
        return "OpenCV DNN Net.quantize: int8 weights (one scale per tensor), int8 activations with a scale and zero point per "
                + "blob from the min/max over the calibration images, OpenCV's int8 kernels; layers not fused, so batch norm "
                + "kept as layers is requantized at its outputs (NNIE may fuse it)";
    }

    @Override
    public void close() {
        int8.close();
        floatNet.close();
    }
}
