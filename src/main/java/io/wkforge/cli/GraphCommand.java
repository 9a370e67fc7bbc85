package io.wkforge.cli;

import io.wkforge.caffe.graph.GraphHtml;
import io.wkforge.caffe.lint.LintResult;
import io.wkforge.caffe.lint.CaffeCode;
import io.wkforge.lang.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "graph", description = "Draw a Caffe prototxt as one self-contained HTML page: layers and blobs top to bottom "
        + "with types, key parameters and output shapes, NNIE problems marked.")
final class GraphCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The prototxt (text format).")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "HTML", required = true, description = "The page to write.")
    Path output;

    @Option(names = "--target", paramLabel = "CHIP", defaultValue = "hi3516dv300",
            description = "The NNIE chip whose rules mark problem layers (default: ${DEFAULT-VALUE}).")
    String target;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        LintResult lint = PrototxtFiles.lint(file, PrototxtFiles.target(target, List.of()), false);
        List<Diagnostic> syntax = lint.diagnostics().stream().filter(d -> d.code() == CaffeCode.SYNTAX).toList();
        if (!syntax.isEmpty()) {
            RecipeLoader.print(syntax, err);
            err.println(file + ": not drawn: fix the syntax errors first");
            return ExitCodes.USAGE;
        }
        String title = lint.net().name().isEmpty() ? String.valueOf(file.getFileName()) : lint.net().name();
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(output, GraphHtml.render(lint, title), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(output + ": cannot write: " + e.getMessage());
        }
        out.println(output + ": " + lint.net().layers().size() + " layers drawn"
                + (lint.hasErrors() ? "; " + lint.errorCount() + " NNIE problems marked (wkforge lint-caffe " + file + " lists them)" : ""));
        return ExitCodes.OK;
    }
}
