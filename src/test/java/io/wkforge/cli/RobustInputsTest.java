package io.wkforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.caffe.Nets;
import io.wkforge.lang.PathologicalRecipes;
import io.wkforge.lang.Recipes;
import io.wkforge.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands given inputs that once hung them, flooded the terminal or ended in a stack trace (issue 23). */
class RobustInputsTest extends InProcessCli {
    @TempDir Path dir;

    @Test
    void severalRecipesImportingOneBrokenFileReportItOnceWithTheTotal() throws Exception {
        Path first = PathologicalRecipes.hugeImport(dir, 100_000);
        Path second = Files.copy(first, dir.resolve("second.recipe"));
        Path third = Files.copy(first, dir.resolve("third.recipe"));
        assertEquals(2, run("check", "--json", first.toString(), second.toString(), third.toString()));
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) Json.read(out);
        List<?> shown = (List<?>) report.get("diagnostics");
        long unknownBlocks = Files.readAllLines(dir.resolve("errors.recipe")).size();
        assertEquals(unknownBlocks, ((Number) report.get("error_count")).longValue(), "each error of the import counted once");
        assertTrue(((Number) report.get("total_count")).longValue() >= unknownBlocks);
        assertTrue(shown.size() < 40, "shown: " + shown.size());
        assertEquals(1, shown.stream().filter(d -> ((Map<?, ?>) d).get("code").equals("N004")).count(), out);

        assertEquals(2, run("check", first.toString(), second.toString()));
        assertTrue(err.lines().count() < 150, "a screenful, not " + err.lines().count() + " lines");
        assertTrue(err.contains("more in this file: "), err);
        assertTrue(err.contains(String.format(java.util.Locale.ROOT, "%d errors", unknownBlocks)), err);
    }

    @Test
    void anEndlessFileIsRefusedWithAMessage() throws Exception {
        Path zero = Path.of("/dev/zero");
        if (!Files.exists(zero)) return; // not a Unix system: nothing endless to give
        assertEquals(2, run("check", zero.toString()));
        assertTrue(err.contains("larger than 32 MiB"), err);
        for (String command : List.of("fmt", "render", "plan", "lint-caffe")) {
            assertEquals(2, run(command, zero.toString()), command);
            assertTrue(err.contains("larger than 32 MiB"), command + ": " + err);
        }
    }

    @Test
    void renderAndPlanOfADeepImportChainAnswer() throws Exception {
        Path recipe = PathologicalRecipes.importChain(dir, 4_000);
        Recipes.touch(dir, "videos/x/a.mp4", "videos/x/b.mp4");
        assertEquals(0, run("render", recipe.toString()), err);
        assertTrue(out.contains("epochs 3"), out);
        assertEquals(0, run("plan", recipe.toString(), "--out", dir.resolve("build").toString()), err);
    }

    @Test
    void lintCaffeGoesOnAfterAnUnreadableFile() throws Exception {
        Path ok = Files.writeString(dir.resolve("ok.prototxt"), Nets.SMALL);
        assertEquals(2, run("lint-caffe", dir.resolve("missing.prototxt").toString(), ok.toString()));
        assertTrue(err.contains("missing.prototxt: error[E151]: no such file"), err);
        assertTrue(out.contains("ok.prototxt") || !err.contains("ok.prototxt:"), "the readable file was linted: " + out + err);
        assertEquals(2, run("lint-caffe", "--json", dir.resolve("missing.prototxt").toString(), ok.toString()));
        assertTrue(out.contains("\"filename\": \"" + ok + "\""), out);
    }

    @Test
    void aSetWithASemicolonIsRefusedAsAFileWouldBe() throws Exception {
        Recipes.touch(dir, "v/tree.avi", "v/bg.avi");
        Path recipe = Recipes.write(dir, "r.recipe", Recipes.CLASSES);
        assertEquals(2, run("check", recipe.toString(), "--set", "frames.fps=1; fps 2"));
        assertTrue(err.contains("error[E107]: `fps` is set twice in --set frames.fps"), err);
    }

    @Test
    void renderOfAFragmentPrintsNoClassTable() throws Exception {
        Path fragment = Recipes.write(dir, "f.recipe", "train { epochs 3 }\n");
        assertEquals(0, run("render", fragment.toString()), err);
        assertFalse(out.contains("classes {"), out);
        Path rendered = Files.writeString(dir.resolve("rendered.recipe"), out);
        run("check", rendered.toString());
        assertFalse(err.contains("E116"), err);
    }

    @Test
    void docsWriteToAFullDiskSaysSo() throws Exception {
        Path full = Path.of("/dev/full");
        if (!Files.exists(full)) return; // Linux only
        assertEquals(2, run("docs", "--write", full.toString()));
        assertTrue(err.contains("wkforge: error: /dev/full: cannot write: No space left on device"), err);
    }
}
