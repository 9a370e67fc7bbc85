package io.wkforge.stages.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.Executor;
import io.wkforge.stages.FrameCode;
import io.wkforge.stages.StageHarness;
import io.wkforge.stages.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FramesStageTest {
    @TempDir
    Path dir;

    private static final String CLASSES = """
            classes {
              1 scene red videos "v/red*"
              2 other background videos "v/bg/*"  background
            }
            """;
    /**
     * Every frame kept, so every frame decoded: damage in the middle of a video is seen (at a lower
     * rate, GOPs that hold no kept frame are not decoded, and damage inside them goes unseen).
     */
    private static final String EVERY_FRAME = "frames { fps 30 }\n";

    @Test
    void extractsEveryVideoCachesAndReExtractsOnlyANewVideo() throws IOException {
        TestVideos.write(dir.resolve("v/red_a.mp4"), 60, 30);
        TestVideos.write(dir.resolve("v/red_b.h264"), 45, 30);
        TestVideos.write(dir.resolve("v/bg/stream_chn1.h264"), 30, 15);
        StageHarness h = StageHarness.write(dir, CLASSES + "frames { fps 1; stream_fps 15 }\n");

        Executor.Result first = h.run(StageId.FRAMES);
        assertEquals(Executor.Outcome.OK, first.outcome(), String.valueOf(first.failures()));
        assertEquals(3, first.ran());
        assertEquals(List.of(
                "01_scene_red/01_scene_red_red_a_000000.png",
                "01_scene_red/01_scene_red_red_a_000001.png",
                "01_scene_red/01_scene_red_red_b_000000.png",
                "01_scene_red/01_scene_red_red_b_000001.png",
                "01_scene_red/01_scene_red_red_b_000002.png",
                "02_other_background/02_other_background_stream_chn1_000000.png",
                "02_other_background/02_other_background_stream_chn1_000001.png"), h.files("frames"));
        // the raw stream is timed at stream_fps 15: frames 0, 15, 30 of red_b
        assertEquals(30, FrameCode.read(h.out.resolve("frames/01_scene_red/01_scene_red_red_b_000002.png")));
        assertEquals(30, FrameCode.read(h.out.resolve("frames/01_scene_red/01_scene_red_red_a_000001.png")));

        Executor.Result second = h.run(StageId.FRAMES);
        assertEquals(0, second.ran());
        assertEquals(3, second.cached());

        TestVideos.write(dir.resolve("v/red_c.mp4"), 30, 30);
        Executor.Result third = h.run(StageId.FRAMES);
        assertEquals(1, third.ran());
        assertEquals(3, third.cached());
        assertTrue(Files.exists(h.out.resolve("frames/01_scene_red/01_scene_red_red_c_000000.png")));
    }

    @Test
    void badVideosFailTheStageAfterEveryVideoIsExtractedAndSwitchingOnErrorReExtractsNothing() throws IOException {
        Path good = TestVideos.write(dir.resolve("v/red_good.mp4"), 90, 30);
        TestVideos.damagedMiddle(good, dir.resolve("v/red_damaged.mp4"));
        TestVideos.empty(dir.resolve("v/red_empty.mp4"));
        TestVideos.text(dir.resolve("v/red_notes.mp4"));
        TestVideos.write(dir.resolve("v/bg/bg.mp4"), 30, 30);
        StageHarness h = StageHarness.write(dir, CLASSES + EVERY_FRAME);

        Executor.Result r = h.run(StageId.FRAMES);
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        assertEquals(5, r.ran(), "every video is a task that commits, bad ones included");
        assertEquals(1, r.failures().size(), String.valueOf(r.failures()));
        String all = r.failures().get(0);
        assertTrue(all.startsWith("frames: 3 videos do not decode cleanly"), all);
        assertTrue(all.contains("v/red_empty.mp4: file is empty (0 bytes); no frame extracted"), all);
        assertTrue(all.contains("v/red_notes.mp4: not a video FFmpeg can open"), all);
        assertTrue(all.contains("v/red_damaged.mp4: decoded only partly") && all.contains("that decoded cleanly"), all);
        assertTrue(Files.exists(h.out.resolve("frames/01_scene_red/01_scene_red_red_good_000000.png")));
        assertTrue(Files.exists(h.out.resolve("frames/01_scene_red/01_scene_red_red_damaged_000000.png")));

        // nothing changed: nothing is re-extracted, and the verdict is the same
        Executor.Result again = h.run(StageId.FRAMES);
        assertEquals(0, again.ran());
        assertEquals(5, again.cached());
        assertEquals(Executor.Outcome.STAGE_FAILED, again.outcome());
        assertEquals(all, again.failures().get(0));

        // on_error is not in any video's key: switching it re-judges, it does not re-extract
        Files.writeString(h.recipe, CLASSES + "frames { fps 30; on_error skip }\n");
        Executor.Result skip = h.run(StageId.FRAMES);
        assertEquals(Executor.Outcome.OK, skip.outcome(), String.valueOf(skip.failures()));
        assertEquals(0, skip.ran());
        assertEquals(5, skip.cached());
        assertEquals(3, h.warnings.size(), String.join("\n", h.warnings));

        // a fixed video re-runs alone and stops being reported
        Files.copy(good, dir.resolve("v/red_damaged.mp4"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Executor.Result fixed = h.run(StageId.FRAMES);
        assertEquals(1, fixed.ran());
        assertEquals(2, h.warnings.size(), String.join("\n", h.warnings));
    }

    @Test
    void onErrorSkipWarnsAndKeepsWhatDecoded() throws IOException {
        Path good = TestVideos.write(dir.resolve("v/red_good.mp4"), 90, 30);
        TestVideos.damagedMiddle(good, dir.resolve("v/red_damaged.mp4"));
        TestVideos.randomBytes(dir.resolve("v/red_noise.mp4"), 3000, 5);
        TestVideos.write(dir.resolve("v/bg/bg.mp4"), 30, 30);
        StageHarness h = StageHarness.write(dir, CLASSES + "frames { fps 30; on_error skip }\n");

        Executor.Result r = h.run(StageId.FRAMES);
        assertEquals(Executor.Outcome.OK, r.outcome(), String.valueOf(r.failures()));
        String warnings = String.join("\n", h.warnings);
        assertEquals(2, h.warnings.size(), warnings);
        assertTrue(warnings.contains("v/red_noise.mp4: not a video FFmpeg can open") && warnings.contains("no frame extracted (on_error skip)"), warnings);
        assertTrue(warnings.contains("v/red_damaged.mp4: decoded only partly") && warnings.contains("decoded cleanly (on_error skip)"), warnings);
        assertTrue(Files.exists(h.out.resolve("frames/01_scene_red/01_scene_red_red_damaged_000000.png")));
    }

    @Test
    void jpegQualityIsKeyedOnlyForJpeg() throws IOException {
        TestVideos.write(dir.resolve("v/red_a.mp4"), 30, 30);
        TestVideos.write(dir.resolve("v/bg/bg.mp4"), 30, 30);
        StageHarness h = StageHarness.write(dir, CLASSES + "frames { format png; quality 50 }\n");
        assertEquals(2, h.run(StageId.FRAMES).ran());
        // PNG does not read the quality, so changing it changes nothing
        Files.writeString(h.recipe, CLASSES + "frames { format png; quality 80 }\n");
        assertEquals(0, h.run(StageId.FRAMES).ran());

        Files.writeString(h.recipe, CLASSES + "frames { format jpg; quality 30 }\n");
        assertEquals(2, h.run(StageId.FRAMES).ran());
        long small = Files.size(h.out.resolve("frames/01_scene_red/01_scene_red_red_a_000000.jpg"));
        Files.writeString(h.recipe, CLASSES + "frames { format jpg; quality 98 }\n");
        assertEquals(2, h.run(StageId.FRAMES).ran());
        long large = Files.size(h.out.resolve("frames/01_scene_red/01_scene_red_red_a_000000.jpg"));
        assertTrue(large > small * 3 / 2, small + " bytes at quality 30, " + large + " at 98");
    }
}
