package io.wkforge.stages.train;

import io.wkforge.run.Progress;
import io.wkforge.run.StageException;
import io.wkforge.stages.model.Preprocessing;
import io.wkforge.stages.model.ResizedImage;
import io.wkforge.stages.model.YuvRoundTrip;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dataset's images, decoded and resized, and, with {@code train.board_input}, passed through
 * the board's YUV round trip (the one quantize simulates) after the resize, as the board app
 * converts its resized frames. Every image is decoded once before training starts,
 * so an unreadable one is named before any long work; those that fit the memory budget stay
 * decoded (most datasets at training sizes do: 256x256 is 192 KiB), the rest are decoded again
 * whenever a batch needs them.
 */
final class ImageStore {
    private final Preprocessing preprocessing;
    private final List<Sample> samples;
    private final ResizedImage[] cached;
    private final long imageBytes;
    /** yuv420sp or yuv422sp; null for the pictures as decoded. */
    private final String yuv;
    private int cachedCount;

    /** @param boardInput {@code none}, {@code yuv420sp} or {@code yuv422sp} (TrainSettings.boardInput) */
    ImageStore(Preprocessing preprocessing, List<Sample> samples, String boardInput) {
        this.preprocessing = preprocessing;
        this.yuv = boardInput.equals("none") ? null : boardInput;
        this.samples = List.copyOf(samples);
        this.cached = new ResizedImage[samples.size()];
        this.imageBytes = 3L * preprocessing.resizeWidth() * preprocessing.resizeHeight();
    }

    int size() {
        return samples.size();
    }

    Sample sample(int i) {
        return samples.get(i);
    }

    int cachedCount() {
        return cachedCount;
    }

    /**
     * Decodes every image on the pool, keeping as many as {@code budgetBytes} allows.
     *
     * @throws StageException naming every image that cannot be decoded
     */
    void decodeAll(ExecutorService pool, int threads, long budgetBytes, Progress progress, String what) throws StageException, InterruptedException {
        long keep = Math.max(0, Math.min(samples.size(), budgetBytes / imageBytes));
        List<String> bad = Collections.synchronizedList(new ArrayList<>());
        AtomicLong done = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(samples.size(), threads));
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < samples.size(); i = next.getAndIncrement()) {
                    if (Thread.currentThread().isInterrupted()) return;
                    try {
                        ResizedImage img = load(i);
                        if (i < keep) cached[i] = img;
                    } catch (IOException e) {
                        bad.add(samples.get(i).name() + ": " + e.getMessage());
                    }
                    long n = done.incrementAndGet();
                    if (n % 64 == 0 || n == samples.size()) progress.update(n, samples.size(), "images decoded (" + what + ")");
                }
            }));
        }
        Batches.await(futures);
        if (!bad.isEmpty()) {
            Collections.sort(bad);
            throw new StageException(bad.size() + " image" + (bad.size() == 1 ? "" : "s") + " of the " + what
                    + " set cannot be decoded: fix or remove " + (bad.size() == 1 ? "it" : "them") + " and run split again", bad);
        }
        cachedCount = (int) keep;
    }

    /** The decoded, resized image {@code i} (decoded again when it did not fit the budget). */
    ResizedImage image(int i) throws IOException {
        ResizedImage img = cached[i];
        return img != null ? img : load(i);
    }

    private ResizedImage load(int i) throws IOException {
        ResizedImage img = preprocessing.load(samples.get(i).file());
        return yuv == null ? img : YuvRoundTrip.apply(img, yuv);
    }
}
