package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import io.wkforge.stages.common.frames.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Converts, turns upright, encodes and writes kept frames on threads of their own, so decoding
 * goes on meanwhile and the kept frames of one video are encoded on all the cores the task may
 * use (PNG encoding, not decoding, is most of the work at a few frames per second). The threads
 * start by loading their encoder (OpenCV's, for JPEG, takes a moment the first time in a
 * process), which overlaps FFmpeg's start-up. A small queue bounds the frames held in memory; a
 * queued frame is a reference to the decoder's picture, not a copy.
 */
final class FrameWriter implements AutoCloseable {
    private record Job(AVFrame frame, Orientation orientation, Path file) {}

    private static final Job END = new Job(null, null, null);

    private final BlockingQueue<Job> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final List<Path> submitted = new ArrayList<>();
    private final Object idle = new Object();
    private int pending;
    private volatile IOException failure;
    private boolean stopped;

    /** @param threads encoding threads (the cores this video may use) */
    FrameWriter(ImageFormat format, int jpegQuality, int threads) {
        int n = Math.max(1, threads);
        queue = new ArrayBlockingQueue<>(2 * n);
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> work(format, jpegQuality), "wkforge-frame-writer-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    private void work(ImageFormat format, int jpegQuality) {
        try (FrameEncoder encoder = FrameEncoder.of(format, jpegQuality);
             PackedConverter converter = new PackedConverter(encoder.pixelFormat())) {
            while (true) {
                Job job = queue.take();
                if (job == END) return;
                try {
                    if (failure == null) write(job, converter, encoder);
                } catch (IOException e) {
                    fail(e);
                } catch (RuntimeException e) {
                    fail(new IOException("cannot encode " + job.file().getFileName() + ": " + e.getMessage(), e));
                } finally {
                    done(job);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            fail(new IOException("cannot encode images: " + e.getMessage(), e));
        }
    }

    private static void write(Job job, PackedConverter converter, FrameEncoder encoder) throws IOException {
        AVFrame packed = converter.convert(job.frame());
        AVFrame upright = null;
        byte[] image;
        try {
            upright = job.orientation().apply(packed);
            image = encoder.encode(upright);
        } finally {
            if (upright != null && upright != packed) av_frame_free(upright);
            av_frame_free(packed);
        }
        Files.write(job.file(), image);
    }

    private void fail(IOException e) {
        synchronized (idle) {
            if (failure == null) failure = e;
            idle.notifyAll();
        }
    }

    private void done(Job job) {
        av_frame_free(job.frame());
        synchronized (idle) {
            pending--;
            idle.notifyAll();
        }
    }

    /**
     * Queues a frame to be written to {@code file}, turned by {@code orientation}. The frame is
     * referenced, not copied, so the caller may unref its own. Waits while the queue is full.
     */
    void submit(AVFrame frame, Orientation orientation, Path file) throws IOException {
        if (failure != null) throw failure;
        AVFrame ref = av_frame_clone(frame);
        if (ref == null) throw new IOException("out of memory while queueing a frame");
        Job job = new Job(ref, orientation, file);
        synchronized (idle) {
            pending++;
            submitted.add(file);
        }
        try {
            while (!queue.offer(job, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null) {
                    done(job);
                    throw failure;
                }
            }
        } catch (InterruptedException e) {
            done(job);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing frames", e);
        }
    }

    /** Waits for the queued frames, then deletes every file written so far (to start over). */
    void discard() throws IOException {
        awaitIdle();
        List<Path> files;
        synchronized (idle) {
            files = new ArrayList<>(submitted);
            submitted.clear();
        }
        for (Path f : files) Files.deleteIfExists(f);
    }

    private void awaitIdle() throws IOException {
        synchronized (idle) {
            try {
                while (pending > 0 && failure == null) idle.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing frames", e);
            }
        }
        if (failure != null) throw failure;
    }

    /** Waits until every queued frame is written; rethrows the first failure. */
    void finish() throws IOException {
        stop();
        if (failure != null) throw failure;
    }

    private void stop() {
        if (stopped) return;
        stopped = true;
        try {
            // one END per worker, whichever takes it; stop offering once none is left to take them
            int ends = workers.size();
            while (ends > 0) {
                if (queue.offer(END, 100, TimeUnit.MILLISECONDS)) ends--;
                else if (workers.stream().noneMatch(Thread::isAlive)) break;
            }
            for (Thread t : workers) t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Job j; (j = queue.poll()) != null; ) {
            if (j != END) done(j);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
