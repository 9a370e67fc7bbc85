package io.wkforge.stages.caffe;

import io.wkforge.stages.model.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The trained tensors by torchvision name, handed out with their expected shapes. Problems
 * (a missing tensor, a wrong shape) are collected rather than thrown one at a time, so a user
 * sees every mismatch of a foreign weights file at once; unused tensors are listed too.
 */
final class WeightTable {
    private final Map<String, Tensor> tensors;
    private final Set<String> unused;
    private final List<String> problems = new ArrayList<>();

    WeightTable(Map<String, Tensor> tensors) {
        this.tensors = tensors;
        this.unused = new LinkedHashSet<>(tensors.keySet());
    }

    /** The tensor's values (a copy), or zeros of the right size when it is missing or misshapen. */
    float[] get(String name, long... shape) {
        unused.remove(name);
        long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        Tensor t = tensors.get(name);
        if (t == null) {
            problems.add(name + ": missing (expected shape " + Arrays.toString(shape) + ")");
            return new float[(int) size];
        }
        if (!Arrays.equals(t.shape(), shape)) {
            problems.add(name + ": shape " + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(shape));
            return new float[(int) size];
        }
        return t.data().clone();
    }

    List<String> problems() {
        return problems;
    }

    /** Tensors the network did not use (other than BatchNorm's step counter). */
    List<String> unused() {
        return unused.stream().filter(n -> !n.endsWith("num_batches_tracked")).toList();
    }
}
