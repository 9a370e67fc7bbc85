package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;

import io.wkforge.stages.common.frames.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * One video's way into the {@link EncoderPool}: queues its kept frames, so decoding goes on while
 * the pool's threads encode them, and knows which of them are still in work, so the video can
 * wait for its own frames (to finish, or to start over) without waiting for any other video's.
 */
final class FrameWriter implements AutoCloseable {
    private static final long POLL_MS = 100;

    private final EncoderPool pool;
    private final ImageFormat format;
    private final int jpegQuality;
    private final Semaphore room;
    private final List<Path> submitted = new ArrayList<>();
    private final Object idle = new Object();
    private int pending;
    private volatile IOException failure;
    private volatile boolean abandoned;

    FrameWriter(EncoderPool pool, ImageFormat format, int jpegQuality) {
        this.pool = pool;
        this.format = format;
        this.jpegQuality = jpegQuality;
        this.room = new Semaphore(pool.perVideo());
    }

    /**
     * Queues a frame to be written to {@code file}, turned by {@code orientation}. The frame is
     * referenced, not copied, so the caller may unref its own. Waits while this video, or all
     * videos together, have as many frames queued as the pool allows.
     */
    void submit(AVFrame frame, Orientation orientation, Path file) throws IOException {
        try {
            while (!room.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) throwIfFailed();
            boolean pooled = false;
            try {
                while (!(pooled = pool.takeRoom(POLL_MS))) throwIfFailed();
            } finally {
                if (!pooled) room.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing frames", e);
        }
        AVFrame ref = av_frame_clone(frame);
        EncoderPool.Job job = new EncoderPool.Job(this, ref, orientation, file, format, jpegQuality);
        synchronized (idle) {
            pending++;
            submitted.add(file);
        }
        if (ref == null) {
            pool.finished(job);
            throw new IOException("out of memory while queueing a frame");
        }
        pool.enqueue(job);
    }

    private void throwIfFailed() throws IOException {
        if (failure != null) throw failure;
    }

    /** Whether a queued frame should still be written (not after a failure or once abandoned). */
    boolean wanted() {
        return failure == null && !abandoned;
    }

    void fail(IOException e) {
        synchronized (idle) {
            if (failure == null) failure = e;
            idle.notifyAll();
        }
    }

    /** Called by the pool once a queued frame is written, or dropped. */
    void done() {
        room.release();
        synchronized (idle) {
            pending--;
            idle.notifyAll();
        }
    }

    /** Waits for the queued frames, then deletes every file written so far (to start over). */
    void discard() throws IOException {
        awaitIdle();
        throwIfFailed();
        List<Path> files;
        synchronized (idle) {
            files = new ArrayList<>(submitted);
            submitted.clear();
        }
        for (Path f : files) Files.deleteIfExists(f);
    }

    /** Waits until every queued frame of this video is written; rethrows the first failure. */
    void finish() throws IOException {
        awaitIdle();
        throwIfFailed();
    }

    private void awaitIdle() throws IOException {
        synchronized (idle) {
            try {
                while (pending > 0) idle.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing frames", e);
            }
        }
    }

    /**
     * Drops this video's frames that are still queued and waits for those in work, so nothing
     * writes into the task's folder after it returns (when extraction stopped early).
     */
    @Override
    public void close() {
        abandoned = true;
        synchronized (idle) {
            boolean interrupted = false;
            while (pending > 0) {
                try {
                    idle.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
