package io.wkforge.lang.check;

import io.wkforge.lang.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the file a {@code use "..."} names: first relative to the importing file, then in the
 * stdlib folder (when wkforge runs from a checkout), then in the stdlib shipped inside the jar.
 * {@code .recipe} is appended when the name has no extension.
 */
public class ImportResolver {
    /** Where stdlib fragments live inside the jar. */
    public static final String STDLIB_RESOURCE_ROOT = "wkforge/stdlib/";

    private final Path stdlibDir;

    public ImportResolver(Path stdlibDir) {
        this.stdlibDir = stdlibDir;
    }

    /** The stdlib folder named by the {@code wkforge.stdlib} system property, if any. */
    public static ImportResolver standard() {
        String dir = System.getProperty("wkforge.stdlib");
        return new ImportResolver(dir == null ? null : Path.of(dir));
    }

    /**
     * @param key identifies the file for cycle detection (an absolute path or {@code stdlib:NAME})
     */
    public record Found(String key, SourceFile source, Path baseDir) {}

    /** The result of a lookup: the file, or the places that were tried. */
    public record Lookup(Found found, List<String> tried, String readError) {}

    public Lookup resolve(String name, SourceFile from) {
        String fileName = name.endsWith(".recipe") ? name : name + ".recipe";
        List<String> tried = new ArrayList<>();
        String invalid = PathText.invalidReason(fileName);
        if (invalid != null) return new Lookup(null, tried, invalid);
        List<Path> candidates = new ArrayList<>();
        if (from.path() != null) {
            Path dir = from.path().toAbsolutePath().getParent();
            if (dir != null) candidates.add(dir.resolve(fileName).normalize());
        } else {
            candidates.add(Path.of(fileName).toAbsolutePath().normalize());
        }
        if (stdlibDir != null) candidates.add(stdlibDir.resolve(fileName).normalize());
        for (Path p : candidates) {
            tried.add(p.toString());
            if (Files.isRegularFile(p)) {
                try {
                    SourceFile src = SourceFile.read(p);
                    return new Lookup(new Found(p.toAbsolutePath().toString(), src, p.toAbsolutePath().getParent()), tried, null);
                } catch (IOException e) {
                    return new Lookup(null, tried, p + ": " + e.getMessage());
                }
            }
        }
        String resource = STDLIB_RESOURCE_ROOT + stripDotSlash(fileName);
        tried.add("stdlib:" + stripDotSlash(fileName) + " (built in)");
        try (InputStream in = ImportResolver.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String display = "stdlib:" + stripDotSlash(fileName);
                return new Lookup(new Found(display, new SourceFile(display, null, text), null), tried, null);
            }
        } catch (IOException e) {
            return new Lookup(null, tried, resource + ": " + e.getMessage());
        }
        return new Lookup(null, tried, null);
    }

    private static String stripDotSlash(String s) {
        return s.startsWith("./") ? s.substring(2) : s;
    }
}
