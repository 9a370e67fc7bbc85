package io.wkforge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "docs", description = "(being built)")
final class DocsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("`docs` is not built yet");
    }
}
