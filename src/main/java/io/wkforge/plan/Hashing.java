package io.wkforge.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** SHA-256 helpers for cache keys. */
public final class Hashing {
    private Hashing() {}

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    public static String of(String text) {
        return hex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A key over named components, independent of map order. */
    public static String ofComponents(Map<String, String> components) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(components).entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue().replace("\n", "\\n")).append('\n');
        }
        return of(sb.toString());
    }

    public static String shortHash(String hash) {
        return hash == null ? "none" : hash.substring(0, Math.min(10, hash.length()));
    }
}
