package io.wkforge.stages.common.caffe;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * A Caffe network run by OpenCV's DNN module (JavaCV): a Caffe runtime nobody here wrote, the
 * independent check of the exported files. OpenCV reports its errors as RuntimeExceptions; they
 * come out of here as IOExceptions naming the file.
 */
public final class OpenCvNet implements AutoCloseable {
    private final Net net;
    private final String source;

    private OpenCvNet(Net net, String source) {
        this.net = net;
        this.source = source;
    }

    public static OpenCvNet load(Path prototxt, Path caffemodel) throws IOException {
        Net net;
        try {
            net = opencv_dnn.readNetFromCaffe(prototxt.toString(), caffemodel.toString());
        } catch (RuntimeException e) {
            throw new IOException("OpenCV cannot load " + prototxt + " with " + caffemodel + ": " + firstLine(e.getMessage()));
        }
        if (net.empty()) throw new IOException("OpenCV cannot load " + prototxt + ": the network is empty");
        return new OpenCvNet(net, prototxt.toString());
    }

    /** A network from a prototxt text and caffemodel bytes held in memory. */
    public static OpenCvNet load(byte[] prototxt, byte[] caffemodel, String name) throws IOException {
        Net net;
        try {
            net = opencv_dnn.readNetFromCaffe(prototxt, caffemodel);
        } catch (RuntimeException e) {
            throw new IOException("OpenCV cannot load " + name + ": " + firstLine(e.getMessage()));
        }
        if (net.empty()) throw new IOException("OpenCV cannot load " + name + ": the network is empty");
        return new OpenCvNet(net, name);
    }

    /** The underlying OpenCV network, for what this class does not wrap (quantization). */
    public Net net() {
        return net;
    }

    /**
     * Whether OpenCV may fuse layers (batch norm into convolutions, ReLU into its producer). Off,
     * every layer's own output can be read; must be set before the first forward.
     */
    public OpenCvNet fusion(boolean on) {
        net.enableFusion(on);
        return this;
    }

    /** Layer names in network order (JavaCV's strings end with a NUL, which is dropped). */
    public List<String> layerNames() {
        List<String> out = new ArrayList<>();
        try (StringVector names = net.getLayerNames()) {
            for (long i = 0; i < names.size(); i++) out.add(clean(names.get(i).getString()));
        }
        return out;
    }

    /**
     * Runs one batch and returns the float outputs of the named layers (their first output),
     * each {@code n * per-image size} values.
     *
     * @param input NCHW float32, {@code n} images of {@code c x h x w}
     */
    public Map<String, float[]> forward(float[] input, int n, int c, int h, int w, List<String> outputs) throws IOException {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (Mat blob = blob(input, n, c, h, w); MatVector results = new MatVector(); StringVector names = new StringVector(outputs.toArray(new String[0]))) {
            net.setInput(blob);
            net.forward(results, names);
            for (int i = 0; i < outputs.size(); i++) {
                Mat m = results.get(i);
                if (m.depth() != CV_32F) throw new IllegalStateException("output " + outputs.get(i) + " is not float32");
                out.put(outputs.get(i), floats(m));
            }
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) throw e;
            throw new IOException("OpenCV failed to run " + source + ": " + firstLine(e.getMessage()));
        }
        return out;
    }

    /** A 4-D float Mat holding the values (copied). */
    public static Mat blob(float[] nchw, int n, int c, int h, int w) {
        if (nchw.length != n * c * h * w) throw new IllegalArgumentException(nchw.length + " values are not " + n + "x" + c + "x" + h + "x" + w);
        Mat blob = new Mat(new int[] {n, c, h, w}, CV_32F);
        try (FloatPointer p = new FloatPointer(blob.data())) {
            p.put(nchw);
        }
        return blob;
    }

    /** The values of a continuous float Mat. */
    public static float[] floats(Mat m) {
        float[] v = new float[Math.toIntExact(m.total())];
        try (FloatPointer p = new FloatPointer(m.data())) {
            p.get(v);
        }
        return v;
    }

    static String clean(String jni) {
        int nul = jni.indexOf('\0');
        return (nul >= 0 ? jni.substring(0, nul) : jni).strip();
    }

    static String firstLine(String message) {
        if (message == null) return "(no message)";
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        net.close();
    }
}
