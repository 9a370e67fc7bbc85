package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts a decoded frame, in whatever pixel format the decoder produced, into a full-resolution
 * BGR image. The grabber runs in raw mode so that only the frames that are kept pay for this
 * conversion (at one frame per second of a 30 fps video, 29 of 30 frames are never converted).
 */
final class BgrConverter implements AutoCloseable {
    private SwsContext sws;
    private final PointerPointer<?> dstData = new PointerPointer<>(4);
    private final IntPointer dstStride = new IntPointer(4);

    /** A new image the caller owns (and closes). */
    BgrImage convert(AVFrame frame) {
        int w = frame.width();
        int h = frame.height();
        sws = sws_getCachedContext(sws, w, h, frame.format(), w, h, avutil.AV_PIX_FMT_BGR24,
                SWS_BILINEAR, null, null, (DoublePointer) null);
        if (sws == null) throw new IllegalStateException("no conversion from pixel format " + frame.format());
        BgrImage image = BgrImage.allocate(w, h);
        dstData.put(0, image.pixels());
        dstStride.put(0, image.stride());
        sws_scale(sws, frame.data(), frame.linesize(), 0, h, dstData, dstStride);
        return image;
    }

    @Override
    public void close() {
        if (sws != null) sws_freeContext(sws);
        sws = null;
        dstData.close();
        dstStride.close();
    }
}
