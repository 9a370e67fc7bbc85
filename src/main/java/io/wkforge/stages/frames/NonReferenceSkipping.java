package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;

import java.lang.reflect.Field;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Saves decoding work without changing which frames are kept: frames no other frame refers to
 * (most B-frames) are skipped by the decoder while the next instant to sample is still more than
 * the decoder's pipeline depth away. Such a frame comes before the instant, so the sampling rule
 * could never have kept it; reference frames are always decoded, so every later frame decodes
 * exactly as before. Videos without B-frames and raw streams (timed by counting frames) are
 * decoded in full.
 *
 * <p>JavaCV does not expose the grabber's decoder context, so it is read by reflection; when that
 * fails (another JavaCV version), nothing is skipped.
 */
final class NonReferenceSkipping {
    /** Frames beyond the pipeline depth that the margin also allows for (timestamp jitter). */
    private static final int EXTRA_MARGIN_FRAMES = 2;

    private final AVCodecContext codec;
    private final double frameMicros;
    private boolean used;

    private NonReferenceSkipping(AVCodecContext codec, double frameMicros) {
        this.codec = codec;
        this.frameMicros = frameMicros;
    }

    /** For a started grabber of a container video; null when skipping cannot be done safely. */
    static NonReferenceSkipping of(FFmpegFrameGrabber grabber) {
        AVCodecContext codec = decoderOf(grabber);
        double frameMicros = shortestFrameMicros(grabber);
        if (codec == null || frameMicros <= 0) return null;
        return new NonReferenceSkipping(codec, frameMicros);
    }

    /**
     * Called before each frame is requested.
     *
     * @param lastTimestamp     timestamp (us) of the last frame the decoder returned
     * @param nextKeptNotBefore the earliest timestamp the next kept frame can have
     */
    void beforeNextFrame(long lastTimestamp, long nextKeptNotBefore) {
        int depth = codec.has_b_frames();
        boolean skip = false;
        if (depth > 0 && nextKeptNotBefore != Long.MIN_VALUE) {
            // frames the decoder may still be holding or working on, plus a margin
            int inFlight = Math.max(1, codec.thread_count()) + depth + EXTRA_MARGIN_FRAMES;
            skip = lastTimestamp + inFlight * frameMicros < nextKeptNotBefore;
        }
        codec.skip_frame(skip ? AVDISCARD_NONREF : AVDISCARD_DEFAULT);
        used |= skip;
    }

    /** Whether any frame may have been skipped: then counting frames says nothing about damage. */
    boolean used() {
        return used;
    }

    /** Frames the decoder may hold back at the end of the stream (reordering delay). */
    int reorderDepth() {
        return codec.has_b_frames();
    }

    double frameMicros() {
        return frameMicros;
    }

    private static AVCodecContext decoderOf(FFmpegFrameGrabber grabber) {
        try {
            Field f = FFmpegFrameGrabber.class.getDeclaredField("video_c");
            f.setAccessible(true);
            return (AVCodecContext) f.get(grabber);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** 1 / r_frame_rate: the smallest frame spacing the stream's timestamps use. */
    private static double shortestFrameMicros(FFmpegFrameGrabber grabber) {
        AVFormatContext fc = grabber.getFormatContext();
        int index = grabber.getVideoStream();
        if (fc == null || index < 0 || index >= fc.nb_streams()) return 0;
        AVStream stream = fc.streams(index);
        AVRational rate = stream.r_frame_rate();
        if (rate == null || rate.num() <= 0 || rate.den() <= 0) return 0;
        return 1_000_000.0 * rate.den() / rate.num();
    }
}
