package io.wkforge.stages.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The learning rate of each epoch (the rate is constant within an epoch, as mmclassification's
 * and PyTorch's epoch-stepped schedulers keep it).
 *
 * @param milestones for {@code step}: epochs (counted from 1) after which the rate is divided by
 *     10, so {@code step 30 60} trains epochs 1-30 at lr, 31-60 at lr/10, 61- at lr/100
 */
record Schedule(String kind, double lr, int epochs, List<Integer> milestones) {

    static Schedule parse(List<String> values, double lr, int epochs) {
        String kind = values.get(0);
        List<Integer> milestones = new ArrayList<>();
        for (String v : values.subList(1, values.size())) milestones.add(Integer.parseInt(v));
        milestones.sort(null);
        return new Schedule(kind, lr, epochs, List.copyOf(milestones));
    }

    /** The rate of epoch {@code epoch} (counted from 1). */
    double rateOf(int epoch) {
        int done = epoch - 1; // epochs completed before this one
        return switch (kind) {
            case "constant" -> lr;
            case "cosine" -> lr * 0.5 * (1 + Math.cos(Math.PI * done / epochs));
            case "step" -> {
                double rate = lr;
                for (int m : milestones) if (done >= m) rate /= 10;
                yield rate;
            }
            default -> throw new IllegalStateException("schedule " + kind);
        };
    }

    String describe() {
        if (!kind.equals("step")) return kind;
        StringBuilder sb = new StringBuilder("step");
        for (int m : milestones) sb.append(' ').append(m);
        return sb.toString();
    }
}
