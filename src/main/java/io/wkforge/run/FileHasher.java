package io.wkforge.run;

import io.wkforge.plan.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Content hashes of files, memoised by path, size and modification time in a small table under
 * the state folder, so a run where nothing changed never reads a large video again.
 */
public final class FileHasher {
    private final Path table;
    private final ConcurrentHashMap<String, String> memo = new ConcurrentHashMap<>();
    private volatile boolean dirty;

    public FileHasher(Path table) {
        this.table = table;
        load();
    }

    private void load() {
        if (table == null || !Files.isRegularFile(table)) return;
        try {
            for (String line : Files.readAllLines(table, StandardCharsets.UTF_8)) {
                int tab = line.lastIndexOf('\t');
                if (tab > 0) memo.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (IOException ignored) {
            // a damaged memo table only costs re-hashing
        }
    }

    public String hash(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            String memoKey = file.toAbsolutePath().normalize() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis();
            String known = memo.get(memoKey);
            if (known != null) return known;
            String h = hashContent(file);
            memo.put(memoKey, h);
            dirty = true;
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String hashContent(Path file) throws IOException {
        MessageDigest md = Hashing.sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
        }
        return Hashing.hex(md.digest());
    }

    public void save() {
        if (table == null || !dirty) return;
        try {
            Files.createDirectories(table.getParent());
            StringBuilder sb = new StringBuilder();
            memo.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
            Path tmp = table.resolveSibling(table.getFileName() + ".tmp");
            Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
            AtomicFiles.move(tmp, table);
            dirty = false;
        } catch (IOException ignored) {
            // the memo is an optimisation
        }
    }
}
