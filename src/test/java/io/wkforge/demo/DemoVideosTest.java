package io.wkforge.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.Recipes;
import io.wkforge.lang.schema.StageId;
import io.wkforge.run.Executor;
import io.wkforge.stages.StageHarness;
import io.wkforge.util.Json;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's generated videos: deterministic, what they claim to be, and work for the real cleaner. */
class DemoVideosTest {
    @TempDir Path dir;

    @Test
    void aSeedGivesTheSamePicturesAndAnotherSeedOthers() {
        DemoClip a = new DemoClip(DemoObject.TOMATO, 0, 1, 30, 15, 7);
        DemoClip b = new DemoClip(DemoObject.TOMATO, 0, 1, 30, 15, 7);
        DemoClip c = new DemoClip(DemoObject.TOMATO, 0, 1, 30, 15, 8);
        for (int i = 0; i < 30; i += 7) {
            byte[] pa = pixels(a, i);
            assertArrayEquals(pa, pixels(b, i), "frame " + i);
            assertFalse(java.util.Arrays.equals(pa, pixels(c, i)), "frame " + i + " of another seed");
        }
    }

    @Test
    void everyClassGetsEveryKindOfCameraFaultInSomeVideo() {
        int frames = (int) (DemoVideos.SECONDS * DemoVideos.FPS);
        for (int c = 0; c < DemoObject.values().length; c++) {
            boolean freeze = false;
            boolean blur = false;
            boolean black = false;
            for (int v = 1; v <= DemoVideos.VIDEOS_PER_CLASS; v++) {
                CameraFaults f = CameraFaults.plan(c, v, frames, DemoVideos.FPS, new java.util.Random(v));
                freeze |= f.freezeLength() > 0;
                blur |= f.blurLength() > 0;
                black |= f.blackLength() > 0;
                assertTrue(f.freezeStart() + f.freezeLength() <= frames && f.blurStart() + f.blurLength() <= frames
                        && f.blackStart() + f.blackLength() <= frames, "faults inside the clip: " + f);
                for (int i = 0; i < frames; i++) {
                    int causes = (f.frozen(i) ? 1 : 0) + (f.blurred(i) ? 1 : 0) + (f.black(i) ? 1 : 0);
                    assertTrue(causes <= 1, "frame " + i + " has one fault at most: " + f);
                }
            }
            assertTrue(freeze && blur && black, "class " + c + ": freeze " + freeze + ", blur " + blur + ", black " + black);
        }
    }

    /**
     * A clip with all three faults, through the real frames and clean stages with the demo
     * recipe's thresholds: clean drops the frozen, blurred and black frames, and only those.
     */
    @Test
    void theCleanerFindsTheFaultsAndNothingElse() throws Exception {
        System.setProperty("wkforge.stdlib", Recipes.repoRoot().resolve("stdlib").toString());
        // one clip per class: the one with a freeze, a blur and a covered lens (class + video = 5, CameraFaults.plan)
        List<DemoVideos.Clip> clips = DemoVideos.clips(dir).stream().filter(c -> c.classIndex() + c.video() == 5).toList();
        assertEquals(DemoObject.values().length, clips.size());
        assertEquals(clips.size(), DemoVideos.writeMissing(clips, 1, 2, n -> {}));
        assertEquals(0, DemoVideos.writeMissing(clips, 1, 2, n -> {}), "a second call keeps what is there");
        DemoVideos.Clip clip = clips.get(0);

        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.file().toFile())) {
            g.start();
            assertEquals(DemoClip.WIDTH, g.getImageWidth());
            assertEquals(DemoClip.HEIGHT, g.getImageHeight());
            assertEquals("h264", g.getVideoCodecName());
            assertEquals(DemoVideos.FPS, g.getFrameRate(), 0.01);
            g.stop();
        }

        String recipe = DemoRecipe.text();
        StageHarness h = new StageHarness(Files.writeString(dir.resolve(DemoRecipe.FILE_NAME), recipe));
        Executor.Result r = h.run(StageId.FRAMES, StageId.CLEAN);
        assertEquals(Executor.Outcome.OK, r.outcome(), r.failures().toString());
        Map<?, ?> report = (Map<?, ?>) Json.read(Files.readString(h.out.resolve("clean/report.json")));
        int step = (int) Math.round(DemoVideos.FPS / 3); // the recipe samples 3 frames per second
        Map<String, Map<Integer, String>> droppedByClip = new java.util.TreeMap<>();
        for (Object o : (List<?>) report.get("dropped")) {
            Map<?, ?> d = (Map<?, ?>) o;
            String frame = (String) d.get("frame");
            DemoVideos.Clip c = clips.stream().filter(x -> frame.contains("_" + stem(x) + "_")).findFirst().orElseThrow();
            int k = Integer.parseInt(frame.replaceAll(".*_(\\d+)\\.png$", "$1"));
            droppedByClip.computeIfAbsent(stem(c), x -> new java.util.TreeMap<>()).put(k, (String) ((List<?>) d.get("reasons")).get(0));
        }
        int sampled = (int) (DemoVideos.SECONDS * 3);
        java.util.Set<String> reasons = new java.util.TreeSet<>();
        for (DemoVideos.Clip c : clips) {
            CameraFaults f = faults(c);
            Map<Integer, String> dropped = droppedByClip.getOrDefault(stem(c), Map.of());
            for (int k = 0; k < sampled; k++) {
                int i = k * step;
                java.util.Set<String> allowed = new java.util.HashSet<>();
                if (f.black(i)) allowed.add("uniform");
                // the first sampled frame of a freeze is kept; the ones after it repeat it
                if (f.frozen(i) && i - step >= f.freezeStart()) allowed.addAll(List.of("duplicate", "uniform"));
                if (f.blurred(i)) allowed.addAll(List.of("blurry", "uniform")); // an empty surface out of focus is near-uniform too
                String why = dropped.get(k);
                if (allowed.isEmpty()) {
                    assertEquals(null, why, stem(c) + " frame " + k + " (video frame " + i + ") has no fault: " + f);
                } else {
                    assertTrue(why != null && allowed.contains(why), stem(c) + " frame " + k + " (video frame " + i + ") should be dropped as one of "
                            + allowed + ", was " + why + ": " + f);
                    reasons.add(why);
                }
            }
        }
        assertTrue(reasons.containsAll(List.of("uniform", "blurry", "duplicate")), "every reason occurs: " + reasons);
    }

    private static String stem(DemoVideos.Clip c) {
        String n = c.file().getFileName().toString();
        return n.substring(0, n.length() - ".mp4".length());
    }

    private static CameraFaults faults(DemoVideos.Clip c) {
        return new DemoClip(c.object(), c.classIndex(), c.video(), (int) (DemoVideos.SECONDS * DemoVideos.FPS), DemoVideos.FPS,
                DemoVideos.clipSeed(1, c)).faults();
    }

    private static byte[] pixels(DemoClip clip, int i) {
        return ((DataBufferByte) clip.frame(i).getRaster().getDataBuffer()).getData().clone();
    }
}
