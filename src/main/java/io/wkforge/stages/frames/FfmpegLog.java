package io.wkforge.stages.frames;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * FFmpeg logs every decoding hiccup to stderr, which floods a run over many videos. Decoding
 * problems are detected from the decoder's own flags instead (see {@link VideoFrameExtractor})
 * and reported once per file, so the library log is silenced.
 */
final class FfmpegLog {
    private static volatile boolean quiet;

    private FfmpegLog() {}

    static void quiet() {
        if (quiet) return;
        synchronized (FfmpegLog.class) {
            if (!quiet) {
                avutil.av_log_set_level(avutil.AV_LOG_QUIET);
                quiet = true;
            }
        }
    }
}
