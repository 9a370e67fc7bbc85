package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_copy_props;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

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

    /** Whether the picture's width and height trade places. */
    boolean swapsSides() {
        return this == CLOCKWISE || this == COUNTERCLOCKWISE || this == TRANSPOSE || this == ANTI_TRANSPOSE;
    }

    /**
     * The upright picture of a packed 24-bit frame: {@code frame} itself when nothing changes,
     * else a new frame the caller frees. A pure permutation of pixels, done in Java: no image
     * library is loaded for it, and it is small beside encoding the result.
     */
    AVFrame apply(AVFrame frame) {
        if (this == UPRIGHT) return frame;
        int w = frame.width();
        int h = frame.height();
        int srcStride = frame.linesize(0);
        byte[] src = new byte[srcStride * (h - 1) + w * 3];
        frame.data(0).position(0).get(src);
        int ow = swapsSides() ? h : w;
        int oh = swapsSides() ? w : h;
        byte[] dst = new byte[ow * oh * 3];
        int d = 0;
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++, d += 3) {
                int s = sourceOffset(x, y, w, h, srcStride);
                dst[d] = src[s];
                dst[d + 1] = src[s + 1];
                dst[d + 2] = src[s + 2];
            }
        }
        AVFrame out = av_frame_alloc();
        if (out == null) throw new OutOfMemoryError("av_frame_alloc");
        av_frame_copy_props(out, frame);
        out.format(frame.format());
        out.width(ow);
        out.height(oh);
        if (av_frame_get_buffer(out, 0) < 0) {
            av_frame_free(out);
            throw new OutOfMemoryError("av_frame_get_buffer");
        }
        BytePointer data = out.data(0);
        int stride = out.linesize(0);
        for (int y = 0; y < oh; y++) data.position((long) y * stride).put(dst, y * ow * 3, ow * 3);
        data.position(0);
        return out;
    }

    /** Where output pixel (x, y) comes from in a w x h source, as the CLI's transpose/hflip/vflip filters place it. */
    private int sourceOffset(int x, int y, int w, int h, int stride) {
        int sx;
        int sy;
        switch (this) {
            case CLOCKWISE -> { sx = y; sy = h - 1 - x; }
            case COUNTERCLOCKWISE -> { sx = w - 1 - y; sy = x; }
            case TRANSPOSE -> { sx = y; sy = x; }
            case ANTI_TRANSPOSE -> { sx = w - 1 - y; sy = h - 1 - x; }
            case MIRROR -> { sx = w - 1 - x; sy = y; }
            case FLIP -> { sx = x; sy = h - 1 - y; }
            case HALF_TURN -> { sx = w - 1 - x; sy = h - 1 - y; }
            default -> { sx = x; sy = y; }
        }
        return sy * stride + sx * 3;
    }
}
