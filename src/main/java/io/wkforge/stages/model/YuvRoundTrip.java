package io.wkforge.stages.model;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC2;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_YUV2BGR_NV21;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_YUV2BGR_YUY2;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What a picture loses on its way through the board's YUV input: the camera app hands NNIE
 * semi-planar YUV frames, which NNIE turns back into RGB planes. Encoding is ITU-R BT.601 in video
 * range (Y 16-235), with each chroma sample the mean of the pixels it covers (2x2 for YUV420SP,
 * 2x1 for YUV422SP), as a camera pipeline's scaler filters; OpenCV's own BGR-to-I420 takes the
 * top-left pixel's chroma instead, which is why wkforge encodes itself. Decoding is OpenCV's
 * ({@code COLOR_YUV2BGR_NV21}: HiSilicon's {@code YVU_SEMIPLANAR_420}, V before U; and
 * {@code COLOR_YUV2BGR_YUY2}, the packed form with the same 422 sampling). NNIE's own conversion
 * coefficients are not public; these are the standard ones. Shared by quantize (the board-input
 * estimate) and train ({@code train.board_input}), so both simulate the same board.
 */
public final class YuvRoundTrip {
    private YuvRoundTrip() {}

    /** The picture after BGR -> YUV -> BGR in the given sampling ({@code yuv420sp} or {@code yuv422sp}). */
    public static ResizedImage apply(ResizedImage img, String imageType) {
        int w = img.width();
        int h = img.height();
        // chroma needs even sides: extend by one replicated row/column, cut it off after
        int ew = w + (w & 1);
        int eh = h + (h & 1);
        byte[] px = even(img.bgr(), w, h, ew, eh);
        byte[] yuv;
        Mat packed;
        int code;
        if (imageType.equals("yuv420sp")) {
            yuv = nv21(px, ew, eh);
            packed = new Mat(eh + eh / 2, ew, CV_8UC1);
            code = COLOR_YUV2BGR_NV21;
        } else if (imageType.equals("yuv422sp")) {
            yuv = yuy2(px, ew, eh);
            packed = new Mat(eh, ew, CV_8UC2);
            code = COLOR_YUV2BGR_YUY2;
        } else {
            throw new IllegalArgumentException("not a YUV image type: " + imageType);
        }
        try (Mat in = packed; Mat back = new Mat()) {
            in.data().put(yuv);
            cvtColor(in, back, code);
            byte[] all = new byte[ew * eh * 3];
            back.data().get(all);
            byte[] out = new byte[w * h * 3];
            for (int y = 0; y < h; y++) System.arraycopy(all, y * ew * 3, out, y * w * 3, w * 3);
            return new ResizedImage(w, h, out);
        }
    }

    private static byte[] even(byte[] bgr, int w, int h, int ew, int eh) {
        if (ew == w && eh == h) return bgr;
        byte[] out = new byte[ew * eh * 3];
        for (int y = 0; y < eh; y++) {
            int sy = Math.min(y, h - 1);
            for (int x = 0; x < ew; x++) {
                int sx = Math.min(x, w - 1);
                System.arraycopy(bgr, (sy * w + sx) * 3, out, (y * ew + x) * 3, 3);
            }
        }
        return out;
    }

    /** BT.601 video range in the common 8-bit integer form (the one OpenCV's BGR2YUV_I420 uses). */
    static int luma(int b, int g, int r) {
        return clamp(((66 * r + 129 * g + 25 * b + 128) >> 8) + 16);
    }

    static int u(int b, int g, int r) {
        return clamp(((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128);
    }

    static int v(int b, int g, int r) {
        return clamp(((112 * r - 94 * g - 18 * b + 128) >> 8) + 128);
    }

    private static int clamp(int x) {
        return Math.max(0, Math.min(255, x));
    }

    /** Y plane, then V/U pairs for each 2x2 block (their mean colour). */
    private static byte[] nv21(byte[] px, int w, int h) {
        byte[] out = new byte[w * h + w * h / 2];
        for (int i = 0; i < w * h; i++) out[i] = (byte) luma(px[3 * i] & 0xff, px[3 * i + 1] & 0xff, px[3 * i + 2] & 0xff);
        int o = w * h;
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                int[] m = mean(px, w, x, y, 2, 2);
                out[o++] = (byte) v(m[0], m[1], m[2]);
                out[o++] = (byte) u(m[0], m[1], m[2]);
            }
        }
        return out;
    }

    /** Y0 U Y1 V for each horizontal pair (their mean colour). */
    private static byte[] yuy2(byte[] px, int w, int h) {
        byte[] out = new byte[w * h * 2];
        int o = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x += 2) {
                int a = 3 * (y * w + x);
                int b = a + 3;
                int[] m = mean(px, w, x, y, 2, 1);
                out[o++] = (byte) luma(px[a] & 0xff, px[a + 1] & 0xff, px[a + 2] & 0xff);
                out[o++] = (byte) u(m[0], m[1], m[2]);
                out[o++] = (byte) luma(px[b] & 0xff, px[b + 1] & 0xff, px[b + 2] & 0xff);
                out[o++] = (byte) v(m[0], m[1], m[2]);
            }
        }
        return out;
    }

    /** The rounded mean colour of a block. */
    private static int[] mean(byte[] px, int w, int x0, int y0, int bw, int bh) {
        int[] m = new int[3];
        for (int y = y0; y < y0 + bh; y++) {
            for (int x = x0; x < x0 + bw; x++) {
                for (int c = 0; c < 3; c++) m[c] += px[3 * (y * w + x) + c] & 0xff;
            }
        }
        for (int c = 0; c < 3; c++) m[c] = (m[c] + bw * bh / 2) / (bw * bh);
        return m;
    }
}
