package io.wkforge.stages.frames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wkforge.stages.FfmpegCli;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dropping whole runs of packets before an IDR picture ({@link NonReferenceSkipping}) changes no
 * kept frame: each video is extracted with skipping on and off at several rates, and every
 * output file is compared byte for byte. The videos are made so that the GOP structure decides
 * whether runs may be dropped: IDR keyframes (x264's default, x265 without open GOPs, a raw P-only
 * stream as the board's encoder writes it) must drop some; open-GOP keyframes (x264 open-gop,
 * x265's CRA), MPEG-4 Part 2 and a raw stream with B-frames (whose frames come out reordered, so
 * counting cannot be trusted) must drop none in the result; at a rate above the stream's, nothing
 * can be skipped.
 */
class FramesGopSkippingTest {
    private static final String SRC = "testsrc2=size=160x120:rate=30:duration=4";
    private static final List<BigDecimal> RATES = List.of(BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.valueOf(60));

    /** @param drops whether runs must be dropped at fps 1 (false: none may be in the result) */
    private record Video(String name, Path file, boolean drops) {
        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    static Path dir;
    static List<Video> videos = new ArrayList<>();

    @BeforeAll
    static void generate() {
        Path x = FfmpegCli.systemWithX264AndX265();
        if (x != null) {
            List<String> x264 = List.of("-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p");
            make(x, "h264-bframes-g30.mp4", true, x264, "-bf", "3", "-g", "30");
            // open GOPs of 31 frames: the instant at frame 30 falls on a leading picture of the keyframe
            // at 31, which refers to frames before it, so a run must not be dropped before that keyframe
            make(x, "h264-open-gop.mp4", false, x264, "-bf", "3", "-g", "31", "-x264-params", "open-gop=1");
            make(x, "h264-bframes-g30.mkv", true, x264, "-bf", "3", "-g", "30");
            make(x, "h264-bframes-g30.ts", true, x264, "-bf", "3", "-g", "30");
            // as the board's encoder writes it: main profile, P-frames only, a GOP of 30 at 30 fps
            make(x, "stream_chn1.h264", true, x264, "-bf", "0", "-g", "30", "-profile:v", "main", "-f", "h264");
            make(x, "bframes-raw.h264", false, x264, "-bf", "3", "-g", "30", "-f", "h264");
            make(x, "vfr.mp4", true, "-vf", "select='not(between(n,40,75))'", "-fps_mode", "passthrough", x264,
                    "-bf", "2", "-g", "30");
            List<String> x265 = List.of("-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
            make(x, "hevc-cra.mp4", false, x265, "-x265-params", "log-level=none:keyint=31:min-keyint=31", "-tag:v", "hvc1");
            make(x, "hevc-idr.mp4", true, x265, "-x265-params", "log-level=none:keyint=30:min-keyint=30:no-open-gop=1",
                    "-tag:v", "hvc1");
            make(x, "stream_chn1.h265", true, x265, "-x265-params",
                    "log-level=none:keyint=30:min-keyint=30:no-open-gop=1:bframes=0", "-f", "hevc");
        }
        make(FfmpegCli.ffmpeg(), "mpeg4-bframes.avi", false, "-c:v", "mpeg4", "-bf", "2", "-g", "30", "-vtag", "XVID");
    }

    private static void make(Path tool, String name, boolean drops, Object... codec) {
        Path file = dir.resolve(name);
        FfmpegCli.run(tool, VideoMatrix.args("-v", "error", "-y", "-f", "lavfi", "-i", SRC, codec, file.toString()));
        videos.add(new Video(name, file, drops));
    }

    /** What skipping did per video and rate, printed at the end. */
    private static final Map<String, String> FIGURES = new ConcurrentSkipListMap<>();

    @AfterAll
    static void printFigures() {
        System.out.println("GOP skipping (frames decoded with/without skipping, runs dropped before an IDR, packets not sent, passes):");
        FIGURES.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }

    @TestFactory
    Stream<DynamicTest> droppingRunsBeforeIdrPicturesKeepsEveryFileTheSame() {
        assumeTrue(!videos.isEmpty());
        return videos.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> check(v)));
    }

    private static void check(Video v) throws IOException {
        for (BigDecimal fps : RATES) {
            SkippingRun skipping = SkippingRun.extract(dir, v.file(), fps, true);
            SkippingRun full = SkippingRun.extract(dir, v.file(), fps, false);
            String at = v + " at fps " + fps;
            assertNull(skipping.result().problem(), at);
            assertNull(full.result().problem(), at);
            // a run dropped wrongly shows as damage or broken timing, and the video is decoded again
            assertEquals(1, skipping.result().passes(), at + ": decoded again");
            assertEquals(0, full.result().packetsDropped(), at + ": nothing dropped without skipping");
            assertEquals(full.files().size(), skipping.files().size(), at + ": kept frames");
            assertEquals(full.result().framesWritten(), skipping.result().framesWritten(), at);
            for (int j = 0; j < full.files().size(); j++) {
                assertEquals(full.files().get(j).getFileName(), skipping.files().get(j).getFileName());
                assertArrayEquals(Files.readAllBytes(full.files().get(j)), Files.readAllBytes(skipping.files().get(j)),
                        at + ": kept frame " + j + " differs with skipping");
            }
            Extraction s = skipping.result();
            FIGURES.put(v + " fps " + fps, s.framesRead() + "/" + full.result().framesRead() + " frames decoded, "
                    + s.runsDropped() + " runs, " + s.packetsDropped() + " packets not sent, " + s.passes() + " pass(es), "
                    + s.framesWritten() + " kept");
            if (fps.compareTo(SkippingRun.STREAM_FPS) > 0) {
                assertEquals(0, s.packetsDropped(), at + ": every frame is kept, so none can be dropped");
            } else if (fps.equals(BigDecimal.ONE)) {
                if (v.drops()) {
                    assertTrue(s.runsDropped() > 0, at + ": no run dropped before an IDR picture");
                    // the packets after the last kept frame are decoded all the same (a cut file shows there)
                    assertTrue(s.framesRead() + s.packetsDropped() <= full.result().framesRead(), at + ": decoded "
                            + s.framesRead() + " of " + full.result().framesRead() + " frames, " + s.packetsDropped() + " not sent");
                } else {
                    assertEquals(0, s.runsDropped(), at + ": dropped a run though no IDR picture follows the first");
                }
            }
            if (!v.drops()) assertEquals(0, s.runsDropped(), at);
        }
    }
}
