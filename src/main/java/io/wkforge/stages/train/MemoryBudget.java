package io.wkforge.stages.train;

import io.wkforge.stages.model.Preprocessing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether training fits in memory, checked before it starts, and what to lower when it does not.
 * The estimate was measured with this network on libtorch's CPU allocator (bench/train-vs-pytorch.sh):
 * about 450 MB of fixed cost (JVM, libtorch, weights and gradients) plus about 1.1 KB per input
 * pixel of the batch for activations and their gradients (1.3 GB at 224x224, batch 16).
 */
final class MemoryBudget {
    static final long FIXED_BYTES = 450L << 20;
    static final long BYTES_PER_BATCH_PIXEL = 1100;
    /** Weights-sized arrays each optimizer keeps (momentum, or Adam's two moments) plus one for the best weights. */
    private static final long WEIGHT_BYTES = 11_700_000L * 4;

    private MemoryBudget() {}

    static long trainingBytes(Preprocessing p, int batch, TrainSettings.OptimizerKind optimizer) {
        long optimizerCopies = optimizer == TrainSettings.OptimizerKind.SGD ? 1 : 2;
        return FIXED_BYTES + (optimizerCopies + 1) * WEIGHT_BYTES + BYTES_PER_BATCH_PIXEL * batch * p.cropWidth() * p.cropHeight();
    }

    /** Memory the system can still give (Linux: MemAvailable), or -1 when unknown. */
    static long availableBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no check
        }
        return -1;
    }

    /** The advice for a run that does not fit: which settings to lower and to what. */
    static String advice(Preprocessing p, int batch, TrainSettings.OptimizerKind optimizer, long available) {
        StringBuilder sb = new StringBuilder("lower train.batch (now ").append(batch).append(')');
        if (available > 0) {
            int fits = batch;
            while (fits > 1 && trainingBytes(p, fits, optimizer) > available * 0.85) fits /= 2;
            if (fits < batch) sb.append(", e.g. to ").append(fits);
        }
        sb.append(", or preprocess.crop (now ").append(p.cropWidth()).append('x').append(p.cropHeight()).append(')');
        return sb.toString();
    }

    static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /**
     * Bytes the decoded-image cache may use: half of what the Java heap has left, and no more
     * than what the system has left after training itself.
     */
    static long cacheBytes(long trainingBytes) {
        Runtime rt = Runtime.getRuntime();
        long heapLeft = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long budget = Math.max(0, heapLeft / 2);
        long available = availableBytes();
        if (available > 0) budget = Math.min(budget, Math.max(0, available - trainingBytes) / 2);
        return budget;
    }
}
