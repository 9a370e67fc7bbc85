package io.wkforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.Recipes;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `./wkforge` launcher's class-data archive (target/wkforge.jsa), on a copy of the launcher
 * beside a jar this test builds from the compiled classes (the real jar is packaged after the
 * tests): the first command records the archive, later ones map it, a corrupt archive neither
 * breaks a command nor adds a word to its output, and a new jar gets a new archive.
 */
class LauncherTest {
    @TempDir
    Path root;

    Path jar;
    Path archive;
    String out;
    String err;

    @BeforeEach
    void launcherBesideAJar() throws IOException {
        Path repo = Recipes.repoRoot();
        Files.copy(repo.resolve("wkforge"), root.resolve("wkforge"));
        root.resolve("wkforge").toFile().setExecutable(true);
        List<Path> stdlib = new ArrayList<>();
        try (Stream<Path> files = Files.walk(repo.resolve("stdlib"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                stdlib.add(Files.copy(f, root.resolve(repo.relativize(f).toString())));
            }
        }
        // older than any jar below: a source newer than the jar would make the launcher rebuild
        for (Path f : stdlib) Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - 86_400_000L));
        Path target = Files.createDirectories(root.resolve("target"));
        List<String> classPath = new ArrayList<>(); // the test's libraries where they are, relative to the jar
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                classPath.add(target.relativize(p).toString().replace(File.separatorChar, '/'));
            }
        }
        jar = target.resolve("wkforge.jar");
        archive = root.resolve("target/wkforge.jsa");
        writeJar(String.join(" ", classPath));
    }

    /** The compiled main classes as target/wkforge.jar, with the Class-Path the real jar has. */
    private void writeJar(String classPath) throws IOException {
        Path classes;
        try {
            classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os, m);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
    }

    private int launch(String... args) throws Exception {
        return launch(List.of(), args);
    }

    private int launch(List<String> javaOpts, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("wkforge").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        pb.environment().remove("WKFORGE_LIBTORCH");
        pb.environment().remove("WKFORGE_CLASS_CACHE");
        if (javaOpts.isEmpty()) pb.environment().remove("WKFORGE_JAVA_OPTS");
        else pb.environment().put("WKFORGE_JAVA_OPTS", String.join(" ", javaOpts));
        Path o = Files.createTempFile(root, "out", ".txt");
        Path e = Files.createTempFile(root, "err", ".txt");
        Process p = pb.redirectOutput(o.toFile()).redirectError(e.toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the launcher finishes");
        out = Files.readString(o);
        err = Files.readString(e);
        Files.delete(o);
        Files.delete(e);
        return p.exitValue();
    }

    /** Where the JVM took io.wkforge.cli.Main and picocli.CommandLine from, by -Xlog:class+load. */
    private List<String> sources(String... args) throws Exception {
        Path log = root.resolve("classes.log");
        assertEquals(0, launch(List.of("-Xlog:class+load=info:file=" + log + "::filecount=0"), args), err);
        List<String> found = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.contains(" io.wkforge.cli.Main ") || line.contains(" picocli.CommandLine ")) found.add(line);
        }
        return found;
    }

    private String version() {
        return "wkforge " + Version.current() + "\n";
    }

    @Test
    void recordsTheArchiveOnceAndMapsItThen() throws Exception {
        assertFalse(Files.exists(archive));
        assertEquals(0, launch("--version"));
        assertEquals(version(), out);
        assertEquals("", err, "recording is silent when stderr is not a terminal");
        assertTrue(Files.size(archive) > 0, "the first command records the archive");
        try (Stream<Path> left = Files.list(root.resolve("target"))) {
            assertEquals(List.of("wkforge.jar", "wkforge.jsa"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
        FileTime recorded = Files.getLastModifiedTime(archive);

        Path recipe = Recipes.write(root, "r.recipe", Recipes.CLASSES);
        Recipes.touch(root, "v/tree.avi", "v/bg.avi");
        List<String> loaded = sources("check", recipe.toString());
        assertEquals(2, loaded.size(), loaded.toString());
        // picocli is compiled for Java 5: only a static archive holds it (a dynamic one skips it)
        assertTrue(loaded.stream().allMatch(l -> l.contains("source: shared objects file")), loaded.toString());
        assertEquals(recorded, Files.getLastModifiedTime(archive), "an up-to-date archive is not recorded again");
    }

    @Test
    void aCorruptArchiveNeitherBreaksACommandNorShowsInItsOutput() throws Exception {
        assertEquals(0, launch("--version"));
        byte[] garbage = "not a class-data archive".repeat(1000).getBytes(StandardCharsets.UTF_8);
        for (byte[] content : List.of(garbage, new byte[0], java.util.Arrays.copyOf(Files.readAllBytes(archive), 4096))) {
            archive.toFile().setWritable(true);
            Files.write(archive, content);
            // still newer than the jar, so the launcher hands it to the JVM as it is
            Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
            assertEquals(0, launch("--version"), err);
            assertEquals(version(), out);
            assertEquals("", err);
            Path recipe = Recipes.write(root, "r.recipe", Recipes.CLASSES);
            Recipes.touch(root, "v/tree.avi", "v/bg.avi");
            assertEquals(0, launch("check", recipe.toString()), err);
            assertTrue(out.contains("ok"), out);
            assertFalse(err.contains("cds") || err.contains("CDS") || err.contains("shared"), err);
        }
    }

    @Test
    void aNewJarGetsANewArchive() throws Exception {
        assertEquals(0, launch("--version"));
        // a rebuilt jar (same content, a new time, which the JVM would refuse the old archive for):
        // both moved into the past, the jar newer than the archive
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(archive, FileTime.fromMillis(now - 120_000));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(now - 60_000));
        assertEquals(0, launch("--version"));
        assertEquals(version(), out);
        assertEquals("", err);
        assertTrue(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0,
                "recorded again for the new jar");
        List<String> loaded = sources("--version");
        assertEquals(1, loaded.size(), loaded.toString());
        assertTrue(loaded.get(0).contains("source: shared objects file"), "the new archive is mapped: " + loaded);
    }
}
