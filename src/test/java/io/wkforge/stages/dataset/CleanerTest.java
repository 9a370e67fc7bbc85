package io.wkforge.stages.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wkforge.stages.dataset.CleanDecision.Reason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CleanerTest {
    private final Map<FrameRef, FrameMetrics> metrics = new LinkedHashMap<>();
    private final List<FrameRef> frames = new ArrayList<>();

    private FrameRef frame(String pixels, long[] hash, double sharpness, double std) {
        FrameRef f = FrameRef.of(Path.of("/o"), Path.of("/o/frames/01_a_b/01_a_b_v_" + String.format("%06d", frames.size()) + ".png"));
        frames.add(f);
        metrics.put(f, new FrameMetrics(pixels, hash, sharpness, std));
        return f;
    }

    /** A hash that differs from {@code base} in {@code bits} bits. */
    private static long[] hash(long base, int bits) {
        return new long[] {base ^ ((1L << bits) - 1), 0, 0, 0};
    }

    @Test
    void eachRuleDropsWhatItShouldAndDuplicatesPointAtTheKeptOriginal() {
        FrameRef first = frame("p1", hash(0, 0), 500, 50);
        FrameRef exact = frame("p1", hash(0, 0), 500, 50);
        FrameRef near = frame("p2", hash(0, 5), 500, 50);      // similarity 251/256 = 0.980
        FrameRef distinct = frame("p3", hash(0, 12), 500, 50); // 0.953
        FrameRef black = frame("p4", hash(-1, 0), 0, 0.5);
        FrameRef blurry = frame("p5", hash(0x5555, 0), 20, 40);
        FrameRef excluded = frame("p6", hash(0x3333, 0), 500, 50);

        List<CleanDecision> d = new Cleaner(new Cleaner.Thresholds(0.98, 60, 4)).judge(frames, metrics, Set.of(excluded));
        assertEquals(List.of(), d.get(0).reasons());
        assertEquals(List.of(Reason.DUPLICATE), d.get(1).reasons());
        assertEquals(first, d.get(1).original());
        assertEquals(List.of(Reason.NEAR_DUPLICATE), d.get(2).reasons());
        assertEquals(first, d.get(2).original());
        assertEquals(List.of(), d.get(3).reasons());
        assertEquals(List.of(Reason.UNIFORM, Reason.BLURRY), d.get(4).reasons());
        assertEquals(List.of(Reason.BLURRY), d.get(5).reasons());
        assertEquals(List.of(Reason.EXCLUDED), d.get(6).reasons());
        assertEquals(distinct, d.get(3).frame());
        assertEquals(black, d.get(4).frame());
        assertEquals(blurry, d.get(5).frame());
        assertEquals(exact, d.get(1).frame());
        assertEquals(near, d.get(2).frame());
    }

    @Test
    void duplicatesOneDropsOnlyExactCopiesAndZeroThresholdsKeepEverything() {
        frame("p1", hash(0, 0), 0, 0);
        frame("p2", hash(0, 0), 0, 0); // same perceptual hash, different pixels
        frame("p1", hash(0, 0), 0, 0);
        List<CleanDecision> d = new Cleaner(new Cleaner.Thresholds(1, 0, 0)).judge(frames, metrics, Set.of());
        assertEquals(List.of(true, true, false), d.stream().map(CleanDecision::kept).toList());
    }

    @Test
    void excludePatternsMatchNamesOrPathsInTheFramesFolder() {
        FrameRef f = FrameRef.of(Path.of("/o"), Path.of("/o/frames/01_a_b/01_a_b_clip3_000017.png"));
        assertEquals("01_a_b_clip3_000017.png", new ExcludePatterns(List.of("01_a_b_clip3_000017.png")).match(f));
        assertEquals("*_clip3_*", new ExcludePatterns(List.of("x", "*_clip3_*")).match(f));
        assertEquals("01_a_b/*", new ExcludePatterns(List.of("01_a_b/*")).match(f));
        assertEquals("frames/01_a_b/*_000017.png", new ExcludePatterns(List.of("frames/01_a_b/*_000017.png")).match(f));
        ExcludePatterns none = new ExcludePatterns(List.of("02_*/*"));
        assertEquals(null, none.match(f));
        assertEquals(List.of("02_*/*"), none.unused());
    }
}
