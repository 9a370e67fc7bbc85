package io.wkforge.cli;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.DiagnosticCap;
import io.wkforge.lang.diag.DiagnosticJson;
import io.wkforge.util.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", description = "Check recipes and report every problem (exit 0 when there are no errors, 2 otherwise; "
        + "1 when wkforge itself failed on a file, after checking the others).")
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Recipe files.")
    List<Path> files;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a param or a setting (block.key).")
    List<String> sets;

    @Option(names = "--json", description = "Print diagnostics as JSON (format_version, ranges) on stdout.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** How one file is checked; a seam for tests that need a file to fail the way only a bug would. */
    interface FileChecker {
        CheckResult check(Path file, List<String> sets);
    }

    FileChecker checker = (file, sets) -> RecipeLoader.check(file, sets, false);

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Batch batch = new Batch();
        int exit = ExitCodes.OK;
        for (Path f : files) {
            try {
                CheckResult r = checker.check(f, sets);
                batch.add(r.capped());
                if (r.hasErrors()) exit = ExitCodes.worst(exit, ExitCodes.USAGE);
            } catch (RecipeLoader.UnreadableRecipe e) {
                batch.add(e.diagnostic());
                exit = ExitCodes.worst(exit, ExitCodes.USAGE);
            } catch (UserError e) {
                throw e; // a bad --set: the command itself is wrong, for every file
            } catch (RuntimeException | StackOverflowError e) {
                // one file's bug must not hide the findings of the others
                batch.add(BatchFailures.internalError(f, "checking", e, err));
                exit = ExitCodes.worst(exit, ExitCodes.INTERNAL);
            }
        }
        if (json) {
            out.println(Json.write(DiagnosticJson.report(batch.shown, batch.total, batch.errors, batch.warnings)));
        } else {
            RecipeLoader.print(batch.shown, err);
            if (batch.errors > 0 || batch.warnings > 0) {
                err.println(summary(batch.errors, batch.warnings, files.size()));
            } else {
                out.println(files.size() == 1 ? files.get(0) + ": ok" : files.size() + " recipes: ok");
            }
        }
        return exit;
    }

    /**
     * The findings of several recipes. A file imported by several of them is reported once: its
     * findings (the same place, code and message) and its counts come from the first recipe that
     * met it, so ten recipes importing one broken fragment do not print it ten times.
     */
    private static final class Batch {
        final List<Diagnostic> shown = new ArrayList<>();
        final Set<List<Object>> seen = new HashSet<>();
        final Set<String> counted = new HashSet<>();
        long total;
        long errors;
        long warnings;

        void add(DiagnosticCap.Capped c) {
            for (Diagnostic d : c.shown()) {
                if (seen.add(key(d))) shown.add(d);
            }
            c.countsByFile().forEach((file, n) -> {
                if (!counted.add(file)) return;
                errors += n[0];
                warnings += n[1];
                total += n[2];
            });
        }

        void add(Diagnostic d) {
            shown.add(d);
            total++;
            if (d.isError()) errors++;
        }

        private static List<Object> key(Diagnostic d) {
            return List.of(d.source() == null ? "" : d.source().displayName(), d.span().start(), d.span().end(),
                    d.codeId(), d.message());
        }
    }

    static String summary(long errors, long warnings, int fileCount) {
        return (errors == 0 ? "no errors" : errors + " error" + (errors == 1 ? "" : "s"))
                + (warnings == 0 ? "" : ", " + warnings + " warning" + (warnings == 1 ? "" : "s"))
                + " in " + fileCount + " file" + (fileCount == 1 ? "" : "s");
    }
}
