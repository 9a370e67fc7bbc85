package io.wkforge.stages.frames;

import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg's own short explanation of its error codes, which is what a user can act on. */
final class FfmpegErrors {
    /** AVERROR(EAGAIN): the decoder wants more input before it can output a frame. */
    static final int EAGAIN = avutil.AVERROR_EAGAIN();

    private FfmpegErrors() {}

    static String describe(int code) {
        byte[] buf = new byte[256];
        if (avutil.av_strerror(code, buf, buf.length) != 0) return "FFmpeg error " + code;
        int len = 0;
        while (len < buf.length && buf[len] != 0) len++;
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }
}
