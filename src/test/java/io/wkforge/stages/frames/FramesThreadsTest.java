package io.wkforge.stages.frames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frames a run keeps, and every byte of their files, do not depend on how many threads
 * encode them: one set of videos of different lengths and codecs (so the shared encoder pool
 * mixes their frames) extracted with 1 and with 4 threads gives the same files.
 */
class FramesThreadsTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void videos() throws IOException {
        TestVideos.write(dir.resolve("v/long.mp4"), 150, 30, FramesThreadsTest::noisy);
        TestVideos.write(dir.resolve("v/stream_chn1.h264"), 45, 30, FramesThreadsTest::noisy);
        TestVideos.writeWithBFrames(dir.resolve("v/bframes.mp4"), 60, 30);
        TestVideos.write(dir.resolve("v/short.mkv"), 20, 30, FramesThreadsTest::noisy);
    }

    /** The frame's code with sensor-like noise over it, as a camera gives (and PNG compresses slowly). */
    private static Mat noisy(int index) {
        Mat m = FrameCode.paint(index);
        byte[] px = new byte[(int) (m.total() * m.channels())];
        m.data().get(px);
        Random r = new Random(index);
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) Math.max(0, Math.min(255, (px[i] & 0xff) + (int) Math.round(r.nextGaussian() * 12)));
        }
        m.data().put(px);
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg"})
    void sameFilesWithOneAndFourEncoderThreads(String format) throws IOException {
        Map<String, byte[]> one = run("one-" + format, format, 1);
        Map<String, byte[]> four = run("four-" + format, format, 4);
        assertEquals(one.keySet(), four.keySet());
        // 150/30 s, 45/30 s, 60/30 s, 20/30 s at 6 fps: 30 + 9 + 12 + 4
        assertEquals(55, one.size(), one.keySet().toString());
        for (String f : one.keySet()) assertArrayEquals(one.get(f), four.get(f), f);
    }

    private static Map<String, byte[]> run(String name, String format, int threads) throws IOException {
        Path recipeDir = Files.createDirectories(dir.resolve(name));
        StageHarness h = StageHarness.write(recipeDir, """
                classes {
                  1 other background videos "../v/*" background
                }
                frames { fps 6; stream_fps 30; format %s }
                """.formatted(format));
        Executor.Result r = h.runWithThreads(threads, StageId.FRAMES);
        assertEquals(Executor.Outcome.OK, r.outcome(), String.valueOf(r.failures()));
        assertEquals(4, r.ran());
        Map<String, byte[]> files = new TreeMap<>();
        for (String f : h.files("frames")) files.put(f, Files.readAllBytes(h.out.resolve("frames").resolve(f)));
        assertTrue(files.keySet().stream().allMatch(f -> f.endsWith("." + format)), files.keySet().toString());
        return files;
    }
}
