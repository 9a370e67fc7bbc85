package io.wkforge.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `wkforge lsp` as an editor starts it: a separate process speaking LSP on stdin/stdout. */
class LspCommandProcessTest {

    @Test
    void stdioServerAnswersAndExitsCleanly(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.wkforge.cli.Main", "lsp")
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
        LanguageClient client = new LanguageClient() {
            @Override public void publishDiagnostics(PublishDiagnosticsParams d) { published.add(d); }
            @Override public void telemetryEvent(Object object) { }
            @Override public void showMessage(MessageParams messageParams) { }
            @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
                return CompletableFuture.completedFuture(null);
            }
            @Override public void logMessage(MessageParams message) { }
        };
        try {
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, p.getInputStream(), p.getOutputStream());
            launcher.startListening();
            LanguageServer server = launcher.getRemoteProxy();
            InitializeParams init = new InitializeParams();
            init.setCapabilities(new ClientCapabilities());
            InitializeResult result = server.initialize(init).get(60, TimeUnit.SECONDS);
            assertEquals("wkforge", result.getServerInfo().getName());
            assertTrue(result.getCapabilities().getHoverProvider().getLeft());

            Path file = dir.resolve("x.recipe");
            String uri = file.toUri().toString();
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "recipe", 1, "frames { fps 0 }\n")));
            PublishDiagnosticsParams d = published.poll(60, TimeUnit.SECONDS);
            assertEquals(uri, d.getUri());
            assertEquals(List.of("E105"), d.getDiagnostics().stream().map(x -> x.getCode().getLeft()).toList());

            server.shutdown().get(30, TimeUnit.SECONDS);
            server.exit();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server did not exit");
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("stderr.txt")));
            assertFalse(Files.readString(dir.resolve("stderr.txt")).contains("Exception"));
        } finally {
            p.destroyForcibly();
        }
    }
}
