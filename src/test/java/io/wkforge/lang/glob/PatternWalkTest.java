package io.wkforge.lang.glob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.Recipes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a pattern walk matches and what it reports when the file system does not cooperate (issue 14). */
class PatternWalkTest {
    @TempDir
    Path dir;

    private final InjectedFiles files = new InjectedFiles();

    private Expansion expand(String pattern) {
        return expand(pattern, WalkLimits.DEFAULT);
    }

    private Expansion expand(String pattern, WalkLimits limits) {
        return PatternExpander.direct(files, limits).expand(GlobPattern.of(dir, pattern));
    }

    private List<String> names(Expansion e) {
        return e.matches().stream().map(p -> dir.relativize(p).toString()).toList();
    }

    @Test
    void anUnreadableFolderIsSkippedAndNamedWhileEverythingElseStillMatches() {
        Recipes.touch(dir, "v/a.mp4", "v/locked/x.mp4", "v/sub/b.mp4", "v/sub/deep/c.mp4");
        files.denied.add(dir.resolve("v/locked"));
        Expansion e = expand("v/**.mp4");
        assertEquals(List.of("v/a.mp4", "v/sub/b.mp4", "v/sub/deep/c.mp4"), names(e));
        assertEquals(1, e.skippedCount());
        assertEquals(new Expansion.Skipped(dir.resolve("v/locked"), "permission denied"), e.skipped().get(0));
    }

    @Test
    void onlyTheFirstFewUnreadableEntriesAreKeptWithTheirCount() {
        for (int i = 1; i <= 5; i++) {
            Recipes.touch(dir, "v/locked" + i + "/x.mp4");
            files.denied.add(dir.resolve("v/locked" + i));
        }
        Recipes.touch(dir, "v/ok/y.mp4");
        Expansion e = expand("v/**/*.mp4");
        assertEquals(List.of("v/ok/y.mp4"), names(e));
        assertEquals(5, e.skippedCount());
        assertEquals(List.of("locked1", "locked2", "locked3"),
                e.skipped().stream().map(s -> s.path().getFileName().toString()).toList(), "in name order");
    }

    @Test
    void aFolderWithoutPermissionIsSkippedAsTheOperatingSystemRefusesIt() throws Exception {
        Recipes.touch(dir, "v/a.mp4", "v/locked/x.mp4");
        Path locked = dir.resolve("v/locked");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            List<String> seen;
            if (!Files.isReadable(locked)) {
                seen = walkReport(dir);
            } else {
                // root reads any folder (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): walk in a child JVM
                // that runs without those two capabilities, as the operating system then refuses it
                boolean setpriv = Files.isExecutable(Path.of("/usr/bin/setpriv"));
                io.wkforge.Peers.require(io.wkforge.Peers.Peer.SETPRIV, setpriv, "/usr/bin/setpriv");
                seen = walkInChildWithoutFileCapabilities(dir);
            }
            assertEquals(List.of("match v/a.mp4", "skipped locked: permission denied"), seen);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** What a real walk of {@code root}/v/**.mp4 reports, one line per match and per skipped entry. */
    static List<String> walkReport(Path root) {
        Expansion e = PatternExpander.DIRECT.expand(GlobPattern.of(root, "v/**.mp4"));
        List<String> out = new java.util.ArrayList<>();
        for (Path m : e.matches()) out.add("match " + root.relativize(m));
        for (Expansion.Skipped s : e.skipped()) out.add("skipped " + s.path().getFileName() + ": " + s.reason());
        return out;
    }

    /** The child JVM's entry point: prints {@link #walkReport} of the folder it is given. */
    public static void main(String[] args) {
        walkReport(Path.of(args[0])).forEach(System.out::println);
    }

    private static List<String> walkInChildWithoutFileCapabilities(Path root) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of("/usr/bin/setpriv", "--inh-caps=-dac_override,-dac_read_search",
                "--bounding-set=-dac_override,-dac_read_search", javaBin, "-cp", System.getProperty("java.class.path"),
                PatternWalkTest.class.getName(), root.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the child walk finished");
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    @Test
    void filesAndFoldersThatVanishDuringTheWalkAreSimplyGone() {
        Recipes.touch(dir, "v/a.mp4", "v/b.mp4", "v/c.mp4", "v/sub/d.mp4", "v/sub2/e.mp4");
        // right after `v` is listed, delete a file and a folder it listed, as another process might
        files.afterList = folder -> {
            if (folder.equals(dir.resolve("v"))) {
                delete(dir.resolve("v/b.mp4"));
                delete(dir.resolve("v/sub/d.mp4"));
                delete(dir.resolve("v/sub"));
            }
        };
        Expansion e = expand("v/**.mp4");
        assertEquals(List.of("v/a.mp4", "v/c.mp4", "v/sub2/e.mp4"), names(e));
        assertEquals(0, e.skippedCount(), "a file that is gone is not an unreadable one");
    }

    @Test
    void linksAreFollowedToOtherDisksEachFolderOnceAndLoopsEnd() throws IOException {
        Recipes.touch(dir, "v/a.mp4", "disk2/videos/c.mp4", "disk2/videos/more/d.mp4");
        Files.createSymbolicLink(dir.resolve("v/archive"), dir.resolve("disk2/videos"));
        Files.createSymbolicLink(dir.resolve("v/archive-again"), dir.resolve("disk2/videos")); // a second way in
        Files.createSymbolicLink(dir.resolve("v/up"), dir.resolve("v")); // a loop back to an ancestor
        Files.createSymbolicLink(dir.resolve("disk2/videos/more/back"), dir.resolve("disk2")); // a loop through the link
        Files.createSymbolicLink(dir.resolve("v/clip.mp4"), dir.resolve("disk2/videos/c.mp4")); // a link to a file already matched
        Expansion e = expand("v/**.mp4");
        assertEquals(List.of("v/a.mp4", "v/archive/more/d.mp4", "v/clip.mp4"), names(e),
                "each file once, through the first path: a folder's own files before its subfolders");
        assertEquals(0, e.skippedCount());
        assertEquals(List.of("v/archive/c.mp4"), names(expand("v/archive/*.mp4")), "a link as the pattern's own folder");
    }

    @Test
    void aLinkToItselfAndBrokenLinksThatMatterAreReported() throws IOException {
        Recipes.touch(dir, "v/a.mp4");
        Files.createSymbolicLink(dir.resolve("v/self"), dir.resolve("v/self"));
        Files.createSymbolicLink(dir.resolve("v/disk3"), dir.resolve("not-mounted/videos")); // could have been a folder
        Files.createSymbolicLink(dir.resolve("v/gone.mp4"), dir.resolve("not-mounted/gone.mp4")); // would have matched
        Files.createSymbolicLink(dir.resolve("v/notes.txt"), dir.resolve("nowhere.txt")); // neither: nobody's concern
        Expansion e = expand("v/**.mp4");
        assertEquals(List.of("v/a.mp4"), names(e));
        assertEquals(3, e.skippedCount(), () -> e.skipped().toString());
        assertEquals(List.of("disk3: broken link", "gone.mp4: broken link", "self: link loop"),
                e.skipped().stream().map(s -> s.path().getFileName() + ": " + s.reason()).toList());
    }

    @Test
    void aPatternWhoseOwnFolderIsABrokenLinkOrCannotBeReachedSaysSo() throws IOException {
        Files.createDirectories(dir.resolve("v"));
        Files.createSymbolicLink(dir.resolve("v/disk2"), dir.resolve("not-mounted"));
        Expansion broken = expand("v/disk2/clips/*.mp4");
        assertEquals(List.of(new Expansion.Skipped(dir.resolve("v/disk2"), "broken link")), broken.skipped());

        Recipes.touch(dir, "w/locked/clips/a.mp4");
        files.unsearchable.add(dir.resolve("w/locked"));
        Expansion locked = expand("w/locked/clips/*.mp4");
        assertEquals(List.of(new Expansion.Skipped(dir.resolve("w/locked/clips"), "permission denied")), locked.skipped());

        assertEquals(0, expand("x/not/yet/*.mp4").skippedCount(), "a folder that does not exist is no failure");
    }

    @Test
    void aWalkStopsAtTheFolderLimitAndSaysSo() {
        for (int i = 0; i < 30; i++) Recipes.touch(dir, String.format("v/f%02d/x.mp4", i));
        Expansion stopped = expand("v/**/*.mp4", new WalkLimits(5, 10, 3));
        assertTrue(stopped.stoppedAtLimit());
        assertEquals(10, stopped.foldersWalked());
        assertEquals(9, stopped.matches().size(), "v itself, then f00..f08");
        Expansion whole = expand("v/**/*.mp4", new WalkLimits(5, 100, 3));
        assertFalse(whole.stoppedAtLimit());
        assertEquals(31, whole.foldersWalked());
        assertEquals(30, whole.matches().size());
    }

    @Test
    void doubleStarSlashMatchesAnyNumberOfFoldersNoneIncluded() {
        Recipes.touch(dir, "v/a.mp4", "v/x/b.mp4", "v/x/y/c.mp4", "v/x/y/c.txt", "w/cam1/d.mp4", "w/day/cam1/e.mp4");
        assertEquals(List.of("v/a.mp4", "v/x/b.mp4", "v/x/y/c.mp4"), names(expand("v/**/*.mp4")));
        assertEquals(List.of("w/cam1/d.mp4", "w/day/cam1/e.mp4"), names(expand("w/**/cam1/*.mp4")));
        assertEquals(List.of("v/x/y/c.mp4", "v/x/y/c.txt"), names(expand("v/{**/,}y/*")));
    }

    @Test
    void theLastLevelOfAPatternIsNotReadEntryByEntry() {
        for (int i = 0; i < 50; i++) Recipes.touch(dir, "v/frame" + i + ".png");
        Recipes.touch(dir, "v/a.mp4");
        files.reads = 0;
        assertEquals(List.of("v/a.mp4"), names(expand("v/*.mp4")));
        assertTrue(files.reads <= 2, "the folder and the one match, not 51 entries: " + files.reads);
    }

    @Test
    void tildeStartsAtTheHomeFolder() {
        String home = System.getProperty("user.home");
        try {
            System.setProperty("user.home", dir.resolve("home").toString());
            Recipes.touch(dir, "home/videos/a.mp4");
            Expansion e = PatternExpander.direct(files, WalkLimits.DEFAULT).expand(GlobPattern.of(Path.of("/elsewhere"), "~/videos/*.mp4"));
            assertEquals(List.of("home/videos/a.mp4"), names(e));
            assertEquals(dir.resolve("home/videos/a.mp4"), GlobPattern.of(Path.of("/elsewhere"), "~/videos/a.mp4").plainFile());
        } finally {
            System.setProperty("user.home", home);
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
