package io.wkforge.stages;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Test frames that carry their own index: the top half holds 8 stripes, white for a 1 bit, black
 * for a 0 bit (big flat areas survive H.264 at any sane bitrate); the bottom half is a fixed
 * checkerboard so no frame is blurry or uniform. Reading a written frame back tells exactly which
 * source frame the stage kept.
 */
public final class FrameCode {
    public static final int WIDTH = 160;
    public static final int HEIGHT = 120;
    private static final int BITS = 8;
    private static final int STRIPE = WIDTH / BITS;

    private FrameCode() {}

    public static Mat paint(int index) {
        Mat m = new Mat(HEIGHT, WIDTH, CV_8UC3, new Scalar(0, 0, 0, 0));
        for (int b = 0; b < BITS; b++) {
            if (((index >> b) & 1) != 0) fill(m, b * STRIPE, 0, STRIPE, HEIGHT / 2, 255);
        }
        for (int y = HEIGHT / 2; y < HEIGHT; y += 10) {
            for (int x = 0; x < WIDTH; x += 10) {
                if (((x + y) / 10) % 2 == 0) fill(m, x, y, 10, 10, 200);
            }
        }
        return m;
    }

    public static int read(Path image) {
        try (Mat m = imread(image.toString(), IMREAD_COLOR)) {
            if (m.empty()) throw new AssertionError("cannot read " + image);
            int index = 0;
            for (int b = 0; b < BITS; b++) {
                try (Mat centre = new Mat(m, new Rect(b * STRIPE + 5, 10, STRIPE - 10, HEIGHT / 2 - 20))) {
                    if (mean(centre).get(1) > 128) index |= 1 << b;
                }
            }
            return index;
        }
    }

    private static void fill(Mat m, int x, int y, int w, int h, int grey) {
        rectangle(m, new Rect(x, y, w, h), new Scalar(grey, grey, grey, 0), -1, 8, 0);
    }
}
