package io.wkforge.stages.nnie;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YUV_I420;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YUV_YUY2;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_YUV2BGR_NV21;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_YUV2BGR_YUY2;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.wkforge.stages.model.ResizedImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * What a picture loses on its way through the board's YUV input: the camera app hands NNIE
 * semi-planar YUV frames, which NNIE turns back into RGB planes. The round trip uses OpenCV's
 * conversions (ITU-R BT.601, video range, as OpenCV implements {@code COLOR_BGR2YUV_I420} and
 * {@code COLOR_YUV2BGR_NV21}): for YUV420SP the picture goes to planar I420, is repacked into
 * NV21 (Y plane, then interleaved V/U at half resolution in both directions: HiSilicon's
 * {@code YVU_SEMIPLANAR_420}) and converted back; for YUV422SP through packed YUY2, which keeps
 * the same half-horizontal chroma resolution. NNIE's own conversion coefficients are not public;
 * these are the standard ones.
 */
final class YuvRoundTrip {
    private YuvRoundTrip() {}

    /** The picture after BGR -> YUV -> BGR in the given sampling ({@code yuv420sp} or {@code yuv422sp}). */
    static ResizedImage apply(ResizedImage img, String imageType) {
        int w = img.width();
        int h = img.height();
        // the chroma planes need even sides: extend by one replicated row/column, cut it off after
        int ew = w + (w & 1);
        int eh = h + (h & 1);
        try (Mat src = bgr(img); Mat even = new Mat(); Mat yuv = new Mat(); Mat back = new Mat()) {
            copyMakeBorder(src, even, 0, eh - h, 0, ew - w, BORDER_REPLICATE);
            if (imageType.equals("yuv420sp")) {
                cvtColor(even, yuv, COLOR_BGR2YUV_I420);
                try (Mat nv21 = i420ToNv21(yuv, ew, eh)) {
                    cvtColor(nv21, back, COLOR_YUV2BGR_NV21);
                }
            } else if (imageType.equals("yuv422sp")) {
                cvtColor(even, yuv, COLOR_BGR2YUV_YUY2);
                cvtColor(yuv, back, COLOR_YUV2BGR_YUY2);
            } else {
                throw new IllegalArgumentException("not a YUV image type: " + imageType);
            }
            byte[] out = new byte[w * h * 3];
            try (Mat cut = new Mat(back, new Rect(0, 0, w, h)); Mat packed = cut.clone()) {
                packed.data().get(out);
            }
            return new ResizedImage(w, h, out);
        }
    }

    private static Mat bgr(ResizedImage img) {
        Mat m = new Mat(img.height(), img.width(), CV_8UC3);
        m.data().put(img.bgr());
        return m;
    }

    /** I420 (Y, then the U plane, then the V plane) to NV21 (Y, then V and U interleaved). */
    private static Mat i420ToNv21(Mat i420, int w, int h) {
        int ySize = w * h;
        int cSize = ySize / 4;
        byte[] in = new byte[ySize + 2 * cSize];
        i420.data().get(in);
        byte[] out = new byte[in.length];
        System.arraycopy(in, 0, out, 0, ySize);
        for (int i = 0; i < cSize; i++) {
            out[ySize + 2 * i] = in[ySize + cSize + i]; // V
            out[ySize + 2 * i + 1] = in[ySize + i]; // U
        }
        Mat nv21 = new Mat(h + h / 2, w, CV_8UC1);
        BytePointer p = nv21.data();
        p.put(out);
        return nv21;
    }
}
