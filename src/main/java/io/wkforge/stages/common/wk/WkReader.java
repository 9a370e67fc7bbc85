package io.wkforge.stages.common.wk;

import io.wkforge.stages.common.wk.WkFormatException.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one reader of NNIE {@code .wk} files (layout: docs/stages/wk-format.md). It checks, in this
 * order, that the bytes look like a .wk header, that the version is one whose layout is known,
 * that the file is as long as the header says, that the segment table agrees with the header, and
 * that the CRC-32 matches; each failure is a {@link WkFormatException} with one sentence. Every
 * read is bounds-checked against the file's size, and nothing is allocated by a length field: the
 * table is at most 8 segments of at most 510 blobs (u8 counts), and the CRC streams the rest.
 */
public final class WkReader {
    /** The fixed header before the segment table. */
    public static final int HEADER_BYTES = 192;
    public static final int SEGMENT_BYTES = 16;
    public static final int BLOB_BYTES = 64;
    public static final int MAX_SEGMENTS = 8;
    /** What {@link #recognises} needs: everything up to the segment count. */
    public static final int SIGNATURE_BYTES = 50;
    /** The first version digit of every layout known; others are refused as unknown. */
    static final int KNOWN_MAJOR = 1;

    static final int OFF_VERSION = 16;
    static final int OFF_BUILD_TIME = 32;
    static final int BUILD_TIME_BYTES = 14;
    static final int OFF_RUN_MODE = 48;
    static final int OFF_SEGMENTS = 49;
    static final int OFF_TABLE_END = 52;
    static final int OFF_INSTRUCTIONS = 56;
    static final int OFF_INSTRUCTIONS_AGAIN = 176;
    static final int OFF_TAIL = 180;

    private static final int CHUNK = 64 * 1024;

    private WkReader() {}

    /** Where the bytes come from: a file, or an array in tests. Reads only inside {@code [0, size)}. */
    interface Bytes {
        long size() throws IOException;

        /** Fills {@code dst} from {@code position}; the caller has checked that it lies inside the file. */
        void read(long position, byte[] dst, int length) throws IOException;
    }

    public static WkFile read(Path file) throws IOException, WkFormatException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(new Bytes() {
                @Override
                public long size() throws IOException {
                    return ch.size();
                }

                @Override
                public void read(long position, byte[] dst, int length) throws IOException {
                    ByteBuffer b = ByteBuffer.wrap(dst, 0, length);
                    while (b.hasRemaining()) {
                        if (ch.read(b, position + b.position()) < 0) throw new IOException("the file shrank while it was read");
                    }
                }
            });
        }
    }

    public static WkFile read(byte[] content) throws WkFormatException {
        try {
            return read(new Bytes() {
                @Override
                public long size() {
                    return content.length;
                }

                @Override
                public void read(long position, byte[] dst, int length) {
                    System.arraycopy(content, (int) position, dst, 0, length);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("an array cannot fail to read", e);
        }
    }

    /**
     * Whether these first bytes of a file (its first 512, or all of a shorter one) look like a .wk:
     * version digits, the build time in ASCII digits, a run mode and a segment count in range.
     */
    public static boolean recognises(byte[] head) {
        return head.length >= SIGNATURE_BYTES && signatureProblem(head) == null;
    }

    /** Why the first {@link #SIGNATURE_BYTES} do not look like a .wk header, or null. */
    private static String signatureProblem(byte[] h) {
        for (int i = 0; i < 4; i++) {
            if (u8(h, OFF_VERSION + i) > 9) return "bytes 16-19 are not format version digits";
        }
        if (u8(h, OFF_VERSION) == 0) return "bytes 16-19 are not format version digits";
        int digits = 0;
        for (int i = 0; i < BUILD_TIME_BYTES; i++) {
            int c = u8(h, OFF_BUILD_TIME + i);
            if (c >= '0' && c <= '9') digits++;
            else if (c != 0) return "bytes 32-45 are not the mapper's build time in digits";
        }
        if (digits < 8) return "bytes 32-45 are not the mapper's build time in digits";
        if (u8(h, OFF_RUN_MODE) > 1) return "byte 48 is not a run mode (0 chip, 1 simulation)";
        int segments = u8(h, OFF_SEGMENTS);
        if (segments < 1 || segments > MAX_SEGMENTS) return "byte 49 is not a segment count (1-8)";
        return null;
    }

    static WkFile read(Bytes in) throws IOException, WkFormatException {
        long size = in.size();
        if (size == 0) throw new WkFormatException(Kind.NOT_WK, "empty file (0 bytes), not an NNIE .wk");
        byte[] h = new byte[HEADER_BYTES];
        int headLength = (int) Math.min(size, HEADER_BYTES);
        in.read(0, h, headLength);
        if (size < SIGNATURE_BYTES) {
            throw new WkFormatException(Kind.NOT_WK, "not an NNIE .wk: " + size + " bytes, too short for a .wk header ("
                    + HEADER_BYTES + " bytes)");
        }
        String problem = signatureProblem(h);
        if (problem != null) throw new WkFormatException(Kind.NOT_WK, "not an NNIE .wk: " + problem);
        int[] version = {u8(h, OFF_VERSION), u8(h, OFF_VERSION + 1), u8(h, OFF_VERSION + 2), u8(h, OFF_VERSION + 3)};
        if (version[0] != KNOWN_MAJOR) {
            throw new WkFormatException(Kind.UNKNOWN_VERSION, "unknown .wk format version " + WkFile.versionText(version)
                    + ": wkforge knows the layout of version " + KNOWN_MAJOR + ".x.x.x files (1.1.1.2: the Hi3516CV500 family)");
        }
        if (size < HEADER_BYTES) {
            throw new WkFormatException(Kind.TRUNCATED, "truncated .wk: " + size + " bytes, shorter than its " + HEADER_BYTES + "-byte header");
        }
        long tableEnd = u32(h, OFF_TABLE_END);
        long instructions = u32(h, OFF_INSTRUCTIONS);
        long tail = u32(h, OFF_TAIL);
        if (u32(h, OFF_INSTRUCTIONS_AGAIN) != instructions) {
            throw new WkFormatException(Kind.INCONSISTENT, String.format(Locale.ROOT, "inconsistent .wk header: the instruction area is "
                    + "%d bytes at offset 56 but %d at offset 176", instructions, u32(h, OFF_INSTRUCTIONS_AGAIN)));
        }
        long expected = tableEnd + instructions + tail;
        if (size < expected) {
            throw new WkFormatException(Kind.TRUNCATED, String.format(Locale.ROOT, "truncated .wk: %d bytes, but its header says %d "
                    + "(segment table %d + instructions and weights %d + tail %d); copy it again", size, expected, tableEnd, instructions, tail));
        }
        if (size > expected) {
            throw new WkFormatException(Kind.INCONSISTENT, String.format(Locale.ROOT, "not a whole .wk: %d bytes, but its header says %d "
                    + "(%d bytes more than the segment table, instructions and tail it describes)", size, expected, size - expected));
        }
        int segmentCount = u8(h, OFF_SEGMENTS);
        List<WkFile.Segment> segments = readTable(in, tableEnd, segmentCount);
        long stored = u32(h, 0);
        long computed = crc(in, 4, tableEnd + instructions);
        if (stored != computed) {
            throw new WkFormatException(Kind.CRC_MISMATCH, String.format(Locale.ROOT, "corrupted .wk: the CRC-32 of bytes 4 to %d is "
                    + "%08x but the header stores %08x; copy it again or run the mapper again", tableEnd + instructions, computed, stored));
        }
        return new WkFile(size, stored, version, buildTime(h), u8(h, OFF_RUN_MODE), tableEnd, instructions, tail, segments);
    }

    /**
     * The segment records, then each segment's source and destination blob records. The table's
     * length follows from the u8 counts, so it is small whatever the header claims.
     */
    private static List<WkFile.Segment> readTable(Bytes in, long tableEnd, int segmentCount) throws IOException, WkFormatException {
        long recordsEnd = HEADER_BYTES + (long) SEGMENT_BYTES * segmentCount;
        if (tableEnd < recordsEnd) {
            throw new WkFormatException(Kind.INCONSISTENT, "inconsistent .wk header: the segment table ends at byte " + tableEnd
                    + ", before the records of its " + segmentCount + " segments end (" + recordsEnd + ")");
        }
        byte[] records = new byte[SEGMENT_BYTES * segmentCount];
        in.read(HEADER_BYTES, records, records.length);
        int blobs = 0;
        for (int s = 0; s < segmentCount; s++) blobs += u8(records, s * SEGMENT_BYTES + 1) + u8(records, s * SEGMENT_BYTES + 2);
        long computedEnd = recordsEnd + (long) BLOB_BYTES * blobs;
        if (computedEnd != tableEnd) {
            throw new WkFormatException(Kind.INCONSISTENT, "inconsistent .wk header: " + segmentCount + " segment(s) with " + blobs
                    + " blobs make a table that ends at byte " + computedEnd + ", but the header says " + tableEnd);
        }
        byte[] table = new byte[BLOB_BYTES * blobs];
        in.read(recordsEnd, table, table.length);
        List<WkFile.Segment> out = new ArrayList<>();
        int next = 0;
        for (int s = 0; s < segmentCount; s++) {
            int r = s * SEGMENT_BYTES;
            int sourceCount = u8(records, r + 1);
            int destinationCount = u8(records, r + 2);
            List<WkFile.Blob> sources = new ArrayList<>();
            for (int i = 0; i < sourceCount; i++) sources.add(blob(table, BLOB_BYTES * next++));
            List<WkFile.Blob> destinations = new ArrayList<>();
            for (int i = 0; i < destinationCount; i++) destinations.add(blob(table, BLOB_BYTES * next++));
            out.add(new WkFile.Segment(u8(records, r), u8(records, r + 3), u16(records, r + 4), u32(records, r + 8),
                    u32(records, r + 12), List.copyOf(sources), List.copyOf(destinations)));
        }
        return List.copyOf(out);
    }

    private static WkFile.Blob blob(byte[] t, int at) {
        return new WkFile.Blob(text(t, at + 16, 32), u32(t, at), u32(t, at + 4), u32(t, at + 8), u8(t, at + 14), u8(t, at + 15));
    }

    /** CRC-32 as the loader computes it: reflected 0xEDB88320, initial value 0, the result inverted. */
    private static long crc(Bytes in, long from, long to) throws IOException {
        int crc = 0;
        byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(0, to - from))];
        for (long pos = from; pos < to; ) {
            int n = (int) Math.min(buf.length, to - pos);
            in.read(pos, buf, n);
            crc = Crc32Zero.update(crc, buf, n);
            pos += n;
        }
        return ~crc & 0xffffffffL;
    }

    private static String buildTime(byte[] h) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < BUILD_TIME_BYTES; i++) {
            int c = u8(h, OFF_BUILD_TIME + i);
            if (c != 0) sb.append((char) c);
        }
        return sb.toString();
    }

    /** A NUL-padded name; anything outside printable ASCII is shown as {@code ?}. */
    private static String text(byte[] b, int at, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length && b[at + i] != 0; i++) {
            int c = b[at + i] & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return sb.toString();
    }

    static int u8(byte[] b, int at) {
        return b[at] & 0xff;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
}
