package io.wkforge.stages.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Images ready for the network: {@code size} normalised inputs, NCHW float32 in native byte
 * order, in direct memory that libtorch reads in place (no copy), and their labels. The memory
 * is lent by the loader: {@link #release()} returns it once the network is done with the batch.
 *
 * @param first the position of the first image in the epoch's order
 */
record Batch(ByteBuffer data, int[] labels, int size, int first, Runnable onRelease) {

    /** A batch over a copy of {@code chw} (tests, one-off use). */
    static Batch of(float[] chw, int[] labels) {
        ByteBuffer b = ByteBuffer.allocateDirect(4 * chw.length).order(ByteOrder.nativeOrder());
        b.asFloatBuffer().put(chw);
        return new Batch(b, labels, labels.length, 0, () -> {});
    }

    /** The bytes of images {@code from} (inclusive) to {@code to} (exclusive), for libtorch. */
    ByteBuffer images(int from, int to, int floatsPerImage) {
        return data.slice(4 * from * floatsPerImage, 4 * (to - from) * floatsPerImage).order(ByteOrder.nativeOrder());
    }

    void release() {
        onRelease.run();
    }
}
