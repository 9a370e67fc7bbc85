package io.wkforge.stages.model;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * THE preprocessing of wkforge's networks, used by training (both sides), verify, the
 * quantization estimate and the report: decode with OpenCV, resize to {@code resize} (bilinear),
 * take a {@code crop} window (the centre one outside training), put the channels in
 * {@code channelOrder}, then {@code (pixel - mean[c]) / std[c]}, NCHW float32.
 *
 * @param channelOrder "rgb" or "bgr": the order of the network's input channels, and of mean/std
 * @param mean per channel, in channelOrder, on the 0-255 scale
 * @param std per channel, in channelOrder, on the 0-255 scale
 */
public record Preprocessing(int resizeWidth, int resizeHeight, int cropWidth, int cropHeight, String channelOrder,
                            double[] mean, double[] std) {

    public Preprocessing {
        if (cropWidth > resizeWidth || cropHeight > resizeHeight) {
            throw new IllegalArgumentException("crop " + cropWidth + "x" + cropHeight + " is larger than resize " + resizeWidth + "x" + resizeHeight);
        }
        if (!channelOrder.equals("rgb") && !channelOrder.equals("bgr")) throw new IllegalArgumentException("channel order " + channelOrder);
        if (mean.length != 3 || std.length != 3) throw new IllegalArgumentException("mean and std need 3 values each");
        for (double s : std) if (!(s > 0)) throw new IllegalArgumentException("std must be positive: " + Arrays.toString(std));
        mean = mean.clone();
        std = std.clone();
    }

    /** Per-channel mean in channel order (a copy). */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** Per-channel standard deviation in channel order (a copy). */
    @Override
    public double[] std() {
        return std.clone();
    }

    /** Floats of one network input, {@code 3 * cropHeight * cropWidth}. */
    public int inputSize() {
        return 3 * cropWidth * cropHeight;
    }

    /** NCHW shape of a batch. */
    public long[] batchShape(int batch) {
        return new long[] {batch, 3, cropHeight, cropWidth};
    }

    /**
     * Decodes and resizes one image file.
     *
     * @throws IOException naming the file when it cannot be read or is not an image OpenCV decodes
     */
    public ResizedImage load(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        try (BytePointer encoded = new BytePointer(bytes); Mat raw = new Mat(1, bytes.length, CV_8U, encoded);
             Mat image = imdecode(raw, IMREAD_COLOR)) {
            if (image.empty()) throw new IOException(file + ": not an image OpenCV can decode (damaged, or not a picture)");
            return resized(image);
        }
    }

    /** Resizes a decoded 8-bit BGR image (bilinear, as OpenCV's INTER_LINEAR). */
    public ResizedImage resized(Mat bgr) {
        try (Mat out = new Mat()) {
            resize(bgr, out, new Size(resizeWidth, resizeHeight), 0, 0, INTER_LINEAR);
            byte[] pixels = new byte[resizeWidth * resizeHeight * 3];
            Mat continuous = out.isContinuous() ? out : out.clone();
            continuous.data().get(pixels);
            if (continuous != out) continuous.close();
            return new ResizedImage(resizeWidth, resizeHeight, pixels);
        }
    }

    /** Left edge of the centre crop: the remaining columns split evenly, the odd one on the right. */
    public int centreX() {
        return (resizeWidth - cropWidth) / 2;
    }

    public int centreY() {
        return (resizeHeight - cropHeight) / 2;
    }

    /**
     * Writes the crop window at (x0, y0), mirrored left-right when {@code flip}, normalised, as
     * CHW floats at {@code out[offset...]}.
     */
    public void normalise(ResizedImage img, int x0, int y0, boolean flip, float[] out, int offset) {
        if (img.width() != resizeWidth || img.height() != resizeHeight) {
            throw new IllegalArgumentException("image is " + img.width() + "x" + img.height() + ", not the resize size");
        }
        if (x0 < 0 || y0 < 0 || x0 + cropWidth > resizeWidth || y0 + cropHeight > resizeHeight) {
            throw new IllegalArgumentException("crop window at " + x0 + "," + y0 + " leaves the image");
        }
        byte[] px = img.bgr();
        int plane = cropWidth * cropHeight;
        boolean rgb = channelOrder.equals("rgb");
        float[] table = new float[256];
        for (int c = 0; c < 3; c++) {
            int source = rgb ? 2 - c : c; // BGR in memory
            // (v - mean) / std for every byte value: one lookup per pixel on the loader threads,
            // which share the cores with the network
            float m = (float) mean[c];
            float s = (float) std[c];
            for (int v = 0; v < 256; v++) table[v] = (v - m) / s;
            int o = offset + c * plane;
            for (int y = 0; y < cropHeight; y++) {
                int row = ((y0 + y) * resizeWidth + x0) * 3 + source;
                if (flip) {
                    for (int i = row + (cropWidth - 1) * 3; i >= row; i -= 3) out[o++] = table[px[i] & 0xff];
                } else {
                    for (int i = row, end = row + cropWidth * 3; i < end; i += 3) out[o++] = table[px[i] & 0xff];
                }
            }
        }
    }

    /** One image as the trained network sees it outside training: decoded, resized, centre crop. */
    public float[] centreInput(Path file) throws IOException {
        float[] out = new float[inputSize()];
        normalise(load(file), centreX(), centreY(), false, out, 0);
        return out;
    }

    /** A batch of images as {@link #centreInput}, concatenated (NCHW). */
    public float[] centreBatch(List<Path> files) throws IOException {
        float[] out = new float[files.size() * inputSize()];
        for (int i = 0; i < files.size(); i++) normalise(load(files.get(i)), centreX(), centreY(), false, out, i * inputSize());
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && p.resizeWidth == resizeWidth && p.resizeHeight == resizeHeight
                && p.cropWidth == cropWidth && p.cropHeight == cropHeight && p.channelOrder.equals(channelOrder)
                && Arrays.equals(p.mean, mean) && Arrays.equals(p.std, std);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {resizeWidth, resizeHeight, cropWidth, cropHeight, Arrays.hashCode(mean), Arrays.hashCode(std)})
                ^ channelOrder.hashCode();
    }

    @Override
    public String toString() {
        return "resize " + resizeWidth + "x" + resizeHeight + ", crop " + cropWidth + "x" + cropHeight + ", " + channelOrder
                + ", mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std);
    }
}
