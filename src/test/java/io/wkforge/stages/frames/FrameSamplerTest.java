package io.wkforge.stages.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSamplerTest {

    private static FrameSampler micros(double fps) {
        return FrameSampler.microseconds(BigDecimal.valueOf(fps));
    }

    /** Timestamps rounded to whole microseconds, as a container with a microsecond clock stores them. */
    private static List<Integer> kept(double fps, int frames, double videoFps) {
        FrameSampler s = micros(fps);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            if (s.keep(Math.round(i * 1_000_000.0 / videoFps))) out.add(i);
        }
        return out;
    }

    /** Frame i is the first at or after instant k/F when i = ceil(k * videoFps / F). */
    private static List<Integer> expected(int fps, int frames, int videoFps) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; ; k++) {
            int i = (k * videoFps + fps - 1) / fps;
            if (i >= frames) return out;
            out.add(i);
        }
    }

    @Test
    void oneFramePerSecondOfA30FpsVideo() {
        assertEquals(List.of(0, 30, 60, 90), kept(1, 100, 30));
    }

    @Test
    void instantsThatFallExactlyOnARoundedTimestampStillPickThatFrame() {
        // 1/3 s is frame 10 exactly; a microsecond clock stores 333333 us, less than half a tick before 333333.33 us
        assertEquals(expected(3, 90, 30), kept(3, 90, 30));
        assertEquals(List.of(0, 10, 20, 30, 40, 50, 60, 70, 80), kept(3, 90, 30));
    }

    @Test
    void rateThatDoesNotDivideTheVideoRate() {
        assertEquals(expected(7, 90, 30), kept(7, 90, 30));
        assertEquals(List.of(0, 5, 9, 13, 18, 22, 26, 30), kept(7, 31, 30));
    }

    @Test
    void aFrameCoveringSeveralInstantsIsKeptOnce() {
        FrameSampler s = micros(1);
        assertTrue(s.keep(0));
        assertTrue(s.keep(2_500_000)); // first frame at/after instants 1 s and 2 s
        assertTrue(s.keep(3_000_000));
        assertFalse(s.keep(3_400_000));
    }

    @Test
    void timeCountsFromTheFirstDecodedFrame() {
        FrameSampler s = micros(1);
        assertTrue(s.keep(500_000));
        assertFalse(s.keep(1_000_000));
        assertTrue(s.keep(1_500_000));
    }

    @Test
    void fractionalRates() {
        assertEquals(List.of(0, 60), kept(0.5, 90, 30));
        assertEquals(List.of(0, 12, 24, 36), kept(2.5, 40, 30));
    }

    @Test
    void aMillisecondClockAllowsHalfATick() {
        // webm: 30 fps stored in whole milliseconds, so frame 10 (1/3 s) is stored as 333
        FrameSampler s = new FrameSampler(BigDecimal.valueOf(3), 1, 1000, true);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) if (s.keep(Math.round(i * 1000.0 / 30))) out.add(i);
        assertEquals(List.of(0, 10, 20), out);
        // but a frame more than half a tick early is not on the instant
        FrameSampler t = new FrameSampler(BigDecimal.ONE, 1, 1000, true);
        assertTrue(t.keep(0));
        assertFalse(t.keep(999));
        assertTrue(t.keep(1000));
    }

    @Test
    void countedFramesAreExact() {
        // a raw stream at stream_fps 29.97: tick = 1/29.97 s = 100/2997 s, one tick per frame
        FrameSampler s = new FrameSampler(BigDecimal.ONE, 100, 2997, false);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) if (s.keep(i)) out.add(i);
        assertEquals(List.of(0, 30, 60, 90), out); // frame 30 is 1.001 s, the first at or after 1 s
    }

    @Test
    void clocksThatStartAnywhere() {
        // an MPEG-TS clock (90 kHz) starting at 8.4 s
        FrameSampler s = new FrameSampler(BigDecimal.ONE, 1, 90_000, true);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 70; i++) if (s.keep(756_000 + i * 3000L)) out.add(i);
        assertEquals(List.of(0, 30, 60), out);
    }

    @Test
    void nextKeptNotBeforeIsTheEarliestTimeThatCanStillBeKept() {
        FrameSampler s = new FrameSampler(BigDecimal.ONE, 1, 1000, true);
        assertEquals(Long.MIN_VALUE, s.nextKeptNotBefore());
        assertTrue(s.keep(5000));
        long next = s.nextKeptNotBefore();
        assertEquals(6000, next); // 5999.5 rounds up to the first whole tick that qualifies
        FrameSampler probe = new FrameSampler(BigDecimal.ONE, 1, 1000, true);
        probe.keep(5000);
        assertFalse(probe.keep(next - 1));
        assertTrue(probe.keep(next));
    }
}
