package io.wkforge.cli;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<Diagnostic> all = new ArrayList<>();
        int exit = ExitCodes.OK;
        for (Path f : files) {
            try {
                CheckResult r = checker.check(f, sets);
                all.addAll(r.diagnostics());
                if (r.hasErrors()) exit = ExitCodes.worst(exit, ExitCodes.USAGE);
            } catch (RecipeLoader.UnreadableRecipe e) {
                all.add(e.diagnostic());
                exit = ExitCodes.worst(exit, ExitCodes.USAGE);
            } catch (UserError e) {
                throw e; // a bad --set: the command itself is wrong, for every file
            } catch (RuntimeException | StackOverflowError e) {
                // one file's bug must not hide the findings of the others
                all.add(BatchFailures.internalError(f, "checking", e, err));
                exit = ExitCodes.worst(exit, ExitCodes.INTERNAL);
            }
        }
        if (json) {
            RecipeLoader.printJson(all, out);
        } else {
            RecipeLoader.print(all, err);
            long errors = all.stream().filter(Diagnostic::isError).count();
            long warnings = all.stream().filter(d -> d.severity() == Severity.WARNING).count();
            if (errors > 0 || warnings > 0) {
                err.println(summary(errors, warnings, files.size()));
            } else {
                out.println(files.size() == 1 ? files.get(0) + ": ok" : files.size() + " recipes: ok");
            }
        }
        return exit;
    }

    static String summary(long errors, long warnings, int fileCount) {
        return (errors == 0 ? "no errors" : errors + " error" + (errors == 1 ? "" : "s"))
                + (warnings == 0 ? "" : ", " + warnings + " warning" + (warnings == 1 ? "" : "s"))
                + " in " + fileCount + " file" + (fileCount == 1 ? "" : "s");
    }
}
