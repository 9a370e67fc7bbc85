package io.wkforge.stages.dataset;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A perceptual hash: the grey image shrunk to 17x16 and one bit per horizontally adjacent pair
 * (is the left pixel brighter?). 256 bits rather than the usual 64 so that thresholds such as
 * 0.98 mean something (64 bits only distinguish steps of 1/64). Robust to re-encoding, small
 * noise and brightness shifts; two frames of a still scene hash (nearly) the same.
 */
public final class DifferenceHash {
    static final int BITS = 256;
    private static final int W = 17;
    private static final int H = 16;

    private DifferenceHash() {}

    public static long[] of(Mat grey) {
        long[] bits = new long[BITS / 64];
        try (Mat small = new Mat(); Size size = new Size(W, H)) {
            resize(grey, small, size, 0, 0, INTER_AREA);
            try (UByteIndexer px = small.createIndexer()) {
                int bit = 0;
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W - 1; x++, bit++) {
                        if (px.get(y, x) > px.get(y, x + 1)) bits[bit / 64] |= 1L << (bit % 64);
                    }
                }
            }
        }
        return bits;
    }

    /** 1 for identical hashes, 0 when every bit differs. */
    public static double similarity(long[] a, long[] b) {
        int differing = 0;
        for (int i = 0; i < a.length; i++) differing += Long.bitCount(a[i] ^ b[i]);
        return 1.0 - (double) differing / BITS;
    }
}
