package io.wkforge.cli;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.check.Checker;
import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lang.check.Override;
import io.wkforge.lang.diag.Diagnostic;
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

    static SourceFile read(Path file) {
        if (!Files.exists(file)) throw new UserError(file + ": no such file");
        if (Files.isDirectory(file)) throw new UserError(file + ": is a folder, not a recipe file");
        try {
            return SourceFile.read(file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UserError(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
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

    /** Prints findings; returns true when the recipe may be used (no errors). */
    static boolean report(CheckResult result, PrintWriter err) {
        print(result.diagnostics(), err);
        return !result.hasErrors();
    }
}
