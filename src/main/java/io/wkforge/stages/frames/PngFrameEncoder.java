package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * PNG, written here: 8-bit RGB, every row with the "Up" filter (each byte minus the one above
 * it), compressed by zlib with Huffman coding only (no search for repeated strings). Camera
 * footage has sensor noise in every pixel, so strings rarely repeat and the search that zlib's
 * levels 1-9 do is CPU spent for little; the Up filter turns smooth picture content into small
 * numbers that Huffman coding packs well. Measured on noisy 1080p frames (docs/benchmarks.md,
 * "PNG settings"): about half the CPU per frame of FFmpeg's PNG encoder at zlib level 1 without
 * filters (the setting used before), and files about 15% smaller. A plain PNG: every reader
 * takes it (a test reads it back with ImageIO, OpenCV and the ffmpeg CLI).
 *
 * <p>The bytes depend only on the pixels and on zlib's Huffman coder (the JDK's), never on the
 * thread or the order frames are encoded in. One per thread.
 */
final class PngFrameEncoder implements FrameEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int FILTER_UP = 2;
    private static final int BIT_DEPTH = 8;
    private static final int COLOUR_RGB = 2;
    /** Chunk length, type and CRC around each chunk's data. */
    private static final int CHUNK_OVERHEAD = 12;

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private final CRC32 crc = new CRC32();
    private byte[] row = new byte[0];
    private byte[] above = new byte[0];
    private byte[] scanlines = new byte[0];
    private byte[] compressed = new byte[0];

    PngFrameEncoder() {
        deflater.setStrategy(Deflater.HUFFMAN_ONLY);
    }

    @Override
    public int pixelFormat() {
        return AV_PIX_FMT_RGB24;
    }

    @Override
    public byte[] encode(AVFrame packed) throws IOException {
        int w = packed.width();
        int h = packed.height();
        int stride = 3 * w;
        int line = packed.linesize(0);
        long rawSize = (long) (stride + 1) * h;
        if (w <= 0 || h <= 0 || line < stride || rawSize > Integer.MAX_VALUE - (1 << 20)) {
            throw new IOException("cannot write a " + w + "x" + h + " picture as PNG");
        }
        int n = (int) rawSize;
        if (scanlines.length < n) scanlines = new byte[n];
        if (row.length < stride) {
            row = new byte[stride];
            above = new byte[stride];
        }
        BytePointer data = packed.data(0);
        for (int y = 0; y < h; y++) {
            data.position((long) y * line).get(row, 0, stride);
            filterUp(row, y == 0 ? null : above, stride, scanlines, y * (stride + 1));
            byte[] t = above;
            above = row;
            row = t;
        }
        int length = deflate(n);
        byte[] out = new byte[SIGNATURE.length + CHUNK_OVERHEAD + 13 + CHUNK_OVERHEAD + length + CHUNK_OVERHEAD];
        System.arraycopy(SIGNATURE, 0, out, 0, SIGNATURE.length);
        int at = SIGNATURE.length;
        byte[] header = new byte[13];
        putInt(header, 0, w);
        putInt(header, 4, h);
        header[8] = BIT_DEPTH;
        header[9] = COLOUR_RGB; // compression, filter method and interlace stay 0
        at = chunk(out, at, "IHDR", header, header.length);
        at = chunk(out, at, "IDAT", compressed, length);
        chunk(out, at, "IEND", header, 0);
        return out;
    }

    /** A row behind its filter-type byte, as each byte minus the byte above it (the first row as is). */
    private static void filterUp(byte[] row, byte[] above, int stride, byte[] out, int at) {
        out[at++] = FILTER_UP;
        if (above == null) {
            System.arraycopy(row, 0, out, at, stride);
            return;
        }
        for (int x = 0; x < stride; x++) out[at + x] = (byte) (row[x] - above[x]);
    }

    /** Compresses the first {@code n} bytes of the scanlines into {@link #compressed}; returns its length. */
    private int deflate(int n) {
        deflater.reset();
        deflater.setInput(scanlines, 0, n);
        deflater.finish();
        // Huffman coding never grows data by more than its stored-block fallback allows
        if (compressed.length < n + n / 1000 + 1024) compressed = new byte[n + n / 1000 + 1024];
        int length = 0;
        while (!deflater.finished()) {
            if (length == compressed.length) compressed = java.util.Arrays.copyOf(compressed, compressed.length * 2);
            length += deflater.deflate(compressed, length, compressed.length - length);
        }
        return length;
    }

    private int chunk(byte[] out, int at, String type, byte[] data, int length) {
        putInt(out, at, length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, out, at + 4, 4);
        System.arraycopy(data, 0, out, at + 8, length);
        crc.reset();
        crc.update(out, at + 4, 4 + length);
        putInt(out, at + 8 + length, (int) crc.getValue());
        return at + CHUNK_OVERHEAD + length;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    @Override
    public void close() {
        deflater.end();
    }
}
