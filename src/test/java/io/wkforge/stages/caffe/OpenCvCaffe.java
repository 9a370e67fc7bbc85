package io.wkforge.stages.caffe;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import io.wkforge.stages.common.caffe.LayerGraph;
import java.nio.file.Path;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;

/** Runs exported Caffe files with OpenCV's DNN module (JavaCV): a Caffe runtime nobody here wrote. */
final class OpenCvCaffe implements AutoCloseable {
    private final Net net;
    private final String logits;

    OpenCvCaffe(Path prototxt, Path caffemodel) {
        net = opencv_dnn.readNetFromCaffe(prototxt.toString(), caffemodel.toString());
        if (net.empty()) throw new IllegalStateException("OpenCV could not load " + prototxt);
        try {
            logits = LayerGraph.read(caffemodel).logitsLayer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return {logits, probabilities}, each [n * classes] */
    float[][] forward(float[] nchw, int n, int c, int h, int w, int classes) {
        try (Mat blob = new Mat(new int[] {n, c, h, w}, CV_32F); MatVector outs = new MatVector();
             StringVector names = new StringVector(logits, "prob")) {
            new FloatPointer(blob.data()).put(nchw);
            net.setInput(blob);
            net.forward(outs, names);
            float[][] result = new float[2][n * classes];
            for (int i = 0; i < 2; i++) {
                Mat m = outs.get(i);
                if (m.total() != (long) n * classes) throw new IllegalStateException("output " + i + " has " + m.total() + " values");
                new FloatPointer(m.data()).get(result[i]);
            }
            return result;
        }
    }

    @Override
    public void close() {
        net.close();
    }
}
