package io.wkforge.stages.report;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Small JPEGs inlined into the page as data URIs, so it needs no other file to show pictures. */
final class Thumbs {
    private Thumbs() {}

    /** The image at {@code file}, {@code width} pixels wide, as a data URI; null when it cannot be read. */
    static String dataUri(Path file, int width) {
        if (file == null || !Files.isRegularFile(file)) return null;
        try (Mat full = imread(file.toString(), IMREAD_COLOR); Mat small = new Mat(); BytePointer jpg = new BytePointer()) {
            if (full.empty()) return null;
            int h = Math.max(1, (int) Math.round(full.rows() * (double) width / full.cols()));
            resize(full, small, new Size(width, h), 0, 0, INTER_AREA);
            if (!imencode(".jpg", small, jpg, new org.bytedeco.javacpp.IntPointer(IMWRITE_JPEG_QUALITY, 82))) return null;
            byte[] bytes = new byte[(int) jpg.limit()];
            jpg.get(bytes);
            return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(bytes);
        }
    }
}
