package io.wkforge.cli;

import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lsp.RecipeLanguageServer;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import picocli.CommandLine.Command;

@Command(name = "lsp", description = "Run the language server on stdin/stdout (for editors: diagnostics, completion, "
        + "hover, formatting, outline, go to definition).")
final class LspCommand implements Callable<Integer> {
    @Override
    public Integer call() throws InterruptedException {
        // stdout carries the protocol: anything else printed there would corrupt it.
        InputStream in = System.in;
        PrintStream protocolOut = System.out;
        System.setOut(System.err);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        RecipeLanguageServer[] server = new RecipeLanguageServer[1];
        server[0] = new RecipeLanguageServer(ImportResolver.standard(), Version.current(),
                () -> exit.complete(server[0].shutdownRequested() ? ExitCodes.OK : ExitCodes.INTERNAL));
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server[0], in, protocolOut);
        server[0].connect(launcher.getRemoteProxy());
        // The client closing the pipe ends the session too.
        java.util.concurrent.Future<Void> listening = launcher.startListening();
        Thread watcher = new Thread(() -> {
            try {
                listening.get();
            } catch (InterruptedException | ExecutionException | java.util.concurrent.CancellationException ignored) {
                // the stream ended either way
            }
            exit.complete(server[0].shutdownRequested() ? ExitCodes.OK : ExitCodes.INTERNAL);
        }, "wkforge-lsp-eof");
        watcher.setDaemon(true);
        watcher.start();
        try {
            return exit.get();
        } catch (ExecutionException e) {
            return ExitCodes.INTERNAL;
        }
    }
}
