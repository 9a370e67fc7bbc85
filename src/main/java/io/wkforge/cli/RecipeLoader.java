package io.wkforge.cli;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.check.Checker;
import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lang.check.Override;
import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.DiagnosticCap;
import io.wkforge.lang.diag.DiagnosticJson;
import io.wkforge.lang.diag.DiagnosticPrinter;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.util.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading, checking and reporting recipes: shared by every command that takes a recipe. */
final class RecipeLoader {
    private RecipeLoader() {}

    /** A recipe (or prototxt) file that cannot be read: a usage error, and in a batch one file's problem only. */
    static final class UnreadableRecipe extends UserError {
        final Path file;
        final String reason;

        UnreadableRecipe(Path file, String reason) {
            super(file + ": " + reason);
            this.file = file;
            this.reason = reason;
        }

        Diagnostic diagnostic() {
            return Diagnostic.ofFile(Code.FILE_UNREADABLE, file.toString(), file, reason);
        }
    }

    static SourceFile read(Path file) {
        if (!Files.exists(file)) throw new UnreadableRecipe(file, "no such file");
        if (Files.isDirectory(file)) throw new UnreadableRecipe(file, "is a folder, not a recipe file");
        try {
            return SourceFile.read(file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UnreadableRecipe(file, "not UTF-8 text");
        } catch (SourceFile.TooLarge e) {
            throw new UnreadableRecipe(file, e.getMessage());
        } catch (IOException e) {
            throw new UnreadableRecipe(file, "cannot read: " + e.getMessage());
        }
    }

    static List<Override> overrides(List<String> sets) {
        List<Override> out = new ArrayList<>();
        if (sets == null) return out;
        for (String s : sets) {
            Override o = Override.parse(s);
            if (o == null) throw new UserError("--set expects NAME=VALUE, found `" + s + "`");
            out.add(o);
        }
        return out;
    }

    static CheckResult check(Path file, List<String> sets, boolean strictInputs) {
        return Checker.check(read(file), new Checker.Options(overrides(sets), strictInputs), ImportResolver.standard());
    }

    static void print(List<Diagnostic> diagnostics, PrintWriter err) {
        for (Diagnostic d : diagnostics) err.print(DiagnosticPrinter.render(d));
    }

    static void printJson(List<Diagnostic> diagnostics, PrintWriter out) {
        out.println(Json.write(DiagnosticJson.report(diagnostics)));
    }

    /** Beyond this many warnings of one code, commands other than `check` summarise the rest. */
    private static final int WARNINGS_SHOWN_PER_CODE = 3;

    /**
     * Prints findings for commands whose job is not checking (render, plan, run): every error, but
     * only the first few warnings of each code, so 21 empty video folders do not bury the plan.
     * Returns true when the recipe may be used (no errors).
     */
    static boolean report(CheckResult result, PrintWriter err) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        java.util.Map<String, Integer> hidden = new java.util.TreeMap<>();
        DiagnosticCap.Capped capped = result.capped();
        for (Diagnostic d : capped.shown()) {
            int n = seen.merge(d.codeId(), 1, Integer::sum);
            if (!d.isError() && n > WARNINGS_SHOWN_PER_CODE && d.code() != Code.TOO_MANY_ERRORS) {
                hidden.merge(d.codeId(), 1, Integer::sum);
                continue;
            }
            err.print(DiagnosticPrinter.render(d));
        }
        hidden.forEach((code, n) -> err.println("... and " + n + " more " + code + " warning" + (n == 1 ? "" : "s")
                + " (`wkforge check` lists them all)"));
        return !result.hasErrors();
    }
}
