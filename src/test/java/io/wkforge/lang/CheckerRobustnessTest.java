package io.wkforge.lang;

import static io.wkforge.lang.Recipes.CLASSES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.DiagnosticCap;
import io.wkforge.lang.diag.DiagnosticPrinter;
import io.wkforge.lang.diag.Diagnostics;
import io.wkforge.lang.format.Renderer;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.syntax.Parser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that once hung or crashed the checker (issue 23), and what they give now. */
class CheckerRobustnessTest {
    @TempDir
    Path dir;

    private static List<Diagnostic> withCode(CheckResult r, String code) {
        return r.diagnostics().stream().filter(d -> d.codeId().equals(code)).toList();
    }

    @Test
    void anImportChainThousandsDeepIsApplied() throws Exception {
        Path recipe = PathologicalRecipes.importChain(dir, 5_000);
        Recipes.touch(dir, "videos/x/a.mp4");
        CheckResult r = Recipes.check(recipe, false);
        assertEquals(List.of(), r.diagnostics().stream().filter(Diagnostic::isError).toList());
        assertEquals(3, r.recipe().setting("train.epochs").asInt(), "the setting at the bottom of the chain");
        assertEquals("c4999.recipe", r.recipe().setting("train.epochs").origin().source().path().getFileName().toString());
    }

    @Test
    void aCycleIsStillNamedAlongItsChain() {
        Recipes.write(dir, "a.recipe", "use \"b\"\n");
        Recipes.write(dir, "b.recipe", "use \"a\"\n");
        CheckResult r = Recipes.check(dir, CLASSES + "use \"a\"\n");
        Diagnostic d = withCode(r, "E141").get(0);
        assertTrue(d.help().contains("a.recipe -> b.recipe -> a.recipe"), d.help());
    }

    /** Two fragments that import each other's importers, ten levels: 2^10 paths to one file. */
    @Test
    void aFileImportedManyTimesIsReportedOnceAndApplicationsAreBounded() {
        Recipes.write(dir, "d0.recipe", "frobnicate { }\ntrain { epochs 4 }\n");
        for (int i = 1; i <= 16; i++) {
            Recipes.write(dir, "d" + i + ".recipe", "use \"d" + (i - 1) + "\"\nuse \"d" + (i - 1) + "\"\n");
        }
        CheckResult r = Recipes.check(dir, CLASSES + "use \"d16\"\n");
        assertEquals(1, withCode(r, "E101").size(), "the imported file's error once, not once per path to it");
        assertEquals(1, withCode(r, "E143").size(), () -> r.diagnostics().toString());
        assertTrue(withCode(r, "E143").get(0).message().contains("10,000 times"), withCode(r, "E143").get(0)::message);
    }

    @Test
    void anImportOfAFileOfErrorsIsCappedWithExactCounts() throws Exception {
        Path recipe = PathologicalRecipes.hugeImport(dir, 200_000);
        CheckResult r = Recipes.check(recipe, false);
        DiagnosticCap.Capped c = r.capped();
        // every line of the imported file is an unknown block: counted from the file itself
        long unknown = java.nio.file.Files.readAllLines(dir.resolve("errors.recipe")).size();
        assertTrue(unknown > 10_000, "the file is all errors");
        assertEquals(unknown, c.errors());
        assertEquals(unknown + 2, c.total(), "its errors and the recipe's own two warnings");
        assertEquals(Diagnostics.KEPT_PER_FILE, withCode(r, "E101").size(), "only the first ones are kept as objects");
        assertEquals(DiagnosticCap.SHOWN + 1, c.shown().size());
        Diagnostic note = c.shown().get(DiagnosticCap.SHOWN);
        assertEquals("N004", note.codeId());
        assertTrue(note.message().contains("more in this file: "), note.message());
        assertTrue(note.message().endsWith(String.format(java.util.Locale.ROOT, "%,d E101", unknown - DiagnosticCap.SHOWN + 2)),
                note.message()); // the recipe's own two warnings (no videos) come first
    }

    @Test
    void manyStarsMatchInAMoment() throws Exception {
        Path recipe = PathologicalRecipes.manyStars(dir, 30, 30);
        CheckResult r = Recipes.check(recipe, false);
        assertEquals(1, withCode(r, "W150").size(), r.diagnostics()::toString);
    }

    @Test
    void aPatternBeyondTheLimitsIsAnErrorAtThePattern() {
        String pattern = "v/" + "*a".repeat(70);
        CheckResult r = Recipes.check(dir, "classes {\n  1 scene tree videos \"" + pattern + "\"\n  2 other background videos \"v/bg.avi\" background\n}\n");
        Diagnostic d = withCode(r, "E157").get(0);
        assertEquals(2, d.line());
        assertTrue(d.message().contains("70 wildcards; at most 64"), d.message());
    }

    @Test
    void aPatternSettingBeyondTheLimitsIsRefusedInAFileAndInASet() {
        Recipes.touch(dir, "v/tree.avi", "v/bg.avi");
        String pattern = "\"" + "*a".repeat(70) + "\"";
        CheckResult inFile = Recipes.check(dir, CLASSES + "clean { exclude " + pattern + " }\n");
        assertEquals(1, withCode(inFile, "E157").size(), inFile.diagnostics()::toString);
        Path recipe = Recipes.write(dir, "r.recipe", CLASSES);
        CheckResult inSet = Recipes.check(recipe, false, "clean.exclude=" + pattern);
        assertEquals(1, withCode(inSet, "E157").size(), inSet.diagnostics()::toString);
    }

    @Test
    void aMissingFolderSuggestsTheNearMiss() {
        Recipes.touch(dir, "videos/fractal/a.mp4", "v/bg.avi");
        CheckResult r = Recipes.check(dir, "classes {\n  1 scene tree videos \"videos/fractals/*.mp4\"\n  2 other background videos \"v/bg.avi\" background\n}\n");
        Diagnostic d = withCode(r, "W150").get(0);
        assertTrue(d.help().contains("did you mean \"videos/fractal/*.mp4\"?"), d.help());
    }

    @Test
    void anUnknownImportListsTheStdlibFragments() {
        Recipes.touch(dir, "v/tree.avi", "v/bg.avi");
        Diagnostic d = withCode(Recipes.check(dir, CLASSES + "use \"targets/taurus\"\n"), "E140").get(0);
        assertTrue(d.help().contains("targets/hi3516dv300") && d.help().contains("presets/seed-training"), d.help());
        assertTrue(d.help().contains("looked in: "), d.help());
        Diagnostic close = withCode(Recipes.check(dir, CLASSES + "use \"targets/hi3516dv30\"\n"), "E140").get(0);
        assertTrue(close.help().startsWith("did you mean `targets/hi3516dv300`?"), close.help());
    }

    @Test
    void aSecondEntryInASetIsJudgedAsInAFile() {
        Recipes.touch(dir, "v/tree.avi", "v/bg.avi");
        Path recipe = Recipes.write(dir, "r.recipe", CLASSES);
        CheckResult r = Recipes.check(recipe, false, "frames.fps=1; fps 2");
        assertEquals(1, withCode(r, "E107").size(), r.diagnostics()::toString);
        assertEquals(1, r.recipe().setting("frames.fps").asInt(), "the --set's own value, not what followed the `;`");
        CheckResult other = Recipes.check(recipe, false, "frames.fps=1; quality 3");
        assertEquals(1, withCode(other, "E132").size(), other.diagnostics()::toString);
        assertEquals(1, other.recipe().setting("frames.fps").asInt());
    }

    @Test
    void renderOfAFragmentIsAValidFragment() {
        CheckResult r = Recipes.check(dir, "train { epochs 3 }\n");
        assertTrue(r.fragment());
        String rendered = Renderer.render(r.recipe());
        assertTrue(!rendered.contains("classes {"), rendered);
        CheckResult again = Recipes.check(dir, rendered);
        assertEquals(List.of(), withCode(again, "E116"));
    }

    @Test
    void aMillionDigitsAreHeldAsBeyondEveryRange() {
        var r = Parser.parse(SourceFile.of("n", "train { epochs " + "9".repeat(1_000_000) + "; lr 0." + "0".repeat(1_000_000) + "1 }\n"));
        assertTrue(r.ok(), r.syntaxErrors()::toString);
        CheckResult c = Recipes.check(dir, CLASSES + "train { epochs " + "9".repeat(1_000_000) + " }\n");
        assertEquals(1, withCode(c, "E105").size(), c.diagnostics()::toString);
    }

    @Test
    void aLongDecimalComparesAsWritten() {
        // past a bound by a digit far beyond the digits kept: still past it
        assertTrue(decimal("0.5" + "0".repeat(2_000) + "1").compareTo(new BigDecimal("0.5")) > 0);
        assertEquals(0, decimal("0.5" + "0".repeat(2_000)).compareTo(new BigDecimal("0.5")));
        assertEquals(0, decimal("1" + "0".repeat(1_500) + ".0e-1500").compareTo(BigDecimal.ONE));
        assertEquals(0, decimal("-" + "0".repeat(3_000) + "2.5").compareTo(new BigDecimal("-2.5")));
        assertTrue(decimal("9".repeat(20_000) + ".5").compareTo(new BigDecimal("1e10000")) > 0);
    }

    private static BigDecimal decimal(String text) {
        var r = Parser.parse(SourceFile.of("n", "train { lr " + text + " }\n"));
        assertTrue(r.ok(), r.syntaxErrors()::toString);
        return ((io.wkforge.lang.syntax.Value.DecimalLit) r.blocks().get(0).entries().get(0).values().get(0)).value();
    }

    /** 60,000 findings on one line of 650 KB: each is printed from a window of the line, not the line. */
    @Test
    void manyFindingsOnOneLongLinePrintTheirWindow() {
        StringBuilder sb = new StringBuilder("train { ");
        for (int i = 0; i < 60_000; i++) sb.append("zz").append(i).append(" 1; ");
        CheckResult r = Recipes.check(dir, CLASSES + sb + "}\n");
        List<Diagnostic> unknown = withCode(r, "E102");
        assertEquals(60_000, r.capped().errors(), "every one is counted");
        assertTrue(unknown.size() > DiagnosticCap.SHOWN && unknown.size() <= Diagnostics.KEPT_PER_FILE, "the first ones are kept: " + unknown.size());
        int longest = 0;
        for (Diagnostic d : unknown) {
            for (String line : DiagnosticPrinter.render(d).split("\n")) longest = Math.max(longest, line.length());
        }
        assertTrue(longest < 400, "a printed line of " + longest);
    }
}
