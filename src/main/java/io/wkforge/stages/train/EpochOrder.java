package io.wkforge.stages.train;

import io.wkforge.stages.model.Preprocessing;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Which images form each batch of an epoch, and how each is augmented: functions of (seed, epoch). */
final class EpochOrder {
    private EpochOrder() {}

    /** Where a training image's crop window lies, and whether it is mirrored. */
    record Augment(int x0, int y0, boolean flip) {}

    /**
     * The training batches of an epoch: a shuffle of all images cut into batches of {@code batch};
     * a last batch of a single image is left out (BatchNorm cannot normalise one image whose
     * feature maps shrink to 1x1), so every image is still seen in most epochs.
     */
    static List<int[]> trainBatches(long seed, int epoch, int n, int batch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom r = Seeds.stream(seed, Seeds.ORDER, epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return cut(order, batch, true);
    }

    /** Validation batches: every image once, in list order. */
    static List<int[]> valBatches(int n, int batch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return cut(order, batch, false);
    }

    static int trainBatchCount(int n, int batch) {
        int full = n / batch;
        int rest = n % batch;
        return full + (rest >= 2 || (rest == 1 && (full == 0 || batch == 1)) ? 1 : 0);
    }

    private static List<int[]> cut(int[] order, int batch, boolean dropSingle) {
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start < order.length; start += batch) {
            int size = Math.min(batch, order.length - start);
            if (dropSingle && batch > 1 && size == 1 && start > 0) break;
            int[] b = new int[size];
            System.arraycopy(order, start, b, 0, size);
            out.add(b);
        }
        return out;
    }

    /** Random crop (torchvision's RandomCrop: any window inside the image) and a coin-flip mirror. */
    static Augment augment(long seed, int epoch, int position, Preprocessing p) {
        SplittableRandom r = Seeds.stream(seed, Seeds.AUGMENT, epoch, position);
        int x0 = r.nextInt(p.resizeWidth() - p.cropWidth() + 1);
        int y0 = r.nextInt(p.resizeHeight() - p.cropHeight() + 1);
        return new Augment(x0, y0, r.nextBoolean());
    }
}
