package io.wkforge.stages.train;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import io.wkforge.stages.common.dataset.Side;
import io.wkforge.stages.common.dataset.SplitLists;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.javacpp.indexer.UByteIndexer;

/**
 * Test images a small network can tell apart: class 0 a red disk, 1 a green square, 2 a blue
 * triangle, 3 only a noisy background; each at a random place and size on a random grey with
 * pixel noise, so the network has to generalise from colour and shape rather than memorise.
 */
public final class ShapeImages {
    public static final String[][] CLASSES = {
            {"kitchen", "red_disk"}, {"harmful", "green_square"}, {"recyclable", "blue_triangle"}, {"other", "background"}};

    private ShapeImages() {}

    public static Mat paint(int cls, int size, Random r) {
        return paint(cls, size, size, r);
    }

    public static Mat paint(int cls, int width, int height, Random r) {
        int grey = 60 + r.nextInt(140);
        Mat m = new Mat(height, width, CV_8UC3, new Scalar(grey, grey, grey, 0));
        int size = Math.min(width, height);
        int half = size / 6 + r.nextInt(size / 6);
        int cx = half + r.nextInt(width - 2 * half);
        int cy = half + r.nextInt(height - 2 * half);
        int jitter = r.nextInt(40);
        switch (cls) {
            case 0 -> circle(m, new Point(cx, cy), half, new Scalar(20 + jitter, 20, 215, 0), FILLED, LINE_AA, 0);
            case 1 -> rectangle(m, new Rect(cx - half, cy - half, 2 * half, 2 * half), new Scalar(30, 200 + jitter / 2, 30 + jitter, 0), FILLED, LINE_AA, 0);
            case 2 -> {
                try (MatVector polys = new MatVector(1); Mat pts = new Mat(3, 1, org.bytedeco.opencv.global.opencv_core.CV_32SC2)) {
                    IntPointer p = new IntPointer(pts.data());
                    int[] xy = {cx, cy - half, cx - half, cy + half, cx + half, cy + half};
                    p.put(xy);
                    polys.put(0, pts);
                    fillPoly(m, polys, new Scalar(210, 40 + jitter, 30, 0));
                }
            }
            default -> { }
        }
        UByteIndexer px = m.createIndexer();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    int v = px.get(y, x, c) + (int) (r.nextGaussian() * 12);
                    px.put(y, x, c, Math.max(0, Math.min(255, v)));
                }
            }
        }
        px.close();
        return m;
    }

    /** Writes {@code count} PNGs of class {@code cls} into {@code dir}, named with {@code prefix}. */
    public static void write(Path dir, String prefix, int cls, int count, int size, long seed) throws IOException {
        Files.createDirectories(dir);
        Random r = new Random(seed * 31 + cls);
        for (int i = 0; i < count; i++) {
            try (Mat m = paint(cls, size, r)) {
                String file = dir.resolve(String.format("%s_%04d.png", prefix, i)).toString();
                if (!imwrite(file, m)) throw new IOException("cannot write " + file);
            }
        }
    }

    public static String folder(int cls) {
        return String.format("%02d_%s_%s", cls + 1, CLASSES[cls][0], CLASSES[cls][1]);
    }

    /**
     * Train and val pictures of the four shape classes, {@code size} pixels square, in split's
     * layout under a dataset folder, with split's lists written by their owner.
     */
    public static void writeSplit(Path dataset, int trainPerClass, int valPerClass, int size) throws IOException {
        SplitLists.Writer lists = new SplitLists.Writer();
        for (int c = 0; c < CLASSES.length; c++) {
            String folder = folder(c);
            lists.addClass(folder);
            write(dataset.resolve("train").resolve(folder), folder + "_t", c, trainPerClass, size, 1);
            write(dataset.resolve("val").resolve(folder), folder + "_v", c, valPerClass, size, 2);
            for (int i = 0; i < trainPerClass; i++) lists.add(Side.TRAIN, folder, String.format("%s_t_%04d.png", folder, i));
            for (int i = 0; i < valPerClass; i++) lists.add(Side.VAL, folder, String.format("%s_v_%04d.png", folder, i));
        }
        lists.write(dataset);
    }
}
