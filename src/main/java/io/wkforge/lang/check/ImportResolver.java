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
        for (Path p : candidates(fileName, from)) {
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

    /** Where a file named {@code fileName} is looked for, in order: beside the importing file, then in the stdlib folder. */
    private List<Path> candidates(String fileName, SourceFile from) {
        List<Path> candidates = new ArrayList<>();
        if (from.path() != null) {
            Path dir = from.path().toAbsolutePath().getParent();
            if (dir != null) candidates.add(dir.resolve(fileName).normalize());
        } else {
            candidates.add(Path.of(fileName).toAbsolutePath().normalize());
        }
        if (stdlibDir != null) candidates.add(stdlibDir.resolve(fileName).normalize());
        return candidates;
    }

    /**
     * The key {@link #resolve} would give the file that {@code use "name"} in {@code from} names
     * ({@link Found#key}), without reading it; null when there is none. For telling which
     * {@code use} brought a file in, where reading it again (a 5 MB import) would be waste.
     */
    public String keyOf(String name, SourceFile from) {
        String fileName = name.endsWith(".recipe") ? name : name + ".recipe";
        if (PathText.invalidReason(fileName) != null) return null;
        for (Path p : candidates(fileName, from)) {
            if (Files.isRegularFile(p)) return Files.isReadable(p) ? p.toAbsolutePath().toString() : null;
        }
        String resource = STDLIB_RESOURCE_ROOT + stripDotSlash(fileName);
        return ImportResolver.class.getClassLoader().getResource(resource) != null ? "stdlib:" + stripDotSlash(fileName) : null;
    }

    /**
     * The stdlib fragments that exist, as a {@code use} names them ({@code targets/hi3516dv300}),
     * sorted: the stdlib folder's and the built-in ones. For the help of E140, so a user who
     * guessed a name ({@code targets/taurus}) learns what there is rather than only where it looked.
     */
    public List<String> fragments() {
        java.util.TreeSet<String> out = new java.util.TreeSet<>(builtInFragments());
        if (stdlibDir != null) out.addAll(recipesUnder(stdlibDir));
        return List.copyOf(out);
    }

    private static volatile List<String> builtIn;

    private static List<String> builtInFragments() {
        List<String> known = builtIn;
        if (known != null) return known;
        List<String> out = new ArrayList<>();
        java.net.URL url = ImportResolver.class.getClassLoader().getResource(STDLIB_RESOURCE_ROOT);
        try {
            if (url == null) {
                // nothing built in (a test class path without resources)
            } else if (url.getProtocol().equals("file")) {
                out.addAll(recipesUnder(Path.of(url.toURI())));
            } else if (url.openConnection() instanceof java.net.JarURLConnection jar) {
                jar.setUseCaches(false);
                try (java.util.jar.JarFile file = jar.getJarFile()) {
                    file.stream().map(java.util.jar.JarEntry::getName)
                            .filter(n -> n.startsWith(STDLIB_RESOURCE_ROOT) && n.endsWith(".recipe"))
                            .forEach(n -> out.add(n.substring(STDLIB_RESOURCE_ROOT.length(), n.length() - ".recipe".length())));
                }
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // a listing is only help text: without it the message still says where it looked
        }
        builtIn = List.copyOf(out);
        return builtIn;
    }

    private static List<String> recipesUnder(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (var files = Files.walk(dir, 4)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".recipe") && Files.isRegularFile(f))
                    .map(f -> dir.relativize(f).toString().replace('\\', '/'))
                    .map(n -> n.substring(0, n.length() - ".recipe".length()))
                    .limit(200)
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    private static String stripDotSlash(String s) {
        return s.startsWith("./") ? s.substring(2) : s;
    }
}
