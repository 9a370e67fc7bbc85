package io.wkforge.stages.common.wk;

/**
 * The CRC-32 the NNIE loader checks: the reflected polynomial 0xEDB88320 of zlib's CRC-32, but
 * started from 0 rather than all ones (java.util.zip.CRC32 cannot be started elsewhere). The caller
 * inverts the final value.
 */
final class Crc32Zero {
    private static final int[] TABLE = table();

    private Crc32Zero() {}

    static int update(int crc, byte[] b, int length) {
        for (int i = 0; i < length; i++) crc = TABLE[(crc ^ b[i]) & 0xff] ^ (crc >>> 8);
        return crc;
    }

    private static int[] table() {
        int[] t = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            t[n] = c;
        }
        return t;
    }
}
