package io.wkforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.Recipes;
import io.wkforge.stages.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `wkforge run` as separate processes, as users start them: two runs on one build folder, Ctrl-C
 * (a real SIGINT), and two builds of the same recipe from scratch compared byte by byte.
 */
class RunProcessTest {
    @TempDir
    static Path dir;
    static Path video;

    @BeforeAll
    static void video() throws IOException {
        video = TestVideos.write(dir.resolve("source.mp4"), 240, 30);
    }

    /** A recipe with {@code videos} copies of the source video (8 s, 80 frames kept: some work per task). */
    private static Path project(String name, int videos) throws IOException {
        Path p = Files.createDirectories(dir.resolve(name));
        Files.createDirectories(p.resolve("v"));
        for (int i = 0; i < videos; i++) Files.copy(video, p.resolve("v/clip" + i + ".mp4"));
        Files.copy(video, p.resolve("v/bg.mp4"));
        return Recipes.write(p, "r.recipe", """
                classes {
                  1 scene a videos "v/clip*.mp4"
                  2 other background videos "v/bg.mp4" background
                }
                frames { fps 10 }
                """);
    }

    /** Through the shell's own kill (POSIX sh has it built in; a minimal Debian has no /bin/kill). */
    private static void signal(Process p, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("sh", "-c", "kill -" + signal + " " + p.pid()).start().waitFor());
    }

    private static Process start(Path recipe, String log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/perl"))) {
            // as a terminal's foreground job: Ctrl-C delivered, even when this test runs in a background job that ignores it
            cmd.addAll(List.of("/usr/bin/perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dwkforge.stdlib=" + Recipes.repoRoot().resolve("stdlib"),
                "io.wkforge.cli.Main", "run", recipe.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectOutput(recipe.resolveSibling(log + ".out").toFile())
                .redirectError(recipe.resolveSibling(log + ".err").toFile())
                .start();
    }

    private static String read(Path recipe, String file) throws IOException {
        Path f = recipe.resolveSibling(file);
        return Files.exists(f) ? Files.readString(f) : "";
    }

    private static void awaitText(Process p, Path recipe, String file, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!read(recipe, file).contains(text)) {
            if (!p.isAlive()) throw new AssertionError("exited " + p.exitValue() + " before printing `" + text + "`:\n"
                    + read(recipe, file) + read(recipe, file.replace(".out", ".err")));
            if (System.nanoTime() > deadline) throw new AssertionError("no `" + text + "` in " + file);
            Thread.sleep(20);
        }
    }

    private static int exit(Process p) throws InterruptedException {
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the run did not end");
        }
        return p.exitValue();
    }

    @Test
    void aSecondRunOnTheSameFolderExitsTwoNamingTheHolderOrWaitsForIt() throws Exception {
        Path recipe = project("concurrent", 2);
        Process first = start(recipe, "first", "--until", "frames", "--threads", "1");
        try {
            awaitText(first, recipe, "first.out", "==> frames");
            signal(first, "STOP"); // frozen while it holds the folder: no race with the runs below
            Process second = start(recipe, "second", "--until", "frames");
            assertEquals(2, exit(second), read(recipe, "second.err"));
            String err = read(recipe, "second.err");
            assertTrue(err.contains("is in use by another wkforge run (pid " + first.pid()) && err.contains("--until frames --threads 1"), err);
            assertTrue(err.contains("--wait"), err);

            Process waiting = start(recipe, "waiting", "--until", "frames", "--wait");
            awaitText(waiting, recipe, "waiting.err", "waiting for the run that is using this build folder (pid " + first.pid());
            signal(first, "CONT");
            assertEquals(0, exit(first), read(recipe, "first.err"));
            assertEquals(0, exit(waiting), read(recipe, "waiting.err"));
            assertTrue(read(recipe, "waiting.out").contains("ok: 0 tasks ran, 3 cached"), "it saw what the first run committed: "
                    + read(recipe, "waiting.out"));
        } finally {
            first.destroyForcibly();
        }
    }

    @Test
    void ctrlCStopsStartingTasksKeepsWhatCommittedAndRecordsTheRunAsInterrupted() throws Exception {
        Path recipe = project("interrupted", 6);
        Process run = start(recipe, "run", "--until", "frames", "--threads", "1");
        try {
            awaitText(run, recipe, "run.out", "    done ");
            signal(run, "INT");
            assertEquals(130, exit(run), read(recipe, "run.out") + read(recipe, "run.err"));
        } finally {
            run.destroyForcibly();
        }
        assertTrue(read(recipe, "run.err").contains("interrupted"), read(recipe, "run.err"));
        Path out = recipe.resolveSibling("build/r");
        Path record;
        try (Stream<Path> s = Files.walk(out.resolve(".wkforge/runs"))) {
            record = s.filter(f -> f.endsWith("run.yaml")).findFirst().orElseThrow();
        }
        assertTrue(Files.readString(record).contains("status: interrupted"), Files.readString(record));
        int committed;
        try (Stream<Path> s = Files.walk(out.resolve(".wkforge/stamps"))) {
            committed = (int) s.filter(f -> f.toString().endsWith(".json")).count();
        }
        assertTrue(committed >= 1 && committed < 7, "no task started after Ctrl-C: " + committed + " of 7 committed");

        Process again = start(recipe, "again", "--until", "frames");
        assertEquals(0, exit(again), read(recipe, "again.err"));
        assertTrue(read(recipe, "again.out").contains("ok: " + (7 - committed) + " task" + (7 - committed == 1 ? "" : "s")
                + " ran, " + committed + " cached"), read(recipe, "again.out"));
    }

    @Test
    void buildingTheSameRecipeTwiceFromScratchGivesTheSameBytes() throws Exception {
        Path p = Files.createDirectories(dir.resolve("twice"));
        Files.createDirectories(p.resolve("v"));
        TestVideos.write(p.resolve("v/red_a.mp4"), 90, 30, i -> io.wkforge.stages.FrameCode.paint(Math.min(i, 40)));
        TestVideos.write(p.resolve("v/red_b.mp4"), 60, 30, i -> io.wkforge.stages.FrameCode.paint(i + 7));
        TestVideos.write(p.resolve("v/red_c.mp4"), 60, 30, i -> io.wkforge.stages.FrameCode.paint(i + 20));
        Files.copy(video, p.resolve("v/bg.mp4"));
        Path recipe = Recipes.write(p, "r.recipe", """
                classes {
                  1 scene red videos "v/red_*.mp4"
                  2 other background videos "v/bg.mp4" background
                }
                frames { fps 2 }
                clean { duplicates 0.97; exclude "01_scene_red_red_c_000001.png" }
                split { val 30%; by video; seed 3 }
                """);
        // separate processes: hash-order effects (Map.of, HashMap of strings) differ between JVMs, not within one
        assertEquals(0, exit(start(recipe, "a", "--until", "split", "--out", p.resolve("a").toString())), read(recipe, "a.err"));
        assertEquals(0, exit(start(recipe, "b", "--until", "split", "--out", p.resolve("b").toString())), read(recipe, "b.err"));
        Map<String, String> a = contents(p.resolve("a"));
        Map<String, String> b = contents(p.resolve("b"));
        assertTrue(a.keySet().containsAll(List.of("clean/kept.txt", "clean/report.json", "clean/report.html",
                "dataset/summary.json", "dataset/meta/train.txt", "dataset/classes.txt")), a.keySet()::toString);
        assertTrue(a.keySet().stream().anyMatch(k -> k.startsWith("clean/thumbs/")), "the contact sheet's thumbnails are compared too");
        assertEquals(a, b);
    }

    /** Relative path -> SHA-256 of every file outside .wkforge/ (state and run records aside). */
    private static Map<String, String> contents(Path out) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith(".wkforge/")) continue;
                m.put(rel, HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        assertFalse(m.isEmpty());
        return m;
    }
}
