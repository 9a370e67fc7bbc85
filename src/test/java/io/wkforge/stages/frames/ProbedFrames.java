package io.wkforge.stages.frames;

import io.wkforge.stages.FfmpegCli;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The test oracle: a video's frames as ffprobe lists them (best-effort timestamps and
 * durations, in the stream's time base), and the frames the documented sampling rule picks from
 * that list, worked out here independently of {@link FrameSampler} in exact fractions.
 *
 * <p>The rule (docs/stages/frames-and-dataset.md): keep the first frame at or after each instant
 * k/fps, with time counted from the first frame; a container's timestamps are rounded to its
 * clock, so a frame within half a tick of an instant is on it. A frame without a timestamp comes
 * one frame duration after the frame before it. A raw elementary stream has no timestamps:
 * frame n is at n / stream_fps.
 */
record ProbedFrames(String format, BigInteger tbNum, BigInteger tbDen, List<Long> timestamps, List<Long> durations) {
    private static final List<String> RAW_FORMATS = List.of("h264", "hevc");

    static ProbedFrames of(Path video) {
        Path probe = FfmpegCli.ffprobe();
        String format = FfmpegCli.text(probe, "-v", "error", "-show_entries", "format=format_name", "-of", "csv=p=0",
                video.toString()).strip();
        String tb = FfmpegCli.text(probe, "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=time_base",
                "-of", "csv=p=0", video.toString()).strip().split("\\s+")[0].split(",")[0];
        String[] rows = FfmpegCli.text(probe, "-v", "error", "-select_streams", "v:0", "-show_entries",
                "frame=best_effort_timestamp,duration", "-of", "csv=p=0", video.toString()).split("\\R");
        List<Long> ts = new ArrayList<>();
        List<Long> dur = new ArrayList<>();
        for (String row : rows) {
            String[] f = row.strip().split(",");
            if (f.length == 0 || f[0].isEmpty()) continue;
            ts.add(number(f[0]));
            dur.add(f.length > 1 ? number(f[1]) : null);
        }
        String[] t = tb.split("/");
        return new ProbedFrames(format, new BigInteger(t[0]), new BigInteger(t[1]), ts, dur);
    }

    private static Long number(String s) {
        return s.equals("N/A") ? null : Long.parseLong(s);
    }

    boolean raw() {
        return RAW_FORMATS.contains(format);
    }

    int frames() {
        return timestamps.size();
    }

    /** Indices (in ffprobe's list) of the frames the rule keeps. */
    List<Integer> kept(BigDecimal fps, BigDecimal streamFps) {
        List<Fraction> times = new ArrayList<>();
        Long last = null;
        Long lastDuration = null;
        for (int i = 0; i < frames(); i++) {
            if (raw()) {
                times.add(new Fraction(BigInteger.valueOf(i), BigInteger.ONE).divide(Fraction.of(streamFps)));
                continue;
            }
            Long t = timestamps.get(i);
            if (t == null) t = last + (lastDuration != null && lastDuration > 0 ? lastDuration : 1);
            last = t;
            lastDuration = durations.get(i);
            times.add(new Fraction(BigInteger.valueOf(t).multiply(tbNum), tbDen));
        }
        Fraction halfTick = raw() ? Fraction.ZERO : new Fraction(tbNum, tbDen.multiply(BigInteger.TWO));
        Fraction rate = Fraction.of(fps);
        List<Integer> out = new ArrayList<>();
        BigInteger next = BigInteger.ZERO;
        for (int i = 0; i < times.size(); i++) {
            Fraction since = times.get(i).subtract(times.get(0)).add(halfTick);
            if (since.signum() < 0) continue;
            BigInteger lastInstantCovered = since.multiply(rate).floor();
            if (lastInstantCovered.compareTo(next) >= 0) {
                out.add(i);
                next = lastInstantCovered.add(BigInteger.ONE);
            }
        }
        return out;
    }

    /** Exact fractions, only what the rule needs. */
    record Fraction(BigInteger num, BigInteger den) {
        static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

        static Fraction of(BigDecimal d) {
            return d.scale() <= 0 ? new Fraction(d.toBigIntegerExact(), BigInteger.ONE)
                    : new Fraction(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
        }

        Fraction add(Fraction o) {
            return new Fraction(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
        }

        Fraction subtract(Fraction o) {
            return add(new Fraction(o.num.negate(), o.den));
        }

        Fraction multiply(Fraction o) {
            return new Fraction(num.multiply(o.num), den.multiply(o.den));
        }

        Fraction divide(Fraction o) {
            return new Fraction(num.multiply(o.den), den.multiply(o.num));
        }

        int signum() {
            return num.signum() * den.signum();
        }

        BigInteger floor() {
            BigInteger[] qr = num.divideAndRemainder(den);
            return qr[1].signum() * den.signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
        }
    }
}
