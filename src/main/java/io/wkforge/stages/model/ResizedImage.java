package io.wkforge.stages.model;

/**
 * An image decoded and resized to {@code preprocess.resize}: 8-bit BGR, row-major, interleaved
 * ({@code height * width * 3} bytes). Small enough to keep many in memory between epochs.
 */
public record ResizedImage(int width, int height, byte[] bgr) {
    public ResizedImage {
        if (bgr.length != width * height * 3) {
            throw new IllegalArgumentException(width + "x" + height + " BGR needs " + width * height * 3 + " bytes, not " + bgr.length);
        }
    }
}
