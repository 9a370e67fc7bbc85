package io.wkforge.stages.frames;

import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_core.transpose;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * How to turn a decoded picture upright, read from its display matrix (a phone records portrait
 * video as landscape pictures plus a matrix saying "rotate by 90 degrees"). The choices mirror
 * the ffmpeg CLI's autorotation, so frames come out as players and {@code ffmpeg -i x out.png}
 * show them: quarter turns, possibly with a mirror. Other angles are left as decoded (a rotation
 * by an odd angle would need resampling and invent pixels); {@link #oddAngle(int[])} says so.
 */
enum Orientation {
    UPRIGHT, CLOCKWISE, COUNTERCLOCKWISE, TRANSPOSE, ANTI_TRANSPOSE, MIRROR, FLIP, HALF_TURN;

    /** For a display matrix (nine 16.16/2.30 fixed-point numbers), or null for none. */
    static Orientation of(int[] m) {
        if (m == null) return UPRIGHT;
        double theta = -Math.round(avutil.av_display_rotation_get(m));
        theta -= 360 * Math.floor(theta / 360 + 0.9 / 360);
        if (Math.abs(theta - 90) < 1) return m[3] > 0 ? TRANSPOSE : CLOCKWISE;
        if (Math.abs(theta - 270) < 1) return m[3] < 0 ? ANTI_TRANSPOSE : COUNTERCLOCKWISE;
        if (Math.abs(theta - 180) < 1) {
            boolean h = m[0] < 0;
            boolean v = m[4] < 0;
            return h && v ? HALF_TURN : h ? MIRROR : v ? FLIP : UPRIGHT;
        }
        if (Math.abs(theta) < 1) return m[4] < 0 ? FLIP : UPRIGHT;
        return UPRIGHT;
    }

    /** The angle of a display matrix that is not a quarter turn (left as decoded), or NaN. */
    static double oddAngle(int[] m) {
        if (m == null) return Double.NaN;
        double theta = -Math.round(avutil.av_display_rotation_get(m));
        theta -= 360 * Math.floor(theta / 360 + 0.9 / 360);
        double quarter = Math.abs(theta - 90 * Math.round(theta / 90));
        return quarter < 1 ? Double.NaN : theta;
    }

    /** The upright picture: {@code image} itself when nothing changes, else a new Mat the caller closes. */
    Mat apply(Mat image) {
        if (this == UPRIGHT) return image;
        Mat out = new Mat();
        switch (this) {
            case CLOCKWISE -> rotate(image, out, ROTATE_90_CLOCKWISE);
            case COUNTERCLOCKWISE -> rotate(image, out, ROTATE_90_COUNTERCLOCKWISE);
            case TRANSPOSE -> transpose(image, out);
            case ANTI_TRANSPOSE -> {
                transpose(image, out);
                flip(out, out, -1);
            }
            case MIRROR -> flip(image, out, 1);
            case FLIP -> flip(image, out, 0);
            case HALF_TURN -> flip(image, out, -1);
            default -> throw new IllegalStateException(name());
        }
        return out;
    }
}
