package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * The time of each decoded frame, in ticks of the stream's clock: FFmpeg's best-effort
 * timestamp (what {@code ffprobe -show_entries frame=best_effort_timestamp} lists), or, for a
 * stream without timestamps (a raw {@code .h264}/{@code .h265}), its count at {@code stream_fps}.
 * A frame FFmpeg can give no time (the last frame of some MPEG-4 AVI files) is placed one frame
 * duration after the frame before it.
 */
final class FrameClock {
    private final boolean counted;
    private final long tickNum;
    private final long tickDen;
    private final long nominalFrameTicks;
    private final long startTime;
    private long count;
    private long last = AV_NOPTS_VALUE;
    private long lastDuration;

    private FrameClock(boolean counted, long tickNum, long tickDen, long nominalFrameTicks, long startTime) {
        this.counted = counted;
        this.tickNum = tickNum;
        this.tickDen = tickDen;
        this.nominalFrameTicks = nominalFrameTicks;
        this.startTime = startTime;
    }

    static FrameClock of(VideoDecoder decoder, BigDecimal streamFps) {
        if (!decoder.timestamped()) {
            // frame n at n / stream_fps: one tick is one frame
            BigInteger[] f = FrameSampler.fraction(streamFps);
            return new FrameClock(true, f[1].longValueExact(), f[0].longValueExact(), 1, 0);
        }
        AVRational tb = decoder.timeBase();
        return new FrameClock(false, tb.num(), tb.den(), decoder.nominalFrameTicks(), decoder.startTime());
    }

    /** A sampler for this clock's ticks. */
    FrameSampler sampler(BigDecimal fps) {
        return new FrameSampler(fps, tickNum, tickDen, !counted);
    }

    /** False when frames are timed by counting them (the stream has no timestamps). */
    boolean timestamped() {
        return !counted;
    }

    /**
     * A counted clock passes over frames that were not decoded ({@link NonReferenceSkipping}
     * drops whole runs of a raw stream only after proving each packet is one frame).
     */
    void skipCounted(long frames) {
        if (!counted) throw new IllegalStateException("only a counted clock skips frames");
        count += frames;
    }

    /** Seconds from tick 0 to {@code ticks}. */
    double seconds(long ticks) {
        return ticks * (double) tickNum / tickDen;
    }

    /** The time of the next frame in presentation order. */
    long timeOf(AVFrame frame) {
        if (counted) return count++;
        long t = frame.best_effort_timestamp();
        if (t == AV_NOPTS_VALUE) {
            if (last == AV_NOPTS_VALUE) t = startTime != AV_NOPTS_VALUE ? startTime : 0;
            else t = last + (lastDuration > 0 ? lastDuration : Math.max(1, nominalFrameTicks));
        }
        last = t;
        lastDuration = frame.duration();
        return t;
    }
}
