package io.wkforge.stages.dataset;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Measures a frame for the cleaner (OpenCV): pixel hash, perceptual hash, sharpness, uniformity. */
final class FrameAnalyzer {
    private FrameAnalyzer() {}

    static FrameMetrics analyze(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try (BytePointer encoded = new BytePointer(bytes); Mat raw = new Mat(1, bytes.length, org.bytedeco.opencv.global.opencv_core.CV_8U, encoded);
             Mat image = imdecode(raw, IMREAD_COLOR)) {
            if (image.empty()) throw new IOException("not an image OpenCV can read: " + file.getFileName());
            try (Mat grey = new Mat(); Mat laplacian = new Mat(); Mat mean = new Mat(); Mat std = new Mat()) {
                cvtColor(image, grey, COLOR_BGR2GRAY);
                meanStdDev(grey, mean, std);
                double greyStd = std.createIndexer().getDouble(0);
                Laplacian(grey, laplacian, CV_64F);
                meanStdDev(laplacian, mean, std);
                double lapStd = std.createIndexer().getDouble(0);
                return new FrameMetrics(pixelHash(image), DifferenceHash.of(grey), lapStd * lapStd, greyStd);
            }
        }
    }

    private static String pixelHash(Mat image) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String shape = image.rows() + "x" + image.cols() + "x" + image.channels();
            md.update(shape.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Mat continuous = image.isContinuous() ? image : image.clone();
            ByteBuffer pixels = continuous.data().capacity(continuous.total() * continuous.elemSize()).asBuffer();
            md.update(pixels);
            if (continuous != image) continuous.close();
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
