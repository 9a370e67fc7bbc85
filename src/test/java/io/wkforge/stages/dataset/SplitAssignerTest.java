package io.wkforge.stages.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.stages.common.dataset.Side;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SplitAssignerTest {
    private static final String CLS = "01_a_b";

    private static List<FrameRef> frames(int videos, int perVideo) {
        List<FrameRef> out = new ArrayList<>();
        for (int v = 0; v < videos; v++) {
            for (int i = 0; i < perVideo; i++) {
                String name = String.format("%s_clip%d_%06d.png", CLS, v, i);
                out.add(FrameRef.of(Path.of("/out"), Path.of("/out/frames", CLS, name)));
            }
        }
        return out;
    }

    private static long count(Map<FrameRef, Side> m, Side s) {
        return m.values().stream().filter(x -> x == s).count();
    }

    @Test
    void byFrameTakesTheFractionOfEachClass() {
        Map<FrameRef, Side> m = new SplitAssigner(0.1, false, 42).assign(CLS, frames(4, 25));
        assertEquals(10, count(m, Side.VAL));
        assertEquals(90, count(m, Side.TRAIN));
    }

    @Test
    void sameSeedAndFramesGiveTheSameSplitWhateverTheListOrder() {
        List<FrameRef> f = frames(3, 20);
        List<FrameRef> shuffled = new ArrayList<>(f);
        Collections.shuffle(shuffled, new Random(5));
        Map<FrameRef, Side> a = new SplitAssigner(0.2, false, 7).assign(CLS, f);
        assertEquals(a, new SplitAssigner(0.2, false, 7).assign(CLS, shuffled));
        assertNotEquals(a, new SplitAssigner(0.2, false, 8).assign(CLS, f));
    }

    @Test
    void byVideoKeepsEachVideoOnOneSideAndNearTheFraction() {
        Map<FrameRef, Side> m = new SplitAssigner(0.25, true, 3).assign(CLS, frames(8, 10));
        Map<String, Side> perVideo = new HashMap<>();
        for (Map.Entry<FrameRef, Side> e : m.entrySet()) {
            Side before = perVideo.putIfAbsent(e.getKey().videoKey(), e.getValue());
            assertTrue(before == null || before == e.getValue(), "video split across sides: " + e.getKey().videoKey());
        }
        assertEquals(20, count(m, Side.VAL));
    }

    @Test
    void theTrainSideIsNeverEmptied() {
        assertEquals(0, count(new SplitAssigner(0.5, true, 1).assign(CLS, frames(1, 10)), Side.VAL));
        assertEquals(1, count(new SplitAssigner(0.5, true, 1).assign(CLS, frames(2, 10)), Side.TRAIN) / 10);
        assertEquals(0, count(new SplitAssigner(0.1, false, 1).assign(CLS, frames(1, 3)), Side.VAL));
    }
}
