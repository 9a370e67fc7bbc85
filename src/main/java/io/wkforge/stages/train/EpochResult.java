package io.wkforge.stages.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one epoch achieved.
 *
 * @param trainTop1 accuracy on the (augmented) training batches as they were trained, a fraction
 * @param valTop1 validation top-1 accuracy, a fraction
 * @param imagesPerSecond training images per second of the epoch's training part (data loading included)
 * @param trainSeconds wall time of the training part (batches, data loading included)
 * @param computeSeconds the part of trainSeconds spent in the network's steps (not waiting for data)
 * @param seconds wall time of the whole epoch, validation included
 * @param confusion validation confusion matrix: rows are true classes, columns predictions
 */
record EpochResult(int epoch, double lr, double trainLoss, double trainTop1, double valLoss, double valTop1,
                   double imagesPerSecond, double trainSeconds, double computeSeconds, double seconds, int[][] confusion) {

    Map<String, Object> toJson() {
        Map<String, Object> m = summary();
        List<Object> rows = new ArrayList<>();
        for (int[] row : confusion) {
            List<Object> r = new ArrayList<>();
            for (int v : row) r.add(v);
            rows.add(r);
        }
        m.put("confusion", rows);
        return m;
    }

    /** The per-epoch entry of metrics.json (without the confusion matrix). */
    Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", epoch);
        m.put("lr", lr);
        m.put("train_loss", trainLoss);
        m.put("train_top1", trainTop1);
        m.put("val_loss", valLoss);
        m.put("val_top1", valTop1);
        m.put("images_per_second", imagesPerSecond);
        m.put("train_seconds", trainSeconds);
        m.put("compute_seconds", computeSeconds);
        m.put("seconds", seconds);
        return m;
    }

    static EpochResult fromJson(Map<?, ?> m) {
        List<?> rows = (List<?>) m.get("confusion");
        int[][] confusion = new int[rows.size()][];
        for (int i = 0; i < confusion.length; i++) {
            List<?> row = (List<?>) rows.get(i);
            confusion[i] = new int[row.size()];
            for (int j = 0; j < row.size(); j++) confusion[i][j] = ((Number) row.get(j)).intValue();
        }
        return new EpochResult(num(m, "epoch").intValue(), num(m, "lr").doubleValue(), num(m, "train_loss").doubleValue(),
                num(m, "train_top1").doubleValue(), num(m, "val_loss").doubleValue(), num(m, "val_top1").doubleValue(),
                num(m, "images_per_second").doubleValue(), num(m, "train_seconds").doubleValue(), num(m, "compute_seconds").doubleValue(),
                num(m, "seconds").doubleValue(), confusion);
    }

    private static Number num(Map<?, ?> m, String key) {
        return (Number) m.get(key);
    }

    /** Better than {@code other} for keeping: higher val top-1, ties broken by lower val loss. */
    boolean betterThan(EpochResult other) {
        if (other == null) return true;
        if (valTop1 != other.valTop1) return valTop1 > other.valTop1;
        return valLoss < other.valLoss;
    }
}
