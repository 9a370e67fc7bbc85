package io.wkforge.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.DiagnosticCap;
import io.wkforge.lang.diag.Diagnostics;
import io.wkforge.lang.diag.Severity;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector of a check keeps per file only the first findings and counts the rest (issue 23):
 * what a report shows and every count in it must be exactly what keeping every finding gives,
 * while a file of errors builds only a bounded number of findings.
 */
class DiagnosticsTest {
    private static final SourceFile ROOT = SourceFile.of("root.recipe", "x\n".repeat(5_000));
    private static final SourceFile A = SourceFile.of("a.recipe", "x\n".repeat(5_000));
    private static final SourceFile B = SourceFile.of("b.recipe", "x\n".repeat(5_000));
    private static final SourceFile C = SourceFile.of("c.recipe", "x\n".repeat(5_000));
    private static final SourceFile D = SourceFile.of("d.recipe", "x\n".repeat(5_000));
    private static final Code[] CODES = {Code.UNKNOWN_BLOCK, Code.UNKNOWN_SETTING, Code.DUPLICATE_SETTING, Code.GLOB_MATCHES_NOTHING, Code.WRONG_TYPE};

    @Test
    void pastTheCapFindingsAreCountedByCodeWithoutBeingBuilt() {
        Diagnostics diags = Diagnostics.forCheck(30);
        AtomicInteger built = new AtomicInteger();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            Span at = new Span(i, i + 1);
            Code code = i % 3 == 0 ? Code.UNKNOWN_SETTING : Code.UNKNOWN_BLOCK;
            diags.report(code, code.defaultSeverity(), A, at, () -> {
                built.incrementAndGet();
                return Diagnostic.of(code, A, at, "finding");
            });
        }
        assertEquals(30, built.get(), "only the kept findings are built");
        assertEquals(30, diags.sorted().size());
        Diagnostics.Unlisted rest = diags.unlisted().get("a.recipe");
        assertEquals(n - 30, rest.count());
        assertEquals(n - 30, rest.errors());
        assertEquals(n / 3 + 1 - 10, rest.byCode().get("E102"), rest.byCode()::toString); // i = 0, 3, ... 99,999; 10 of them kept
        assertEquals(n - 30 - rest.byCode().get("E102"), rest.byCode().get("E101"));
        assertEquals(n, diags.errorCount());
        DiagnosticCap.Capped c = DiagnosticCap.apply(diags.sorted(), diags.unlisted(), null);
        assertEquals(n, c.total());
        assertEquals(n, c.errors());
        assertEquals(DiagnosticCap.SHOWN + 1, c.shown().size());
        assertEquals("and 99,980 more in this file: 66,653 E101, 33,327 E102", c.shown().get(DiagnosticCap.SHOWN).message());
    }

    /** In any order of reporting, a file keeps the findings that come first in the file. */
    @Test
    void whatIsShownAndCountedIsWhatKeepingEverythingGives() {
        Random random = new Random(23);
        for (int round = 0; round < 200; round++) {
            List<Diagnostic> findings = new ArrayList<>();
            SourceFile[] files = {ROOT, A, B, C, D, null};
            int count = random.nextInt(round % 4 == 0 ? 2_000 : 120);
            for (int i = 0; i < count; i++) {
                SourceFile f = files[random.nextInt(files.length)];
                int start = f == null ? 0 : random.nextInt(random.nextBoolean() ? 40 : 4_000); // many ties of place
                Code code = CODES[random.nextInt(CODES.length)];
                Diagnostic d = Diagnostic.of(code, f, f == null ? Span.NONE : new Span(start, start + 1), "finding " + i);
                if (random.nextInt(10) == 0) d = d.withSeverity(Severity.NOTE);
                findings.add(d);
            }
            Collections.shuffle(findings, random);
            Diagnostics everything = new Diagnostics();
            int kept = DiagnosticCap.SHOWN + 1 + random.nextInt(40);
            Diagnostics capped = Diagnostics.forCheck(kept);
            for (Diagnostic d : findings) {
                everything.add(d);
                capped.report(d.code(), d.severity(), d.source(), d.span(), () -> d);
            }
            DiagnosticCap.Capped want = DiagnosticCap.apply(everything.sorted(), ROOT);
            DiagnosticCap.Capped got = DiagnosticCap.apply(capped.sorted(), capped.unlisted(), ROOT);
            String where = "round " + round + ", " + count + " findings, " + kept + " kept per file";
            assertEquals(want.shown().stream().map(Diagnostic::toString).toList(), got.shown().stream().map(Diagnostic::toString).toList(), where);
            assertEquals(want.total(), got.total(), where);
            assertEquals(want.errors(), got.errors(), where);
            assertEquals(want.warnings(), got.warnings(), where);
            assertEquals(want.countsByFile().keySet(), got.countsByFile().keySet(), where);
            want.countsByFile().forEach((file, n) -> assertEquals(List.of(n[0], n[1], n[2]),
                    List.of(got.countsByFile().get(file)[0], got.countsByFile().get(file)[1], got.countsByFile().get(file)[2]), where + ", " + file));
            assertTrue(capped.sorted().size() <= 6 * kept, where);
        }
    }

    @Test
    void aFindingAtThePlaceOfASyntaxErrorIsDroppedNotCounted() {
        Diagnostics diags = Diagnostics.forCheck();
        Span repaired = new Span(10, 12);
        diags.add(Diagnostic.of(Code.MALFORMED_NUMBER, A, repaired, "`1.` is not a number"));
        diags.report(Code.WRONG_TYPE, Severity.ERROR, A, repaired, () -> { throw new AssertionError("an echo is never built"); });
        diags.add(Diagnostic.of(Code.WRONG_TYPE, B, repaired, "the same place in another file is no echo"));
        assertEquals(List.of("E005", "E103"), diags.sorted().stream().map(Diagnostic::codeId).toList());
        assertEquals(3, diags.errorCount(), "a step can still tell that it found something");
    }

    /** End to end: the checker on a file of 30,000 unknown blocks. */
    @Test
    void aCheckKeepsAFewFindingsOfAFileOfErrorsAndCountsTheRest(@TempDir Path dir) throws Exception {
        Path recipe = PathologicalRecipes.hugeImport(dir, 600_000);
        long lines = Files.readAllLines(dir.resolve("errors.recipe")).size();
        CheckResult r = Recipes.check(recipe, false);
        assertTrue(r.diagnostics().size() <= Diagnostics.KEPT_PER_FILE + 2, () -> r.diagnostics().size() + " kept");
        assertEquals(lines, r.diagnostics().stream().filter(Diagnostic::isError).count() + r.unlisted().values().stream()
                .mapToLong(Diagnostics.Unlisted::errors).sum());
        DiagnosticCap.Capped c = r.capped();
        assertEquals(lines, c.errors());
        assertTrue(r.hasErrors());
        assertEquals(String.format(java.util.Locale.ROOT, "and %,d more in this file: %,d E101", lines - 18, lines - 18),
                c.shown().get(DiagnosticCap.SHOWN).message()); // the recipe's two warnings, then 18 of the file's errors
    }
}
