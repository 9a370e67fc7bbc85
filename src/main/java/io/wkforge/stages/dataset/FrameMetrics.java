package io.wkforge.stages.dataset;

/**
 * What the cleaner measures on one frame.
 *
 * @param pixelHash  SHA-256 of the decoded pixels: equal for exact duplicates
 * @param dHash      256-bit difference hash (see {@link DifferenceHash})
 * @param sharpness  variance of the Laplacian of the grey image (low = blurry)
 * @param greyStd    standard deviation of the grey levels (low = near-uniform)
 */
public record FrameMetrics(String pixelHash, long[] dHash, double sharpness, double greyStd) {}
