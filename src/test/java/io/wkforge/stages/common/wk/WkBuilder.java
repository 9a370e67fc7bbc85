package io.wkforge.stages.common.wk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Tests only: writes structurally valid NNIE .wk files from the documented layout
 * (docs/stages/wk-format.md), with whatever header, blobs and sizes a test asks for. The
 * instruction area is random bytes, so the result is never a model: it is what a reader and the
 * recipe checks see. Its CRC is computed bit by bit, independently of the reader's table.
 */
public final class WkBuilder {
    /** One blob record: height, width, channels as the loader stores them. */
    public record BlobSpec(String name, long height, long width, long channels, int type) {}

    private int[] version = {1, 1, 1, 2};
    private int runMode = 0;
    private String buildTime = "20201012153000";
    private int netType = 0;
    private final List<BlobSpec> sources = new ArrayList<>();
    private final List<BlobSpec> destinations = new ArrayList<>();
    private int instructionBytes = 4096;
    private int tailBytes = 64;
    private long seed = 7;

    /** A classifier as wkforge's mapper run makes it: {@code data} 3 x crop of the given type, {@code prob} 1x1xclasses S32. */
    public static WkBuilder classifier(int classes, int width, int height, BlobType inputType) {
        WkBuilder b = new WkBuilder();
        b.sources.add(new BlobSpec("data", height, width, 3, inputType.code()));
        b.destinations.add(new BlobSpec("prob", 1, 1, classes, BlobType.S32.code()));
        return b;
    }

    public WkBuilder version(int... digits) {
        this.version = digits.clone();
        return this;
    }

    public WkBuilder runMode(int mode) {
        this.runMode = mode;
        return this;
    }

    public WkBuilder buildTime(String digits) {
        this.buildTime = digits;
        return this;
    }

    public WkBuilder netType(int type) {
        this.netType = type;
        return this;
    }

    public WkBuilder source(String name, long height, long width, long channels, BlobType type) {
        sources.add(new BlobSpec(name, height, width, channels, type.code()));
        return this;
    }

    public WkBuilder destination(String name, long height, long width, long channels, BlobType type) {
        destinations.add(new BlobSpec(name, height, width, channels, type.code()));
        return this;
    }

    public WkBuilder replaceSources(BlobSpec... blobs) {
        sources.clear();
        sources.addAll(List.of(blobs));
        return this;
    }

    public WkBuilder replaceDestinations(BlobSpec... blobs) {
        destinations.clear();
        destinations.addAll(List.of(blobs));
        return this;
    }

    public WkBuilder instructionBytes(int n) {
        this.instructionBytes = n;
        return this;
    }

    public WkBuilder tailBytes(int n) {
        this.tailBytes = n;
        return this;
    }

    public WkBuilder seed(long s) {
        this.seed = s;
        return this;
    }

    public byte[] build() {
        int tableEnd = 192 + 16 + 64 * (sources.size() + destinations.size());
        ByteBuffer b = ByteBuffer.allocate(tableEnd + instructionBytes + tailBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 4; i++) b.put(16 + i, (byte) version[i]);
        byte[] time = buildTime.getBytes(StandardCharsets.US_ASCII);
        // bytes 20-31 hold what two public mapper-made files hold there (meaning unknown)
        b.put(20, (byte) 1).put(21, (byte) 2).put(22, (byte) 1).put(24, (byte) 0x14);
        for (int i = 0; i < Math.min(time.length, 14); i++) b.put(32 + i, time[i]);
        b.put(48, (byte) runMode);
        b.put(49, (byte) 1);
        b.putInt(52, tableEnd);
        b.putInt(56, instructionBytes);
        b.putInt(176, instructionBytes);
        b.putInt(180, tailBytes);
        // the one segment's record
        b.put(192, (byte) netType);
        b.put(193, (byte) sources.size());
        b.put(194, (byte) destinations.size());
        b.putInt(200, tableEnd);
        b.putInt(204, instructionBytes);
        int at = 208;
        for (BlobSpec s : sources) at = blob(b, at, s);
        for (BlobSpec s : destinations) at = blob(b, at, s);
        byte[] rest = new byte[instructionBytes + tailBytes];
        new Random(seed).nextBytes(rest);
        b.put(tableEnd, rest);
        byte[] out = b.array();
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(0, crc(out, 4, tableEnd + instructionBytes));
        return out;
    }

    private static int blob(ByteBuffer b, int at, BlobSpec s) {
        b.putInt(at, (int) s.height());
        b.putInt(at + 4, (int) s.width());
        b.putInt(at + 8, (int) s.channels());
        b.put(at + 14, (byte) s.type());
        byte[] name = s.name().getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < Math.min(name.length, 31); i++) b.put(at + 16 + i, name[i]);
        return at + 64;
    }

    public Path write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, build());
    }

    /** The loader's CRC-32 bit by bit: reflected 0xEDB88320, started at 0, inverted at the end. */
    static int crc(byte[] data, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc ^= data[i] & 0xff;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xEDB88320 : crc >>> 1;
        }
        return ~crc;
    }
}
