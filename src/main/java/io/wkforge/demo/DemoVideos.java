package io.wkforge.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Records the demo's videos with FFmpeg (JavaCV's recorder, H.264 through openh264, in mp4 as
 * a phone would write them): {@code videos/<class>/<class>-<n>.mp4}, small (160x120) so that a
 * 2-core machine runs the whole demo in a few minutes. Deterministic: a seed gives the same
 * pictures every time.
 */
public final class DemoVideos {
    public static final int VIDEOS_PER_CLASS = 5;
    public static final int SECONDS = 8;
    public static final double FPS = 15;

    /** One clip to record. */
    public record Clip(DemoObject object, int classIndex, int video, Path file) {}

    private DemoVideos() {}

    /** The clips of the demo, in class order, each under {@code dir/videos/<class>/}. */
    public static List<Clip> clips(Path dir) {
        List<Clip> out = new ArrayList<>();
        DemoObject[] objects = DemoObject.values();
        for (int c = 0; c < objects.length; c++) {
            for (int v = 1; v <= VIDEOS_PER_CLASS; v++) {
                String name = objects[c].className();
                out.add(new Clip(objects[c], c, v, dir.resolve("videos").resolve(name).resolve(name + "-" + v + ".mp4")));
            }
        }
        return out;
    }

    /**
     * Records the clips that do not exist yet (a re-run keeps what is there), on {@code threads}
     * threads; {@code done} hears the number of clips finished so far.
     */
    public static int writeMissing(List<Clip> clips, long seed, int threads, IntConsumer done) throws IOException {
        List<Clip> todo = clips.stream().filter(c -> !Files.isRegularFile(c.file())).toList();
        if (todo.isEmpty()) return 0;
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "wkforge-demo-video");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
            for (Clip c : todo) {
                futures.add(pool.submit(() -> {
                    record(c, seed);
                    done.accept(finished.incrementAndGet());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) throw io;
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while recording the demo videos");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return todo.size();
    }

    /** The seed of one clip: the demo's seed, the class and the clip's number. */
    static long clipSeed(long seed, Clip c) {
        return seed * 1_000_003L + c.classIndex() * 101L + c.video();
    }

    /** Records one clip to a temporary name and renames it, so a killed demo leaves no half video. */
    static void record(Clip c, long seed) throws IOException {
        Files.createDirectories(c.file().getParent());
        Path tmp = c.file().resolveSibling(".recording-" + c.file().getFileName());
        int frames = (int) Math.round(SECONDS * FPS);
        DemoClip clip = new DemoClip(c.object(), c.classIndex(), c.video(), frames, FPS, clipSeed(seed, c));
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(tmp.toFile(), DemoClip.WIDTH, DemoClip.HEIGHT);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodecName("libopenh264");
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setVideoBitrate(500_000);
            // one key frame per clip: a key frame inside a freeze would be re-encoded and the repeats after
            // it refined, so the frozen frames would decode almost, not exactly, alike
            recorder.setGopSize(frames);
            recorder.start();
            for (int i = 0; i < frames; i++) recorder.record(converter.convert(clip.frame(i)));
            recorder.stop();
        } catch (FFmpegFrameRecorder.Exception e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot record " + c.file() + ": " + e.getMessage(), e);
        }
        Files.move(tmp, c.file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
