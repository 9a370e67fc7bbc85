package io.wkforge.stages.dataset;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.wkforge.stages.common.frames.ImageEncoder;
import io.wkforge.stages.common.frames.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Small JPEG copies of frames for the contact sheet, so the report opens instantly. */
final class Thumbnails {
    static final int WIDTH = 192;

    private static final int THUMB_QUALITY = 95;

    private Thumbnails() {}

    /** The thumbnail's file name for a frame (flat: one folder for the whole report). */
    static String nameOf(FrameRef f) {
        String n = f.pathInFrames().replace('/', '~');
        int dot = n.lastIndexOf('.');
        return (dot > 0 ? n.substring(0, dot) : n) + ".jpg";
    }

    static void write(FrameRef f, Path dir) throws IOException {
        Path target = dir.resolve(nameOf(f));
        if (Files.exists(target)) return;
        // reading at 1/4 size decodes JPEGs faster; PNGs are reduced after decoding
        try (Mat full = imread(f.file().toString(), IMREAD_REDUCED_COLOR_4); Mat small = new Mat();
             ImageEncoder jpg = new ImageEncoder(ImageFormat.JPG, THUMB_QUALITY)) {
            if (full.empty()) return;
            int h = Math.max(1, (int) Math.round(full.rows() * (double) WIDTH / full.cols()));
            resize(full, small, new Size(WIDTH, h), 0, 0, INTER_AREA);
            jpg.write(small, target);
        }
    }
}
