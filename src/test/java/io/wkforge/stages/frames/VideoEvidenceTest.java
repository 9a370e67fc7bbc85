package io.wkforge.stages.frames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.run.Progress;
import io.wkforge.stages.FfmpegCli;
import io.wkforge.stages.TestVideos;
import io.wkforge.stages.common.frames.ImageFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage is reported on FFmpeg's evidence only, frames come out upright, and skipping falls back
 * to a full decode where its assumptions break. Videos come from JavaCV's own ffmpeg executable.
 */
class VideoEvidenceTest {
    private static final BigDecimal STREAM_FPS = BigDecimal.valueOf(30);

    @TempDir
    static Path dir;
    static Path ff;

    @BeforeAll
    static void tools() {
        ff = FfmpegCli.ffmpeg();
    }

    private static Path make(String name, String... args) {
        Path file = dir.resolve(name);
        FfmpegCli.run(ff, VideoMatrix.args("-v", "error", "-y", args, file.toString()));
        return file;
    }

    private static Path src(String name, String codecArgs) {
        return make(name, VideoMatrix.args("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=3", codecArgs.split(" ")));
    }

    private record Run(Extraction result, List<Path> files) {}

    private static Run extract(Path video, double fps, int threads, boolean skipping) throws IOException {
        Path out = Files.createTempDirectory(dir, "out");
        Extraction r = new VideoFrameExtractor(new VideoFrameExtractor.Settings(BigDecimal.valueOf(fps), STREAM_FPS,
                ImageFormat.PNG, 95, threads, threads, skipping))
                .extract(video, n -> out.resolve(String.format("f_%06d.png", n)), Progress.NONE);
        try (Stream<Path> s = Files.list(out)) {
            return new Run(r, s.sorted().toList());
        }
    }

    @Test
    void truncatedFilesOfEveryKindAreReported() throws IOException {
        List<Path> goods = List.of(
                src("xvid.avi", "-c:v mpeg4 -bf 2 -vtag XVID"),
                src("mjpeg.avi", "-c:v mjpeg"),
                src("h264.mkv", "-c:v libopenh264"),
                src("vp9.webm", "-c:v libvpx-vp9 -deadline realtime -cpu-used 8"),
                src("h264.ts", "-c:v libopenh264"));
        for (Path good : goods) {
            assertNull(extract(good, 1, 2, true).result().problem(), good + " decodes cleanly");
            Path cut = TestVideos.truncated(good, dir.resolve("cut-" + good.getFileName()), 0.55);
            for (int threads : new int[] {1, 2}) {
                String problem = extract(cut, 1, threads, true).result().problem();
                assertTrue(problem != null && problem.startsWith("decoded only partly"), cut + " (" + threads + " threads): " + problem);
            }
        }
    }

    @Test
    void aFrameThreadedDecodeOfADamagedVideoNamesTheDamagedFramesLikeASingleThreadedOne() throws IOException {
        Path good = src("clean.mkv", "-c:v libopenh264 -g 25");
        Path damaged = TestVideos.damagedMiddle(good, dir.resolve("damaged.mkv"));
        Run one = extract(damaged, 5, 1, true);
        Run two = extract(damaged, 5, 2, true);
        assertTrue(one.result().problem().startsWith("decoded only partly"), one.result().problem());
        assertEquals(one.result().problem(), two.result().problem());
        assertEquals(2, two.result().passes(), "the frame-threaded pass met damage and was done again on one thread");
        assertEquals(one.files().size(), two.files().size());
        for (int i = 0; i < one.files().size(); i++) {
            assertArrayEquals(Files.readAllBytes(one.files().get(i)), Files.readAllBytes(two.files().get(i)), "kept frame " + i);
        }
    }

    @Test
    void aRecorderThatDropsFramesMakesAGoodAvi() throws IOException {
        // issue 8: the AVI counts an empty chunk per dropped frame; 68 real frames span the whole video
        Path avi = make("dropped.avi", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=15:duration=30",
                "-vf", "select='not(mod(n\\,7))+lt(n\\,20)'", "-fps_mode", "passthrough", "-c:v", "mjpeg");
        Run r = extract(avi, 1, 2, true);
        assertNull(r.result().problem());
        assertEquals(ProbedFrames.of(avi).kept(BigDecimal.ONE, STREAM_FPS).size(), r.files().size());
        assertTrue(r.files().size() >= 29, "one frame per second over 30 s: " + r.files().size());
    }

    @Test
    void everyQuarterTurnAndMirrorComesOutAsTheCliShowsIt() throws IOException {
        Path flat = src("flat.mp4", "-c:v libopenh264");
        String[][] variants = {{"-display_rotation:v:0", "90"}, {"-display_rotation:v:0", "180"},
            {"-display_rotation:v:0", "-90"}, {"-display_rotation:v:0", "90", "-display_hflip:v:0"},
            {"-display_rotation:v:0", "0", "-display_vflip:v:0"}};
        for (String[] v : variants) {
            Path turned = make("turned" + String.join("", v).replace(":", "") + ".mp4", VideoMatrix.args(v, "-i", flat.toString(), "-c", "copy"));
            Run r = extract(turned, 2, 2, true);
            assertNull(r.result().problem());
            byte[] cli = FfmpegCli.run(ff, "-v", "error", "-i", turned.toString(), "-fps_mode", "passthrough",
                    "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
            List<Integer> kept = ProbedFrames.of(turned).kept(BigDecimal.valueOf(2), STREAM_FPS);
            assertEquals(kept.size(), r.files().size());
            for (int j = 0; j < kept.size(); j++) {
                RgbPixels ours = RgbPixels.read(r.files().get(j));
                int size = ours.size();
                assertArrayEquals(Arrays.copyOfRange(cli, kept.get(j) * size, (kept.get(j) + 1) * size), ours.rgb(),
                        Arrays.toString(v) + ": kept frame " + j + " (" + ours.width() + "x" + ours.height() + ")");
            }
        }
    }

    @Test
    void timestampsThatJumpBackStopSkippingAndTheVideoIsDecodedAgainInFull() throws IOException {
        // two recordings appended, the second with an earlier clock: skipping has begun when the clock jumps back
        Path late = make("late.ts", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=3",
                "-c:v", "mpeg2video", "-bf", "2", "-output_ts_offset", "20");
        Path early = make("early.ts", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=3",
                "-vf", "hue=h=90", "-c:v", "mpeg2video", "-bf", "2");
        Path joined = dir.resolve("joined.ts");
        try (OutputStream out = Files.newOutputStream(joined)) {
            byte[] first = Files.readAllBytes(late);
            out.write(first);
            out.write(continuing(first, Files.readAllBytes(early)));
        }
        Run normal = extract(late, 1, 2, true);
        assertTrue(normal.result().framesRead() < 75, "skipping engages on the first recording alone: " + normal.result().framesRead());

        Run skipping = extract(joined, 1, 2, true);
        Run full = extract(joined, 1, 2, false);
        ProbedFrames probe = ProbedFrames.of(joined);
        assertNull(full.result().problem());
        assertEquals(full.result().problem(), skipping.result().problem());
        assertEquals(2, skipping.result().passes(), "skipping was given up and the video decoded again");
        assertEquals(1, full.result().passes());
        assertEquals(probe.frames(), skipping.result().framesRead(), "decoded again in full");
        assertEquals(probe.kept(BigDecimal.ONE, STREAM_FPS).size(), skipping.files().size());
        assertEquals(full.files().size(), skipping.files().size());
        for (int i = 0; i < full.files().size(); i++) {
            assertArrayEquals(Files.readAllBytes(full.files().get(i)), Files.readAllBytes(skipping.files().get(i)));
        }
    }

    /**
     * The second transport stream with its continuity counters carried on from the first, as a
     * recorder that restarts its clock would write them: the join has a clock jump and no damage.
     */
    private static byte[] continuing(byte[] first, byte[] second) {
        int[] last = new int[8192];
        Arrays.fill(last, -1);
        for (int i = 0; i + 188 <= first.length; i += 188) {
            if ((first[i + 3] & 0x10) != 0) last[pid(first, i)] = first[i + 3] & 0x0f;
        }
        byte[] out = second.clone();
        for (int i = 0; i + 188 <= out.length; i += 188) {
            int pid = pid(out, i);
            if ((out[i + 3] & 0x10) == 0 || last[pid] < 0) continue;
            last[pid] = (last[pid] + 1) & 0x0f;
            out[i + 3] = (byte) ((out[i + 3] & 0xf0) | last[pid]);
        }
        return out;
    }

    private static int pid(byte[] ts, int at) {
        return ((ts[at + 1] & 0x1f) << 8) | (ts[at + 2] & 0xff);
    }
}
