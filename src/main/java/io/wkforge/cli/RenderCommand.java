package io.wkforge.cli;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.format.Renderer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "render", description = "Print the effective recipe: imports merged, params substituted, defaults filled in.")
final class RenderCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The recipe.")
    Path file;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a param or a setting (block.key).")
    List<String> sets;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CheckResult r = RecipeLoader.check(file, sets, false);
        if (!RecipeLoader.report(r, spec.commandLine().getErr())) return ExitCodes.USAGE;
        spec.commandLine().getOut().print(Renderer.render(r.recipe()));
        return ExitCodes.OK;
    }
}
