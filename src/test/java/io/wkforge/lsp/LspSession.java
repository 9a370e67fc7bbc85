package io.wkforge.lsp;

import io.wkforge.lang.check.ImportResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real LSP4J client talking JSON-RPC to a {@link RecipeLanguageServer} over in-memory pipes, as an
 * editor would over stdio. Used by the end-to-end tests and bench/LspLatencyBench.java.
 */
public final class LspSession implements AutoCloseable {
    private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    private final LanguageServer server;
    private final List<AutoCloseable> streams;

    private LspSession(LanguageServer server, List<AutoCloseable> streams) {
        this.server = server;
        this.streams = streams;
    }

    /** Closing the pipes makes LSP4J log "Pipe closed" at INFO; that is the normal end of a session. */
    private static final java.util.logging.Logger JSONRPC_LOG = java.util.logging.Logger.getLogger("org.eclipse.lsp4j.jsonrpc");

    public static LspSession start(ImportResolver resolver) throws IOException {
        JSONRPC_LOG.setLevel(java.util.logging.Level.SEVERE);
        BytePipe toServer = new BytePipe();
        BytePipe toClient = new BytePipe();
        return connect(new RecipeLanguageServer(resolver, "test", () -> { }), toServer.in, toClient.out, toClient.in, toServer.out);
    }

    private static LspSession connect(RecipeLanguageServer impl, InputStream serverIn, OutputStream serverOut,
                                      InputStream clientIn, OutputStream clientOut) {
        Launcher<LanguageClient> serverLauncher = LSPLauncher.createServerLauncher(impl, serverIn, serverOut);
        impl.connect(serverLauncher.getRemoteProxy());
        serverLauncher.startListening();
        LspSession[] self = new LspSession[1];
        Launcher<LanguageServer> clientLauncher = LSPLauncher.createClientLauncher(new Client(() -> self[0]), clientIn, clientOut);
        clientLauncher.startListening();
        self[0] = new LspSession(clientLauncher.getRemoteProxy(), List.of(serverIn, serverOut, clientIn, clientOut));
        return self[0];
    }

    public LanguageServer server() {
        return server;
    }

    public void initialize() throws Exception {
        InitializeParams p = new InitializeParams();
        p.setCapabilities(new ClientCapabilities());
        server.initialize(p).get(30, TimeUnit.SECONDS);
        server.initialized(new org.eclipse.lsp4j.InitializedParams());
    }

    public void open(String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "recipe", 1, text)));
    }

    public void change(String uri, int version, TextDocumentContentChangeEvent... changes) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(changes)));
    }

    /** The next diagnostics published for {@code uri} with at least {@code version}; older ones are skipped. */
    public PublishDiagnosticsParams awaitDiagnostics(String uri, int version, long timeoutMillis) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = deadline - System.nanoTime();
            PublishDiagnosticsParams p = diagnostics.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (p == null) throw new TimeoutException("no diagnostics for " + uri + " version " + version);
            if (p.getUri().equals(uri) && (p.getVersion() == null || p.getVersion() >= version)) return p;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
        } finally {
            for (AutoCloseable c : streams) c.close();
        }
    }

    private static final class Client implements LanguageClient {
        private final java.util.function.Supplier<LspSession> session;

        Client(java.util.function.Supplier<LspSession> session) {
            this.session = session;
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            session.get().diagnostics.add(diagnostics);
        }

        @Override public void telemetryEvent(Object object) { }
        @Override public void showMessage(MessageParams messageParams) { }
        @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }
        @Override public void logMessage(MessageParams message) { }
    }
}
