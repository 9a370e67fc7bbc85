package io.wkforge.stages.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.run.Progress;
import io.wkforge.stages.FrameCode;
import io.wkforge.stages.TestVideos;
import io.wkforge.stages.common.frames.ImageFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoFrameExtractorTest {
    @TempDir
    static Path dir;
    static Path mp4;
    static Path h264;

    @BeforeAll
    static void videos() throws IOException {
        mp4 = TestVideos.write(dir.resolve("coded.mp4"), 90, 30);
        h264 = TestVideos.write(dir.resolve("stream_chn1.h264"), 90, 30);
    }

    private record Run(Extraction result, List<Integer> sourceFrames, List<Path> files) {}

    private static Run extract(Path video, double fps, double streamFps, ImageFormat format) throws IOException {
        return extract(video, fps, streamFps, format, 1);
    }

    private static Run extract(Path video, double fps, double streamFps, ImageFormat format, int threads) throws IOException {
        Path out = Files.createTempDirectory(dir, "out");
        Extraction r = new VideoFrameExtractor(new VideoFrameExtractor.Settings(BigDecimal.valueOf(fps), BigDecimal.valueOf(streamFps),
                format, 95, threads, threads, true))
                .extract(video, n -> out.resolve(String.format("f_%06d.%s", n, format.extension())), Progress.NONE);
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().toList();
        }
        List<Integer> source = new ArrayList<>();
        for (Path f : files) source.add(FrameCode.read(f));
        return new Run(r, source, files);
    }

    @Test
    void keepsFirstFrameAtOrAfterEachSecond() throws IOException {
        Run r = extract(mp4, 1, 30, ImageFormat.PNG);
        assertNull(r.result().problem());
        // GOPs of 15 frames, each beginning with an IDR picture: those that hold no kept frame are not decoded
        assertTrue(r.result().framesRead() < 30, "decoded " + r.result().framesRead());
        assertTrue(r.result().runsDropped() >= 3, "runs dropped: " + r.result().runsDropped());
        assertEquals(List.of(0, 30, 60), r.sourceFrames());
        assertEquals("f_000000.png", r.files().get(0).getFileName().toString());
    }

    @Test
    void instantsOnTruncatedTimestampsAndUnevenRates() throws IOException {
        assertEquals(List.of(0, 10, 20, 30, 40, 50, 60, 70, 80), extract(mp4, 3, 30, ImageFormat.PNG).sourceFrames());
        assertEquals(List.of(0, 5, 9, 13, 18, 22, 26, 30, 35, 39, 43, 48, 52, 56, 60, 65, 69, 73, 78, 82, 86),
                extract(mp4, 7, 30, ImageFormat.JPG).sourceFrames());
    }

    @Test
    void skippingUnreferencedFramesKeepsExactlyTheSameFrames() throws IOException {
        Path withB = TestVideos.writeWithBFrames(dir.resolve("bframes.mp4"), 90, 30);
        Run one = extract(withB, 1, 30, ImageFormat.PNG);
        assertNull(one.result().problem());
        assertEquals(List.of(0, 30, 60), one.sourceFrames());
        assertTrue(one.result().framesRead() < 80, "B-frames far from an instant were not decoded: " + one.result().framesRead());
        Run seven = extract(withB, 7, 30, ImageFormat.PNG);
        assertNull(seven.result().problem());
        assertEquals(List.of(0, 5, 9, 13, 18, 22, 26, 30, 35, 39, 43, 48, 52, 56, 60, 65, 69, 73, 78, 82, 86), seven.sourceFrames());
        Run every = extract(withB, 30, 30, ImageFormat.PNG);
        assertEquals(90, every.result().framesRead(), "at the video's own rate every frame is needed");
        assertEquals(90, every.sourceFrames().size());
    }

    @Test
    void aTruncatedVideoWithSkippedFramesIsStillReported() throws IOException {
        Path withB = TestVideos.writeWithBFrames(dir.resolve("bframes-cut-source.mkv"), 90, 30);
        Run cut = extract(TestVideos.truncated(withB, dir.resolve("bframes-cut.mkv"), 0.5), 1, 30, ImageFormat.PNG);
        assertTrue(cut.result().problem() != null && cut.result().problem().startsWith("decoded only partly"),
                String.valueOf(cut.result().problem()));
    }

    @Test
    void aTruncatedContainerThatDeclaresNoFrameCountIsReportedByTime() throws IOException {
        Path mkv = TestVideos.write(dir.resolve("plain.mkv"), 90, 30);
        assertNull(extract(mkv, 1, 30, ImageFormat.PNG).result().problem());
        Run cut = extract(TestVideos.truncated(mkv, dir.resolve("plain-cut.mkv"), 0.5), 1, 30, ImageFormat.PNG);
        assertTrue(cut.result().problem() != null && cut.result().problem().startsWith("decoded only partly"),
                String.valueOf(cut.result().problem()));
    }

    @Test
    void framesAreFullResolution() throws IOException {
        Run r = extract(mp4, 1, 30, ImageFormat.JPG);
        try (var m = org.bytedeco.opencv.global.opencv_imgcodecs.imread(r.files().get(1).toString())) {
            assertEquals(FrameCode.WIDTH, m.cols());
            assertEquals(FrameCode.HEIGHT, m.rows());
        }
    }

    @Test
    void rawStreamsAreTimedByTheDeclaredStreamRate() throws IOException {
        assertEquals(List.of(0, 30, 60), extract(h264, 1, 30, ImageFormat.PNG).sourceFrames());
        // the same stream declared as 15 fps lasts 6 s: a frame every 15
        assertEquals(List.of(0, 15, 30, 45, 60, 75), extract(h264, 1, 15, ImageFormat.PNG).sourceFrames());
    }

    @Test
    void missingEmptyTextAndRandomFilesAreReportedNotThrown() throws IOException {
        assertEquals("file not found", extract(dir.resolve("nope.mp4"), 1, 30, ImageFormat.PNG).result().problem());
        assertEquals("file is empty (0 bytes)",
                extract(TestVideos.empty(dir.resolve("empty.mp4")), 1, 30, ImageFormat.PNG).result().problem());
        for (Path bad : List.of(TestVideos.text(dir.resolve("notes.avi")),
                TestVideos.randomBytes(dir.resolve("noise.mov"), 4000, 1),
                TestVideos.truncated(mp4, dir.resolve("cut.mp4"), 0.5))) {
            Run r = extract(bad, 1, 30, ImageFormat.PNG);
            assertTrue(r.result().problem().startsWith("not a video FFmpeg can open"), bad + ": " + r.result().problem());
            assertTrue(r.result().problem().contains("Invalid data found"), r.result().problem());
            assertEquals(0, r.files().size());
        }
    }

    @Test
    void partlyDecodableVideosKeepTheirCleanFramesAndSayHowManyWereRead() throws IOException {
        Path damaged = TestVideos.damagedMiddle(mp4, dir.resolve("mid.mp4"));
        // every frame needed, so every frame decoded: the damage in the middle is seen
        Run mid = extract(damaged, 30, 30, ImageFormat.PNG);
        assertTrue(mid.result().problem().startsWith("decoded only partly"), mid.result().problem());
        assertTrue(mid.result().framesRead() < 90);
        assertTrue(mid.result().problem().contains(" of "), mid.result().problem());
        assertTrue(mid.sourceFrames().contains(0));
        // at fps 1 the damage lies in GOPs that hold no kept frame and are not decoded: it goes
        // unseen, and the kept frames are those of the undamaged video
        Run sparse = extract(damaged, 1, 30, ImageFormat.PNG);
        assertNull(sparse.result().problem());
        assertEquals(List.of(0, 30, 60), sparse.sourceFrames());
        assertTrue(sparse.result().runsDropped() > 0);

        Run cut = extract(TestVideos.truncated(h264, dir.resolve("cut.h264"), 0.62), 1, 30, ImageFormat.PNG);
        assertTrue(cut.result().problem().startsWith("decoded only partly: the data ends inside frame"), cut.result().problem());
        assertTrue(cut.result().framesRead() < 90 && cut.result().framesRead() > 30, cut.result().problem());
        assertEquals(List.of(0, 30), cut.sourceFrames());
    }

    @Test
    void randomBytesNamedAsARawStreamDecodeNothing() throws IOException {
        Run r = extract(TestVideos.randomBytes(dir.resolve("noise.h264"), 4000, 3), 1, 30, ImageFormat.PNG);
        assertTrue(r.result().problem() != null, "random bytes must not pass as a video");
        assertEquals(0, r.files().size());
    }
}
