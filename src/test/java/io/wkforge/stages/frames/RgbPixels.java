package io.wkforge.stages.frames;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/** An image file's pixels as packed RGB, the layout of {@code ffmpeg -f rawvideo -pix_fmt rgb24}. */
record RgbPixels(int width, int height, byte[] rgb) {
    static RgbPixels read(Path image) {
        try (Mat m = imread(image.toString(), IMREAD_COLOR)) {
            if (m.empty()) throw new AssertionError("cannot read " + image);
            byte[] bgr = new byte[m.rows() * m.cols() * 3];
            m.data().get(bgr);
            for (int i = 0; i < bgr.length; i += 3) {
                byte b = bgr[i];
                bgr[i] = bgr[i + 2];
                bgr[i + 2] = b;
            }
            return new RgbPixels(m.cols(), m.rows(), bgr);
        }
    }

    int size() {
        return rgb.length;
    }
}
