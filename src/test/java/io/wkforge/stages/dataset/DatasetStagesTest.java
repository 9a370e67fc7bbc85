package io.wkforge.stages.dataset;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.Executor;
import io.wkforge.stages.FrameCode;
import io.wkforge.stages.StageHarness;
import io.wkforge.stages.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** frames -> clean -> split through the executor, on videos built so every verdict is known. */
class DatasetStagesTest {
    @TempDir
    static Path dir;
    static StageHarness h;
    static Executor.Result first;

    private static final String RECIPE = """
            classes {
              1 scene red videos "v/red_*.mp4"
              2 other background videos "v/bg.mp4"  background
            }
            frames { fps 1 }
            clean { duplicates 0.97; blur %s; uniform 4; exclude "01_scene_red_red_c_000001.png" }
            split { val 30%%; by video; seed 1 }
            """;

    private static Mat blurred(int code) {
        Mat m = FrameCode.paint(code);
        GaussianBlur(m, m, new Size(21, 21), 0);
        return m;
    }

    @BeforeAll
    static void runAll() throws IOException {
        // red_a: a still scene from frame 60 on, so the sample at 3 s repeats the one at 2 s
        TestVideos.write(dir.resolve("v/red_a.mp4"), 120, 30, i -> FrameCode.paint(Math.min(i, 60)));
        // red_b: lens covered for the second second, out of focus for the third
        TestVideos.write(dir.resolve("v/red_b.mp4"), 90, 30, i -> i < 30 ? FrameCode.paint(i + 3)
                : i < 60 ? new Mat(FrameCode.HEIGHT, FrameCode.WIDTH, CV_8UC3, new Scalar(0, 0, 0, 0)) : blurred(i + 3));
        TestVideos.write(dir.resolve("v/red_c.mp4"), 60, 30, i -> FrameCode.paint(i + 5));
        TestVideos.write(dir.resolve("v/red_d.mp4"), 60, 30, i -> FrameCode.paint(i + 9));
        TestVideos.write(dir.resolve("v/bg.mp4"), 60, 30, i -> FrameCode.paint(i + 100));
        h = StageHarness.write(dir, RECIPE.formatted("100"));
        first = h.run(StageId.FRAMES, StageId.CLEAN, StageId.SPLIT);
    }

    @Test
    void cleanKeepsExactlyTheGoodFramesAndExplainsTheRest() throws IOException {
        assertEquals(Executor.Outcome.OK, first.outcome(), String.valueOf(first.failures()));
        assertEquals(List.of(
                "frames/01_scene_red/01_scene_red_red_a_000000.png",
                "frames/01_scene_red/01_scene_red_red_a_000001.png",
                "frames/01_scene_red/01_scene_red_red_a_000002.png",
                "frames/01_scene_red/01_scene_red_red_b_000000.png",
                "frames/01_scene_red/01_scene_red_red_c_000000.png",
                "frames/01_scene_red/01_scene_red_red_d_000000.png",
                "frames/01_scene_red/01_scene_red_red_d_000001.png",
                "frames/02_other_background/02_other_background_bg_000000.png",
                "frames/02_other_background/02_other_background_bg_000001.png"),
                Files.readAllLines(h.out.resolve("clean/kept.txt")));
        String json = Files.readString(h.out.resolve("clean/report.json"));
        assertTrue(json.matches("(?s).*red_a_000003.png\",\\s*\"reasons\": \\[\\s*\"(near_)?duplicate\".*"), json);
        assertTrue(json.contains("\"duplicate_of\": \"frames/01_scene_red/01_scene_red_red_a_000002.png\""), json);
        assertTrue(json.matches("(?s).*red_b_000001.png\",\\s*\"reasons\": \\[\\s*\"uniform\".*"), json);
        assertTrue(json.matches("(?s).*red_b_000002.png\",\\s*\"reasons\": \\[\\s*\"blurry\".*"), json);
        assertTrue(json.matches("(?s).*red_c_000001.png\",\\s*\"reasons\": \\[\\s*\"excluded\".*"), json);
        String html = Files.readString(h.out.resolve("clean/report.html"));
        assertTrue(html.contains("near-uniform") && html.contains("blurry") && html.contains("excluded by a person"));
        assertTrue(Files.exists(h.out.resolve("clean/thumbs/01_scene_red~01_scene_red_red_b_000002.jpg")));
        assertTrue(Files.exists(h.out.resolve("clean/thumbs/01_scene_red~01_scene_red_red_a_000002.jpg")), "the kept original is shown too");
    }

    @Test
    void splitWritesTheSeedLayoutWithWholeVideosOnEachSide() throws IOException {
        assertEquals(List.of("01_scene_red", "02_other_background"), Files.readAllLines(h.out.resolve("dataset/classes.txt")));
        List<String> train = Files.readAllLines(h.out.resolve("dataset/meta/train.txt"));
        List<String> val = Files.readAllLines(h.out.resolve("dataset/meta/val.txt"));
        assertEquals(9, train.size() + val.size());
        Map<String, String> sideOfVideo = new HashMap<>();
        for (String side : List.of("train", "val")) {
            for (String line : side.equals("train") ? train : val) {
                String[] parts = line.split(" ");
                Path file = h.out.resolve("dataset/" + side + "/" + parts[0]);
                assertTrue(Files.isRegularFile(file), line);
                String folder = parts[0].substring(0, parts[0].indexOf('/'));
                assertTrue(parts[0].substring(folder.length() + 1).startsWith(folder + "_"), line);
                assertEquals(folder.startsWith("01") ? "0" : "1", parts[1], line);
                assertTrue(Files.isSameFile(file, h.out.resolve("frames/" + parts[0])), "hard link expected: " + line);
                String video = FrameRef.of(h.out, h.out.resolve("frames/" + parts[0])).videoKey();
                String before = sideOfVideo.putIfAbsent(folder + "/" + video, side);
                assertTrue(before == null || before.equals(side), "video on both sides: " + line);
            }
        }
        assertTrue(val.stream().anyMatch(l -> l.startsWith("01_scene_red/")), "red has 4 videos: some go to val");
        assertTrue(val.stream().noneMatch(l -> l.startsWith("02_")), "one background video stays in train");
        String warnings = String.join("\n", h.warnings);
        assertTrue(warnings.contains("class 02_other_background has only 2 images"), warnings);
        assertTrue(warnings.contains("class 02_other_background has no validation images (one video only"), warnings);
        String summary = Files.readString(h.out.resolve("dataset/summary.json"));
        assertTrue(summary.contains("\"class\": \"02_other_background\""), summary);
    }

    @Test
    void aThresholdChangeThatKeepsTheSameFramesRerunsOnlyClean() throws IOException {
        byte[] kept = Files.readAllBytes(h.out.resolve("clean/kept.txt"));
        String report = Files.readString(h.out.resolve("clean/report.json"));
        Files.writeString(h.recipe, RECIPE.formatted("120"));
        try {
            Executor.Result r = h.run(StageId.FRAMES, StageId.CLEAN, StageId.SPLIT);
            assertEquals(Executor.Outcome.OK, r.outcome(), String.valueOf(r.failures()));
            assertEquals(1, r.ran(), "clean re-ran");
            assertEquals(6, r.cached(), "the five videos, and split: it reads the kept list, not the report");
            assertArrayEquals(kept, Files.readAllBytes(h.out.resolve("clean/kept.txt")));
            assertNotEquals(report, Files.readString(h.out.resolve("clean/report.json")), "the report did change");
        } finally {
            Files.writeString(h.recipe, RECIPE.formatted("100"));
        }
    }
}
