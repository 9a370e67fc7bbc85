package io.wkforge.stages.nnie;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import io.wkforge.stages.model.Preprocessing;
import io.wkforge.stages.model.ResizedImage;
import io.wkforge.stages.model.YuvRoundTrip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The two ways a picture reaches the exported network in the estimate. {@code expected}: exactly
 * what the Caffe network was exported for (the shared preprocessing, channels in training order,
 * {@code (pixel - mean) * data_scale} with export's data_scale). {@code board}: what the board
 * feeds after nnie_mapper's settings: the same resize and centre crop, the YUV round trip when
 * the board takes YUV frames, channels in {@code rgb_order}, then only the normalisation
 * {@code norm_type} asks for, with the mean and data_scale written to the cfg. The mapper's
 * calibration pictures take the board path without the YUV round trip (its image list holds RGB
 * pictures whatever the image type).
 */
final class BoardInput {
    private final Preprocessing expected;
    private final Preprocessing board;
    private final String imageType;

    /** Pictures decoded and normalised both ways, plus their original sizes. */
    record Batch(float[] expected, float[] board, int[][] sizes) {}

    /**
     * @param boardMean the mean the mapper subtracts, in {@code rgbOrder} (null when norm_type subtracts none)
     * @param boardScale the scale the mapper applies (1 when norm_type applies none)
     */
    BoardInput(int resizeWidth, int resizeHeight, int width, int height, String trainedOrder, double[] trainedMean, double exportScale,
               String imageType, String rgbOrder, double[] boardMean, double boardScale) {
        double s = 1.0 / exportScale;
        this.expected = new Preprocessing(resizeWidth, resizeHeight, width, height, trainedOrder, trainedMean, new double[] {s, s, s});
        double b = 1.0 / boardScale;
        this.board = imageType.equals("feature_map") ? expected
                : new Preprocessing(resizeWidth, resizeHeight, width, height, rgbOrder, boardMean == null ? new double[3] : boardMean,
                        new double[] {b, b, b});
        this.imageType = imageType;
    }

    int inputSize() {
        return expected.inputSize();
    }

    int width() {
        return expected.cropWidth();
    }

    int height() {
        return expected.cropHeight();
    }

    boolean yuv() {
        return imageType.startsWith("yuv");
    }

    /** Decodes each picture once and normalises it both ways; {@code roundTrip} false skips the YUV step (calibration). */
    Batch load(List<Path> files, boolean roundTrip) throws IOException {
        int size = inputSize();
        float[] e = new float[files.size() * size];
        float[] b = new float[files.size() * size];
        int[][] sizes = new int[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            ResizedImage img;
            try (Mat decoded = decode(files.get(i))) {
                sizes[i] = new int[] {decoded.cols(), decoded.rows()};
                img = expected.resized(decoded);
            }
            expected.normalise(img, expected.centreX(), expected.centreY(), false, e, i * size);
            ResizedImage onBoard = roundTrip && yuv() ? YuvRoundTrip.apply(img, imageType) : img;
            board.normalise(onBoard, board.centreX(), board.centreY(), false, b, i * size);
        }
        return new Batch(e, b, sizes);
    }

    /** One line for quant.json and the output: what the board path does. */
    String describe() {
        if (imageType.equals("feature_map")) {
            return "feature map input: assumed to be the trained preprocessing exactly (the board app computes it)";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "decode, resize %dx%d (bilinear)", board.resizeWidth(), board.resizeHeight()));
        if (imageType.equals("yuv420sp")) sb.append(", BGR -> YUV420SP (NV21, BT.601 video range) -> BGR");
        if (imageType.equals("yuv422sp")) sb.append(", BGR -> YUV422 (YUY2, BT.601 video range) -> BGR");
        sb.append(String.format(Locale.ROOT, ", centre crop %dx%d, U8 channels in %s order", board.cropWidth(), board.cropHeight(),
                board.channelOrder().toUpperCase(Locale.ROOT)));
        double[] m = board.mean();
        boolean mean = m[0] != 0 || m[1] != 0 || m[2] != 0;
        double scale = 1.0 / board.std()[0];
        sb.append(mean ? String.format(Locale.ROOT, ", minus mean %s %s %s", plain(m[0]), plain(m[1]), plain(m[2])) : ", no mean");
        sb.append(scale != 1 ? ", times data_scale " + scale : ", no scale");
        return sb.toString();
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static Mat decode(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        try (BytePointer encoded = new BytePointer(bytes); Mat raw = new Mat(1, bytes.length, CV_8U, encoded)) {
            Mat image = imdecode(raw, IMREAD_COLOR);
            if (image.empty()) {
                image.close();
                throw new IOException(file + ": not an image OpenCV can decode (damaged, or not a picture)");
            }
            return image;
        }
    }
}
