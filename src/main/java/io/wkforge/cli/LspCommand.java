package io.wkforge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "lsp", description = "(being built)")
final class LspCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("`lsp` is not built yet");
    }
}
