package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avutil.AVCHROMA_LOC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_copy_props;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_alloc_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_free_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale_frame;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Converts a decoded frame, in whatever pixel format the decoder produced, into a full-resolution
 * 8-bit BGR image, exactly as the ffmpeg CLI's automatic scale filter does it (a test compares
 * pixels): FFmpeg's frame-based swscale call, which reads the colour matrix and range from the
 * frame itself (a BT.709 or full-range video keeps its colours), with the filter's defaults:
 * bicubic, chroma siting left to the converter, the picture taken as progressive. Only kept
 * frames are converted (at one frame per second of a 30 fps video, 29 of 30 frames never are).
 * One converter per thread.
 */
final class BgrConverter implements AutoCloseable {
    /** AV_FRAME_FLAG_INTERLACED. */
    private static final int FRAME_FLAG_INTERLACED = 1 << 3;

    private SwsContext sws = sws_alloc_context();
    private final AVFrame bgr = av_frame_alloc();

    BgrConverter() {
        if (sws == null || bgr == null) throw new OutOfMemoryError("swscale context");
        sws.flags(SWS_BICUBIC);
        sws.threads(1); // callers convert several frames side by side
    }

    /**
     * The frame as BGR pixels in a Mat that stays valid until the next call or close. Resets the
     * frame's chroma siting and interlacing flag, as the scale filter does with its input.
     */
    Mat convert(AVFrame frame) {
        frame.chroma_location(AVCHROMA_LOC_UNSPECIFIED);
        frame.flags(frame.flags() & ~FRAME_FLAG_INTERLACED);
        av_frame_unref(bgr);
        av_frame_copy_props(bgr, frame);
        bgr.format(AV_PIX_FMT_BGR24);
        bgr.width(frame.width());
        bgr.height(frame.height());
        bgr.colorspace(AVCOL_SPC_RGB);
        bgr.color_range(AVCOL_RANGE_JPEG);
        int r = sws_scale_frame(sws, bgr, frame);
        if (r < 0) {
            throw new IllegalStateException("no conversion to BGR from pixel format " + frame.format() + ": " + FfmpegErrors.describe(r));
        }
        return new Mat(bgr.height(), bgr.width(), CV_8UC3, bgr.data(0), bgr.linesize(0));
    }

    @Override
    public void close() {
        av_frame_free(bgr);
        if (sws != null) sws_free_context(sws);
        sws = null;
    }
}
