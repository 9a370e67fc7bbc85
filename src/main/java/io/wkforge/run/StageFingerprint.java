package io.wkforge.run;

import io.wkforge.plan.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What computes a stage's outputs, as the tool components of its tasks' keys:
 * <ul>
 * <li>{@code tool code}: a digest of the stage's code packages as built (the class files inside
 *     the jar, by name, CRC and size; or their bytes when running from a classes folder). Any
 *     change to the stage's code re-runs it; a rebuild with the stage's code unchanged does not.
 * <li>{@code tool libraries}: the jars (names carry the versions) of the libraries the stage
 *     computes with ({@link StageRunner#libraryClasses}), e.g. {@code ffmpeg-8.0.1-1.5.13.jar}.
 * <li>{@code tool algorithm}: {@link StageRunner#algorithmVersion}, bumped by hand when outputs
 *     change for a reason neither of the above shows.
 * </ul>
 * Worked out once per stage class and process, from the jar's index: no class is loaded.
 */
final class StageFingerprint {
    private static final Map<Class<?>, Map<String, String>> CACHE = new ConcurrentHashMap<>();

    private StageFingerprint() {}

    static Map<String, String> of(StageRunner runner) {
        Map<String, String> out = new TreeMap<>(CACHE.computeIfAbsent(runner.getClass(), c -> built(runner)));
        out.put("tool algorithm", String.valueOf(runner.algorithmVersion()));
        return out;
    }

    /** The parts that depend only on the build, worked out once per class. */
    private static Map<String, String> built(StageRunner runner) {
        Map<String, String> out = new TreeMap<>();
        out.put("tool code", codeDigest(runner.getClass(), runner.codePackages()));
        List<String> libs = libraries(runner.getClass().getClassLoader(), runner.libraryClasses());
        if (!libs.isEmpty()) out.put("tool libraries", String.join(" ", libs));
        return out;
    }

    static String codeDigest(Class<?> anchor, List<String> packages) {
        Path location = locationOf(anchor);
        MessageDigest md = Hashing.sha256();
        try {
            for (String line : Files.isDirectory(location) ? folderEntries(location, packages) : jarEntries(location, packages)) {
                md.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read wkforge's own code at " + location, e);
        }
        return Hashing.hex(md.digest()).substring(0, 16);
    }

    private static Path locationOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the code of " + c.getName(), e);
        }
    }

    private static List<String> prefixes(List<String> packages) {
        return packages.stream().map(p -> p.replace('.', '/') + "/").toList();
    }

    private static List<String> jarEntries(Path jar, List<String> packages) throws IOException {
        List<String> prefixes = prefixes(packages);
        TreeSet<String> lines = new TreeSet<>();
        try (JarFile jf = new JarFile(jar.toFile(), false)) {
            Enumeration<JarEntry> entries = jf.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.isDirectory() || prefixes.stream().noneMatch(e.getName()::startsWith)) continue;
                lines.add(e.getName() + " " + Long.toHexString(e.getCrc()) + " " + e.getSize());
            }
        }
        return new ArrayList<>(lines);
    }

    private static List<String> folderEntries(Path root, List<String> packages) throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        for (String prefix : prefixes(packages)) {
            Path dir = root.resolve(prefix);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    lines.add(root.relativize(f).toString().replace('\\', '/') + " " + FileHasher.hashContent(f));
                }
            }
        }
        return new ArrayList<>(lines);
    }

    /** The file names of the jars the given classes come from, sorted; found without loading them. */
    static List<String> libraries(ClassLoader loader, List<String> classNames) {
        TreeSet<String> out = new TreeSet<>();
        for (String name : classNames) {
            URL url = loader == null ? null : loader.getResource(name.replace('.', '/') + ".class");
            if (url == null) {
                out.add(name + " (missing)");
                continue;
            }
            String s = url.toString();
            int bang = s.indexOf("!/");
            String file = bang > 0 ? s.substring(0, bang) : s;
            out.add(bang > 0 ? file.substring(file.lastIndexOf('/') + 1) : "classes folder");
        }
        return new ArrayList<>(out);
    }
}
