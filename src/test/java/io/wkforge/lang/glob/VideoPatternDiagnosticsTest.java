package io.wkforge.lang.glob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.Recipes;
import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.check.Checker;
import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the checker words what a video pattern's walk met (W153, W154, W155/E155, W150). */
class VideoPatternDiagnosticsTest {
    @TempDir
    Path dir;

    private final InjectedFiles files = new InjectedFiles();

    private CheckResult check(String firstPattern, boolean strict, WalkLimits limits) throws IOException {
        Path recipe = Recipes.write(dir, "r.recipe", "classes {\n  1 scene tree videos \"" + firstPattern + "\"\n"
                + "  2 other background videos \"bg.mp4\" background\n}\n");
        Recipes.touch(dir, "bg.mp4");
        return Checker.check(SourceFile.read(recipe), new Checker.Options(List.of(), strict, PatternExpander.direct(files, limits)),
                new ImportResolver(null));
    }

    private static Diagnostic one(CheckResult r) {
        assertEquals(1, r.diagnostics().size(), () -> r.diagnostics().toString());
        return r.diagnostics().get(0);
    }

    @Test
    void unreadableEntriesGiveOneWarningPerPatternNamingTheFirstFew() throws IOException {
        Recipes.touch(dir, "v/a.mp4");
        for (String name : List.of("l1", "l2", "l3", "l4", "l5")) {
            Recipes.touch(dir, "v/" + name + "/x.mp4");
            files.denied.add(dir.resolve("v/" + name));
        }
        Diagnostic d = one(check("v/**/*.mp4", true, WalkLimits.DEFAULT));
        assertEquals("W153", d.codeId(), "a warning even for `run`: everything readable matched");
        assertEquals("pattern \"v/**/*.mp4\" of class `tree` skipped 5 entries that cannot be read: v/l1 (permission denied), "
                + "v/l2 (permission denied), v/l3 (permission denied), and 2 more", d.message());
        assertEquals(2, d.line());
        assertEquals(23, d.column());
    }

    @Test
    void whenNothingReadableMatchesW150SaysEntriesCouldNotBeRead() throws IOException {
        Recipes.touch(dir, "v/locked/x.mp4");
        files.denied.add(dir.resolve("v/locked"));
        CheckResult r = check("v/**/*.mp4", true, WalkLimits.DEFAULT);
        assertEquals(List.of("E150", "W153"), Recipes.codes(r));
        assertTrue(r.diagnostics().get(0).help().endsWith("1 entry under it could not be read (W153)"), r.diagnostics().get(1).help());
    }

    @Test
    void largeWalksWarnWithTheCountAndStopAtTheLimit() throws IOException {
        for (int i = 0; i < 12; i++) Recipes.touch(dir, "v/f" + i + "/x.mp4");
        Diagnostic many = one(check("v/**/*.mp4", false, new WalkLimits(10, 100, 3)));
        assertEquals("W154", many.codeId());
        assertEquals("pattern \"v/**/*.mp4\" of class `tree` walks 13 folders", many.message());
        assertTrue(many.help().contains("a walk stops at 100 folders"), many.help());

        Diagnostic stopped = one(check("v/**/*.mp4", false, new WalkLimits(3, 5, 3)));
        assertEquals("W155", stopped.codeId());
        assertEquals("pattern \"v/**/*.mp4\" of class `tree` stopped after walking 5 folders (the limit): "
                + "its 4 matches so far may be incomplete", stopped.message());
        assertEquals("E155", one(check("v/**/*.mp4", true, new WalkLimits(3, 5, 3))).codeId(), "`run` needs every video");
        Diagnostic none = one(check("v/nothing/**/*.mp4", true, new WalkLimits(3, 5, 3)));
        assertEquals("E150", none.codeId(), "a pattern whose folder is missing walks nothing");
    }
}
