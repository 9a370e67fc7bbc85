package io.wkforge.stages.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSamplerTest {

    /** Timestamps as FFmpeg reports them: whole microseconds, truncated. */
    private static List<Integer> kept(double fps, int frames, double videoFps) {
        FrameSampler s = new FrameSampler(fps);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            if (s.keep((long) Math.floor(i * 1_000_000.0 / videoFps))) out.add(i);
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
    void instantsThatFallExactlyOnATruncatedTimestampStillPickThatFrame() {
        // 1/3 s is frame 10 exactly; FFmpeg reports 333333 us, which is before 333333.33 us
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
        FrameSampler s = new FrameSampler(1);
        assertEquals(true, s.keep(0));
        assertEquals(true, s.keep(2_500_000)); // first frame at/after instants 1 s and 2 s
        assertEquals(true, s.keep(3_000_000));
        assertEquals(false, s.keep(3_400_000));
    }

    @Test
    void timeCountsFromTheFirstDecodedFrame() {
        FrameSampler s = new FrameSampler(1);
        assertEquals(true, s.keep(500_000));
        assertEquals(false, s.keep(1_000_000));
        assertEquals(true, s.keep(1_500_000));
    }

    @Test
    void fractionalRates() {
        assertEquals(List.of(0, 60), kept(0.5, 90, 30));
    }
}
