package io.wkforge.stages.model;

import java.util.Arrays;

/**
 * A named float32 array with its shape, as stored in a weights file. Plain Java, so that export
 * and lint never need libtorch.
 */
public record Tensor(long[] shape, float[] data) {

    public Tensor {
        long n = 1;
        for (long d : shape) n *= d;
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, not " + data.length);
        }
    }

    public int dim(int i) {
        return Math.toIntExact(shape[i]);
    }

    public int rank() {
        return shape.length;
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }
}
