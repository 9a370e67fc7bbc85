package io.wkforge.stages.frames;

/**
 * The sampling rule of the frames stage: at {@code fps} F, keep the first decoded frame at or
 * after each instant k/F (k = 0, 1, 2, ...), measured from the first decoded frame. A frame that
 * is the first at or after several instants (a gap in a variable-rate video) is kept once.
 *
 * <p>Unlike {@code ffmpeg -r} (which duplicates and drops frames to hit a constant output rate,
 * picking frames 0, 1, 26, 56, ... for one per second) and {@code -vf fps} (which rounds each
 * frame to the nearest output tick), this rule never picks a frame that comes before its instant
 * and never emits the same frame twice.
 */
public final class FrameSampler {
    /**
     * FFmpeg reports timestamps truncated to whole microseconds, so a frame exactly on an instant
     * (frame 10 of a 30 fps video is exactly 1/3 s) can read up to 1 us early.
     */
    private static final double TOLERANCE_MICROS = 1.0;

    private final double fps;
    private long nextInstant;
    private long origin = Long.MIN_VALUE;

    public FrameSampler(double fps) {
        if (!(fps > 0)) throw new IllegalArgumentException("fps must be positive: " + fps);
        this.fps = fps;
    }

    /** Whether the frame with this timestamp (microseconds) is kept. Call in decoding order. */
    public boolean keep(long timestampMicros) {
        if (origin == Long.MIN_VALUE) origin = timestampMicros;
        double t = timestampMicros - origin + TOLERANCE_MICROS;
        if (t < instantMicros(nextInstant)) return false;
        while (instantMicros(nextInstant) <= t) nextInstant++;
        return true;
    }

    /**
     * The earliest timestamp (in the caller's microseconds) that the next kept frame can have, or
     * {@link Long#MIN_VALUE} before the first frame: any frame stamped earlier will not be kept.
     */
    public long nextKeptNotBefore() {
        if (origin == Long.MIN_VALUE) return Long.MIN_VALUE;
        return origin + (long) Math.floor(instantMicros(nextInstant) - TOLERANCE_MICROS);
    }

    private double instantMicros(long k) {
        return k * 1_000_000.0 / fps;
    }
}
