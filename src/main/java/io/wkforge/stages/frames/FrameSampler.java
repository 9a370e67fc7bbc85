package io.wkforge.stages.frames;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The sampling rule of the frames stage: at {@code fps} F, keep the first frame at or after each
 * instant k/F (k = 0, 1, 2, ...), with time measured from the first decoded frame. A frame that
 * is the first at or after several instants (a gap in a variable-rate video) is kept once.
 *
 * <p>Times are the stream's own timestamps in ticks of its clock, compared in exact integer
 * arithmetic. A container stores each time rounded to its clock (webm's clock ticks in
 * milliseconds, so 1/3 s is stored as 333), so on such a clock a frame within half a tick before
 * an instant counts as on it; a stream timed by counting frames ({@code stream_fps}) is exact.
 *
 * <p>Unlike {@code ffmpeg -r} (which duplicates and drops frames to hit a constant output rate)
 * and {@code -vf fps} (which takes the frame nearest to each output tick), this rule never picks
 * a frame that comes before its instant and never emits the same frame twice.
 */
public final class FrameSampler {
    private static final BigInteger TWO = BigInteger.TWO;

    /** Twice a frame's distance from the origin, in ticks, times this is comparable with {@link #twicePerInstant}. */
    private final BigInteger perTick;
    /** Instant k lies at k times this, in the same units as {@code (2 * ticks [+ 1]) * perTick}. */
    private final BigInteger twicePerInstant;
    private final int halfTick;
    private boolean started;
    private long origin;
    private BigInteger nextInstant = BigInteger.ZERO;

    /**
     * @param fps           frames kept per second
     * @param tickNum       one tick of the stream's clock is {@code tickNum / tickDen} seconds
     * @param roundedClock  timestamps were rounded to the clock (a container's), so half a tick is allowed
     */
    public FrameSampler(BigDecimal fps, long tickNum, long tickDen, boolean roundedClock) {
        if (fps.signum() <= 0) throw new IllegalArgumentException("fps must be positive: " + fps);
        if (tickNum <= 0 || tickDen <= 0) throw new IllegalArgumentException("bad clock " + tickNum + "/" + tickDen);
        BigInteger[] f = fraction(fps);
        this.perTick = BigInteger.valueOf(tickNum).multiply(f[0]);
        this.twicePerInstant = TWO.multiply(f[1]).multiply(BigInteger.valueOf(tickDen));
        this.halfTick = roundedClock ? 1 : 0;
    }

    /** A sampler for timestamps in whole microseconds (rounded). */
    public static FrameSampler microseconds(BigDecimal fps) {
        return new FrameSampler(fps, 1, 1_000_000, true);
    }

    /** Whether the frame with this timestamp (in ticks) is kept. Call in presentation order. */
    public boolean keep(long ticks) {
        if (!started) {
            origin = ticks;
            started = true;
        }
        BigInteger position = BigInteger.valueOf(ticks).subtract(BigInteger.valueOf(origin)).multiply(TWO)
                .add(BigInteger.valueOf(halfTick)).multiply(perTick);
        if (position.signum() < 0) return false;
        BigInteger lastCovered = position.divide(twicePerInstant);
        if (lastCovered.compareTo(nextInstant) < 0) return false;
        nextInstant = lastCovered.add(BigInteger.ONE);
        return true;
    }

    /**
     * The earliest timestamp (in ticks) the next kept frame can have, or {@link Long#MIN_VALUE}
     * before the first frame: a frame stamped earlier will not be kept.
     */
    public long nextKeptNotBefore() {
        if (!started) return Long.MIN_VALUE;
        // smallest e with (2e + halfTick) * perTick >= nextInstant * twicePerInstant
        BigInteger need = nextInstant.multiply(twicePerInstant).subtract(BigInteger.valueOf(halfTick).multiply(perTick));
        if (need.signum() <= 0) return origin;
        BigInteger twice = TWO.multiply(perTick);
        BigInteger[] qr = need.divideAndRemainder(twice);
        BigInteger e = qr[0].add(qr[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO);
        return BigInteger.valueOf(origin).add(e).longValueExact();
    }

    /** {numerator, denominator} of a decimal, exactly. */
    static BigInteger[] fraction(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0) return new BigInteger[] {s.toBigIntegerExact(), BigInteger.ONE};
        return new BigInteger[] {s.unscaledValue(), BigInteger.TEN.pow(s.scale())};
    }
}
