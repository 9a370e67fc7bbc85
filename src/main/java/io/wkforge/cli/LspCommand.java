package io.wkforge.cli;

import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lsp.StdioServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "lsp", description = "Run the language server on stdin/stdout (for editors: diagnostics, completion, "
        + "hover, formatting, outline, go to definition).")
final class LspCommand implements Callable<Integer> {
    @Override
    public Integer call() throws InterruptedException {
        return StdioServer.run(ImportResolver.standard(), Version.current()) == 0 ? ExitCodes.OK : ExitCodes.INTERNAL;
    }
}
