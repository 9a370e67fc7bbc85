package io.wkforge.stages.frames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.Executor;
import io.wkforge.stages.FfmpegCli;
import io.wkforge.stages.StageHarness;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: every video the ffmpeg CLI plays is extracted, with exactly the frames the rule picks.
 * For each video of {@link VideoMatrix}, at two rates, with and without skipping unreferenced
 * frames: no problem is reported, the kept frames are the ones the rule picks from ffprobe's
 * best-effort timestamps ({@link ProbedFrames}), and every kept image equals, pixel for pixel,
 * the same frame as the ffmpeg CLI decodes it (autorotation included).
 */
class FramesMatrixTest {
    private static final List<BigDecimal> RATES = List.of(new BigDecimal("3"), BigDecimal.ONE);
    /** Each video's verdict, printed at the end: the matrix of the issue. */
    private static final Map<String, String> VERDICTS = new ConcurrentHashMap<>();

    @TempDir
    static Path dir;
    static List<VideoMatrix.Video> videos;

    @BeforeAll
    static void generate() throws IOException {
        videos = VideoMatrix.generate(dir.resolve("v"));
    }

    @AfterAll
    static void printMatrix() {
        System.out.println("frames matrix (" + VERDICTS.size() + " videos):");
        new TreeMap<>(VERDICTS).forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }

    @TestFactory
    Stream<DynamicTest> keptFramesAreTheRulesPickAndEqualTheCliDecode() {
        return videos.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            try {
                check(v);
                VERDICTS.putIfAbsent(v.name(), "pass");
            } catch (AssertionError | Exception e) {
                VERDICTS.put(v.name(), "FAIL: " + e.getMessage().lines().findFirst().orElse(""));
                throw e;
            }
        }));
    }

    private static void check(VideoMatrix.Video v) throws IOException {
        ProbedFrames probe = ProbedFrames.of(v.file());
        byte[] cli = FfmpegCli.run(FfmpegCli.ffmpeg(), "-v", "error", "-i", v.file().toString(), "-map", "0:v:0",
                "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
        StringBuilder verdict = new StringBuilder("pass");
        for (BigDecimal fps : RATES) {
            List<Integer> expected = probe.kept(fps, SkippingRun.STREAM_FPS);
            SkippingRun skipping = SkippingRun.extract(dir, v.file(), fps, true);
            SkippingRun full = SkippingRun.extract(dir, v.file(), fps, false);
            for (SkippingRun r : List.of(skipping, full)) {
                assertNull(r.result().problem(), v + ": reported as bad");
                assertEquals(1, r.result().passes(), v + ": decoded more than once");
                assertEquals(expected.size(), r.files().size(), v + " at fps " + fps + ": kept " + r.files().size()
                        + " frames, the rule picks " + expected + " from ffprobe's " + probe.frames() + " timestamps");
            }
            assertEquals(probe.frames(), full.result().framesRead(), v + ": frames decoded vs ffprobe's count");
            for (int j = 0; j < expected.size(); j++) {
                assertArrayEquals(Files.readAllBytes(full.files().get(j)), Files.readAllBytes(skipping.files().get(j)),
                        v + " at fps " + fps + ": skipping unreferenced frames changed kept frame " + j);
                assertSameAsCli(v, cli, full.files().get(j), expected.get(j), probe.frames());
            }
            if (fps.equals(BigDecimal.ONE)) {
                if (v.skippable()) {
                    assertTrue(skipping.result().framesRead() < full.result().framesRead(), v + ": skipping never engaged");
                    verdict.append(" (decoded ").append(skipping.result().framesRead()).append(" of ")
                            .append(full.result().framesRead()).append(" frames at fps 1)");
                } else {
                    assertEquals(full.result().framesRead(), skipping.result().framesRead(), v + ": decodes in full");
                }
            }
        }
        VERDICTS.put(v.name(), verdict.toString());
    }

    /** The kept image equals frame {@code index} of the CLI's decode (same size, so rotated alike). */
    private static void assertSameAsCli(VideoMatrix.Video v, byte[] cli, Path image, int index, int frames) {
        RgbPixels ours = RgbPixels.read(image);
        int size = ours.size();
        if (cli.length != (long) size * frames) {
            fail(v + ": the CLI decodes " + cli.length + " bytes, not " + frames + " frames of " + ours.width() + "x" + ours.height());
        }
        byte[] theirs = Arrays.copyOfRange(cli, index * size, (index + 1) * size);
        if (!Arrays.equals(ours.rgb(), theirs)) fail(v + ": kept image " + image.getFileName() + " is not the CLI's frame " + index);
    }

    @Test
    void theWholeMatrixRunsThroughTheStageWithoutAProblem() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        List<Path> copies = new ArrayList<>();
        int expected = 0;
        for (VideoMatrix.Video v : videos) {
            copies.add(Files.copy(v.file(), Files.createDirectories(project.resolve("v")).resolve(v.name())));
            expected += ProbedFrames.of(v.file()).kept(BigDecimal.ONE, SkippingRun.STREAM_FPS).size();
        }
        StageHarness h = StageHarness.write(project, """
                classes {
                  1 scene anything videos "v/*"
                  2 other background videos "v/mjpeg.avi" background
                }
                frames { fps 1 }
                """);
        Executor.Result r = h.run(StageId.FRAMES);
        assertEquals(Executor.Outcome.OK, r.outcome(), String.join("\n", r.failures()));
        assertEquals(List.of(), h.warnings);
        assertEquals(copies.size() + 1, r.ran());
        int mjpeg = ProbedFrames.of(project.resolve("v/mjpeg.avi")).kept(BigDecimal.ONE, SkippingRun.STREAM_FPS).size();
        assertEquals(expected + mjpeg, h.files("frames").size());
    }
}
