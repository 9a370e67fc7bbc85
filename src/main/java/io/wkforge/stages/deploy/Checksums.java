package io.wkforge.stages.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 (and MD5, for boards whose BusyBox has no sha256sum) of files, and the SHA256SUMS format. */
public final class Checksums {
    private Checksums() {}

    /** Both digests of one file in one read: {@code [sha256, md5]}, lower-case hex. */
    public static String[] sha256AndMd5(Path file) throws IOException {
        MessageDigest sha = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                md5.update(buf, 0, n);
            }
        }
        return new String[] {HexFormat.of().formatHex(sha.digest()), HexFormat.of().formatHex(md5.digest())};
    }

    public static String sha256(Path file) throws IOException {
        return sha256AndMd5(file)[0];
    }

    public static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    /** The text {@code sha256sum -c} reads: {@code <hex>  <name>} per line (two spaces: binary-safe text mode). */
    public static String sumsFile(List<Bundle.Item> items) {
        StringBuilder sb = new StringBuilder();
        for (Bundle.Item i : items) sb.append(i.sha256()).append("  ").append(i.name()).append('\n');
        return sb.toString();
    }
}
