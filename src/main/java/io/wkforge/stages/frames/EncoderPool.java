package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import io.wkforge.stages.common.frames.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * The threads that convert, turn upright, encode and write kept frames, shared by every video of
 * the stage: each video's decoder feeds the same pool through its own {@link FrameWriter}, so
 * while any kept frame waits, every encoder thread works on one, whichever video it comes from
 * (a long video finishing alone gets all the cores, not the one it was given at the start).
 *
 * <p>Memory stays bounded: a video may have at most {@link #perVideo} frames queued or in work,
 * and all videos together at most {@link #inAll}; a decoder that reaches either cap waits. A
 * queued frame is a reference to its decoder's picture, not a copy.
 *
 * <p>Which thread encodes a frame never changes its bytes: every thread has its own encoder,
 * set up the same way, and the file a frame goes to is fixed before it is queued.
 */
final class EncoderPool implements AutoCloseable {
    /** One frame to write, for the video whose {@link FrameWriter} queued it; {@code frame == null} only warms up. */
    record Job(FrameWriter owner, AVFrame frame, Orientation orientation, java.nio.file.Path file, ImageFormat format,
               int jpegQuality) {}

    private static final Job END = new Job(null, null, null, null, null, 0);

    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Semaphore room;
    private final int threads;
    private final int perVideo;
    private final int inAll;
    private final List<Thread> workers = new ArrayList<>();
    private final Set<String> warmed = new HashSet<>();
    private boolean closed;

    /** @param threads encoder threads: the cores the stage may use */
    EncoderPool(int threads) {
        FfmpegLibraries.load(); // before its threads start converting with swscale
        this.threads = Math.max(1, threads);
        // two per thread: one in work, one ready, for each thread, whether one video or many feed them
        this.perVideo = 2 * this.threads;
        this.inAll = 2 * this.threads + 2;
        this.room = new Semaphore(inAll, true);
        for (int i = 0; i < this.threads; i++) {
            Thread t = new Thread(this::work, "wkforge-frame-encoder-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    int threads() {
        return threads;
    }

    /** Frames one video may have queued or in work. */
    int perVideo() {
        return perVideo;
    }

    /** Frames all videos together may have queued or in work. */
    int inAll() {
        return inAll;
    }

    /**
     * A writer for one video's frames. The first writer of a format has every thread set up its
     * encoder (OpenCV's, for JPEG, takes a moment the first time) while FFmpeg opens the video.
     */
    FrameWriter writer(ImageFormat format, int jpegQuality) {
        synchronized (warmed) {
            if (closed) throw new IllegalStateException("the encoder pool is closed");
            if (warmed.add(key(format, jpegQuality))) {
                for (int i = 0; i < threads; i++) queue.add(new Job(null, null, null, null, format, jpegQuality));
            }
        }
        return new FrameWriter(this, format, jpegQuality);
    }

    /** Takes one frame's room in the pool; false when none came free within {@code millis}. */
    boolean takeRoom(long millis) throws InterruptedException {
        return room.tryAcquire(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void enqueue(Job job) {
        queue.add(job);
    }

    private static String key(ImageFormat format, int jpegQuality) {
        return format == ImageFormat.PNG ? "png" : format + ":" + jpegQuality;
    }

    /** An encoder and the converter to its pixel format, one pair per thread and format. */
    private record Coder(FrameEncoder encoder, PackedConverter converter) {}

    private void work() {
        Map<String, Coder> coders = new HashMap<>();
        try {
            while (true) {
                Job job = queue.take();
                if (job == END) return;
                Coder coder;
                try {
                    coder = coders.get(key(job.format(), job.jpegQuality()));
                    if (coder == null) {
                        FrameEncoder e = FrameEncoder.of(job.format(), job.jpegQuality());
                        coder = new Coder(e, new PackedConverter(e.pixelFormat()));
                        coders.put(key(job.format(), job.jpegQuality()), coder);
                    }
                } catch (RuntimeException | LinkageError e) {
                    if (job.owner() != null) {
                        job.owner().fail(new IOException("cannot encode images: " + e.getMessage(), e));
                        finished(job);
                    }
                    continue;
                }
                if (job.owner() == null) continue; // a warm-up
                try {
                    if (job.owner().wanted()) write(job, coder);
                } catch (IOException e) {
                    job.owner().fail(e);
                } catch (RuntimeException e) {
                    job.owner().fail(new IOException("cannot encode " + job.file().getFileName() + ": " + e.getMessage(), e));
                } finally {
                    finished(job);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Coder c : coders.values()) {
                c.converter().close();
                c.encoder().close();
            }
        }
    }

    private static void write(Job job, Coder coder) throws IOException {
        AVFrame packed = coder.converter().convert(job.frame());
        AVFrame upright = null;
        byte[] image;
        try {
            upright = job.orientation().apply(packed);
            image = coder.encoder().encode(upright);
        } finally {
            if (upright != null && upright != packed) av_frame_free(upright);
            av_frame_free(packed);
        }
        Files.write(job.file(), image);
    }

    /** Frees a job's frame and gives its room back, to the pool and to its video. */
    void finished(Job job) {
        if (job.frame() != null) av_frame_free(job.frame());
        room.release();
        job.owner().done();
    }

    /** Waits for the threads to finish what is queued, then stops them. */
    @Override
    public void close() {
        synchronized (warmed) {
            if (closed) return;
            closed = true;
        }
        for (int i = 0; i < workers.size(); i++) queue.add(END);
        try {
            for (Thread t : workers) t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Job j; (j = queue.poll()) != null; ) {
            if (j != END && j.owner() != null) finished(j);
        }
    }
}
