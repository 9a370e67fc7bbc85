package io.wkforge.cli;

import io.wkforge.caffe.lint.LintResult;
import io.wkforge.caffe.lint.NnieTarget;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.DiagnosticJson;
import io.wkforge.util.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lint-caffe", description = "Check Caffe prototxt files against what nnie_mapper accepts: every problem as "
        + "FILE:LINE:COL with a help line (exit 0 when there are no errors, 2 otherwise).")
final class LintCaffeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Prototxt files (text format).")
    List<Path> files;

    @Option(names = "--target", paramLabel = "CHIP", defaultValue = "hi3516dv300",
            description = "The NNIE chip whose mapper the files are for (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--allow-type", paramLabel = "TYPE", description = "Accept a layer type your nnie_mapper is known to run (repeatable).")
    List<String> allowTypes;

    @Option(names = "--feature-map-input", description = "The board feeds the input as a feature map (image_type 0), "
            + "so it may have any number of channels.")
    boolean featureMapInput;

    @Option(names = "--json", description = "Print findings as JSON (check's format, plus target and per-file layer counts) on stdout.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        NnieTarget chip = PrototxtFiles.target(target, allowTypes);
        List<Diagnostic> all = new ArrayList<>();
        List<Object> perFile = new ArrayList<>();
        boolean unreadable = false;
        for (Path f : files) {
            LintResult r;
            try {
                r = PrototxtFiles.lint(f, chip, featureMapInput);
            } catch (RecipeLoader.UnreadableRecipe e) { // one file's problem: the others are still linted, as check and fmt do
                all.add(e.diagnostic());
                unreadable = true;
                continue;
            }
            all.addAll(r.diagnostics());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("filename", r.file().source().displayName());
            row.put("layer_count", r.net().layers().size());
            row.put("error_count", r.errorCount());
            row.put("warning_count", r.warningCount());
            perFile.add(row);
        }
        boolean ok = !unreadable && all.stream().noneMatch(Diagnostic::isError);
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>(DiagnosticJson.report(all));
            report.put("target", chip.id());
            report.put("files", perFile);
            out.println(Json.write(report));
        } else {
            RecipeLoader.print(all, err);
            long errors = all.stream().filter(Diagnostic::isError).count();
            long warnings = all.stream().filter(d -> d.severity() == io.wkforge.lang.diag.Severity.WARNING).count();
            if (errors > 0 || warnings > 0) {
                err.println(CheckCommand.summary(errors, warnings, files.size()));
            } else {
                out.println((files.size() == 1 ? files.get(0) + ": ok" : files.size() + " files: ok") + " for NNIE (" + chip.id() + ")");
            }
        }
        return ok ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
