package io.wkforge.stages.frames;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Encodes and writes kept frames on a thread of its own, so decoding goes on meanwhile. The
 * thread starts by loading OpenCV's encoders (over half a second the first time in a process),
 * which then overlaps FFmpeg's start-up and the first frames' decoding instead of delaying them.
 * A small queue bounds the memory held by frames waiting to be written.
 */
final class FrameWriter implements AutoCloseable {
    private static final int QUEUE_FRAMES = 3;

    private record Job(BgrImage image, Path file) {}

    private static final Job END = new Job(null, null);

    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES);
    private final Thread thread;
    private volatile IOException failure;
    private volatile boolean closed;

    FrameWriter(ImageFormat format) {
        thread = new Thread(() -> work(format), "wkforge-frame-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void work(ImageFormat format) {
        try (ImageEncoder encoder = new ImageEncoder(format)) {
            while (true) {
                Job job = queue.take();
                if (job == END) return;
                try (BgrImage image = job.image(); Mat mat = new Mat(image.height(), image.width(), CV_8UC3, image.pixels())) {
                    if (failure == null) encoder.write(mat, job.file());
                } catch (IOException e) {
                    if (failure == null) failure = e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            failure = new IOException("cannot encode images: " + e.getMessage(), e);
            drain();
        }
    }

    /** Queues an image to be written (the writer takes ownership); waits while the queue is full. */
    void submit(BgrImage image, Path file) throws IOException {
        if (failure != null) {
            image.close();
            throw failure;
        }
        try {
            queue.put(new Job(image, file));
        } catch (InterruptedException e) {
            image.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing frames", e);
        }
    }

    /** Waits until every queued image is written; rethrows the first write failure. */
    void finish() throws IOException {
        stop();
        if (failure != null) throw failure;
    }

    private void stop() {
        if (closed) return;
        closed = true;
        try {
            if (thread.isAlive()) queue.put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }

    private void drain() {
        for (Job j; (j = queue.poll()) != null; ) {
            if (j.image() != null) j.image().close();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
