package io.wkforge.stages.frames;

import org.bytedeco.javacpp.BytePointer;

/**
 * A decoded frame as packed 8-bit BGR pixels in native memory, owned by whoever holds it.
 * Plain JavaCPP memory rather than an OpenCV Mat, so decoding never waits for OpenCV to load.
 */
record BgrImage(BytePointer pixels, int width, int height) implements AutoCloseable {
    static BgrImage allocate(int width, int height) {
        return new BgrImage(new BytePointer((long) width * height * 3), width, height);
    }

    int stride() {
        return width * 3;
    }

    @Override
    public void close() {
        pixels.close();
    }
}
