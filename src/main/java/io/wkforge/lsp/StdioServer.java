package io.wkforge.lsp;

import io.wkforge.lang.check.ImportResolver;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Runs the language server over the process's stdin/stdout until the client exits or closes the
 * pipe. Kept out of the CLI class so that loading the CLI never loads LSP4J (its jars are signed,
 * and verifying them costs every `wkforge check` about 80 ms).
 */
public final class StdioServer {
    private StdioServer() {}

    /** @return 0 after a clean shutdown/exit, 1 when the client went away without one */
    public static int run(ImportResolver resolver, String version) throws InterruptedException {
        // stdout carries the protocol: anything else printed there would corrupt it.
        InputStream in = System.in;
        PrintStream protocolOut = System.out;
        System.setOut(System.err);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        RecipeLanguageServer[] server = new RecipeLanguageServer[1];
        server[0] = new RecipeLanguageServer(resolver, version,
                () -> exit.complete(server[0].shutdownRequested() ? 0 : 1));
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server[0], in, protocolOut);
        server[0].connect(launcher.getRemoteProxy());
        // The client closing the pipe ends the session too.
        Future<Void> listening = launcher.startListening();
        Thread watcher = new Thread(() -> {
            try {
                listening.get();
            } catch (InterruptedException | ExecutionException | CancellationException ignored) {
                // the stream ended either way
            }
            exit.complete(server[0].shutdownRequested() ? 0 : 1);
        }, "wkforge-lsp-eof");
        watcher.setDaemon(true);
        watcher.start();
        try {
            return exit.get();
        } catch (ExecutionException e) {
            return 1;
        }
    }
}
