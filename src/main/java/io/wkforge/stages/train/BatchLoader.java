package io.wkforge.stages.train;

import io.wkforge.stages.model.Preprocessing;
import io.wkforge.stages.model.ResizedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Prepares batches on the loader threads ahead of the network, in the epoch's order: while the
 * network works on batch k, batches k+1..k+ahead are being cropped, flipped and normalised (and
 * decoded, for images that did not fit the memory budget). Each batch's content depends only on
 * (seed, epoch, position), never on which thread built it or when.
 */
final class BatchLoader {
    private final ImageStore images;
    private final Preprocessing preprocessing;
    private final ExecutorService pool;
    private final int ahead;

    BatchLoader(ImageStore images, Preprocessing preprocessing, ExecutorService pool, int ahead) {
        this.images = images;
        this.preprocessing = preprocessing;
        this.pool = pool;
        this.ahead = Math.max(1, ahead);
    }

    /** The batches of one pass, produced in order; {@code augmentEpoch} 0 means centre crops. */
    Pass pass(List<int[]> batches, long seed, int augmentEpoch) {
        return new Pass(batches, seed, augmentEpoch);
    }

    final class Pass implements AutoCloseable {
        private final List<int[]> batches;
        private final long seed;
        private final int epoch;
        private final Deque<Future<Batch>> queued = new ArrayDeque<>();
        private int submitted;
        private int[] firsts;

        private Pass(List<int[]> batches, long seed, int epoch) {
            this.batches = batches;
            this.seed = seed;
            this.epoch = epoch;
            this.firsts = new int[batches.size()];
            int pos = 0;
            for (int i = 0; i < batches.size(); i++) {
                firsts[i] = pos;
                pos += batches.get(i).length;
            }
            while (submitted < batches.size() && submitted < ahead) submitNext();
        }

        int size() {
            return batches.size();
        }

        /** The next batch, waiting for it if the loader threads are behind. */
        Batch next() throws InterruptedException, IOException {
            Future<Batch> f = queued.poll();
            if (f == null) throw new IllegalStateException("no batches left");
            if (submitted < batches.size()) submitNext();
            try {
                return Batches.get(f);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        private void submitNext() {
            int index = submitted++;
            int[] members = batches.get(index);
            int first = firsts[index];
            queued.add(pool.submit(() -> build(members, first)));
        }

        private Batch build(int[] members, int first) {
            int per = preprocessing.inputSize();
            float[] data = new float[members.length * per];
            int[] labels = new int[members.length];
            for (int k = 0; k < members.length; k++) {
                ResizedImage img;
                try {
                    img = images.image(members[k]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                labels[k] = images.sample(members[k]).label();
                if (epoch > 0) {
                    EpochOrder.Augment a = EpochOrder.augment(seed, epoch, first + k, preprocessing);
                    preprocessing.normalise(img, a.x0(), a.y0(), a.flip(), data, k * per);
                } else {
                    preprocessing.normalise(img, preprocessing.centreX(), preprocessing.centreY(), false, data, k * per);
                }
            }
            return new Batch(data, labels, members.length, first);
        }

        /** Stops preparing batches nobody will read (an early stop or a failure). */
        @Override
        public void close() {
            for (Future<Batch> f : queued) f.cancel(true);
            queued.clear();
        }
    }
}
