package io.wkforge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a run came from, as its record says: overrides as typed, the recipe's hash, the git state. */
class RunFactsTest {
    @TempDir Path dir;

    @Test
    void overridesAreTheSetValuesAsTyped() {
        assertEquals(List.of("train.epochs=12", "split.val=20%"),
                RunFacts.overrides(List.of("run", "x.recipe", "--set", "train.epochs=12", "--until", "train", "--set=split.val=20%")));
        assertEquals(List.of(), RunFacts.overrides(List.of("run", "x.recipe", "--set")));
    }

    @Test
    void theGitCommitAndWhetherTrackedFilesChanged() throws Exception {
        Assumptions.assumeTrue(git(dir, "init", "-q") == 0, "git is not installed");
        Path recipe = Files.writeString(dir.resolve("r.recipe"), "classes {}\n");
        git(dir, "add", "r.recipe");
        assertEquals(0, git(dir, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first"));
        Map<String, Object> clean = RunFacts.git(dir).get(10, TimeUnit.SECONDS);
        assertEquals(40, String.valueOf(clean.get("commit")).length(), clean.toString());
        assertEquals(false, clean.get("dirty"));
        Files.writeString(dir.resolve("untracked.txt"), "not part of the tree");
        assertEquals(false, RunFacts.git(dir).get(10, TimeUnit.SECONDS).get("dirty"), "untracked files do not count");
        Files.writeString(recipe, "classes { }\n");
        assertEquals(true, RunFacts.git(dir).get(10, TimeUnit.SECONDS).get("dirty"), "an edited recipe does");
        assertEquals(64, RunFacts.sha256(recipe).length());
    }

    @Test
    void outsideARepositoryThereIsNoCommit() throws Exception {
        Map<String, Object> none = RunFacts.git(dir).get(10, TimeUnit.SECONDS);
        assertNull(none.get("commit"));
        assertTrue(!none.containsKey("dirty"));
        assertNull(RunFacts.sha256(dir.resolve("missing.recipe")));
    }

    private static int git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
