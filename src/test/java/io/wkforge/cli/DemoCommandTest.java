package io.wkforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.demo.DemoRecipe;
import io.wkforge.lang.Recipes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `wkforge demo`'s promises that need no videos: it never overwrites someone's files, and its recipe is canonical. */
class DemoCommandTest extends InProcessCli {
    @TempDir Path dir;

    @Test
    void aFolderHoldingOtherFilesIsRefused() throws Exception {
        Files.writeString(dir.resolve("thesis.tex"), "mine");
        assertEquals(2, run("demo", dir.toString(), "--no-run"));
        assertTrue(err.contains(dir + " already holds other files; give the demo a new or empty folder"), err);
        assertEquals(2, run("demo", dir.resolve("thesis.tex").toString()));
        assertTrue(err.contains("is a file, not a folder"), err);
        assertEquals("mine", Files.readString(dir.resolve("thesis.tex")));
    }

    @Test
    void theDemoRecipeIsInTheCanonicalLayout() throws Exception {
        System.setProperty("wkforge.stdlib", Recipes.repoRoot().resolve("stdlib").toString());
        Path recipe = Files.writeString(dir.resolve(DemoRecipe.FILE_NAME), DemoRecipe.text());
        assertEquals(0, run("fmt", "--check", recipe.toString()), out + err);
        assertEquals(0, run("check", recipe.toString()), err); // its video folders are empty: warnings, no error
    }
}
