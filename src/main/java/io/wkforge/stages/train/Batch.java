package io.wkforge.stages.train;

/**
 * Images ready for the network: {@code size} normalised inputs, NCHW float32, and their labels.
 *
 * @param first the position of the first image in the epoch's order (for progress)
 */
record Batch(float[] data, int[] labels, int size, int first) {}
