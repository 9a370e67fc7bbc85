package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avutil.AVCHROMA_LOC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_copy_props;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_alloc_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_free_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale_frame;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;

/**
 * Converts a decoded frame, in whatever pixel format the decoder produced, into packed 8-bit RGB
 * or BGR at full resolution, exactly as the ffmpeg CLI's automatic scale filter does it (a test
 * compares pixels): FFmpeg's frame-based swscale call, which reads the colour matrix and range
 * from the frame itself (a BT.709 or full-range video keeps its colours), with the filter's
 * defaults: bicubic, chroma siting left to the converter, the picture taken as progressive.
 * Only kept frames are converted (at one frame per second of a 30 fps video, 29 of 30 frames
 * never are). One converter per thread.
 */
final class PackedConverter implements AutoCloseable {
    /** AV_FRAME_FLAG_INTERLACED. */
    private static final int FRAME_FLAG_INTERLACED = 1 << 3;

    private final int pixelFormat;
    private SwsContext sws = sws_alloc_context();

    /** @param pixelFormat AV_PIX_FMT_RGB24 or AV_PIX_FMT_BGR24 */
    PackedConverter(int pixelFormat) {
        if (sws == null) throw new OutOfMemoryError("swscale context");
        this.pixelFormat = pixelFormat;
        sws.flags(SWS_BICUBIC);
        sws.threads(1); // callers convert several frames side by side
    }

    /**
     * A new frame (the caller frees it) holding {@code frame}'s picture as packed pixels, tagged
     * as plain RGB with no colour-management metadata. Resets {@code frame}'s chroma siting and
     * interlacing flag, as the scale filter does with its input.
     */
    AVFrame convert(AVFrame frame) {
        frame.chroma_location(AVCHROMA_LOC_UNSPECIFIED);
        frame.flags(frame.flags() & ~FRAME_FLAG_INTERLACED);
        AVFrame packed = av_frame_alloc();
        if (packed == null) throw new OutOfMemoryError("av_frame_alloc");
        av_frame_copy_props(packed, frame);
        packed.format(pixelFormat);
        packed.width(frame.width());
        packed.height(frame.height());
        packed.colorspace(AVCOL_SPC_RGB);
        packed.color_range(AVCOL_RANGE_JPEG);
        int r = sws_scale_frame(sws, packed, frame);
        if (r < 0) {
            av_frame_free(packed);
            throw new IllegalStateException("no conversion from pixel format " + frame.format() + ": " + FfmpegErrors.describe(r));
        }
        // images carry pixels only: no gamma or primaries chunks for viewers to apply, no aspect
        packed.color_primaries(AVCOL_PRI_UNSPECIFIED);
        packed.color_trc(AVCOL_TRC_UNSPECIFIED);
        packed.sample_aspect_ratio(new AVRational().num(0).den(1));
        return packed;
    }

    @Override
    public void close() {
        if (sws != null) sws_free_context(sws);
        sws = null;
    }
}
