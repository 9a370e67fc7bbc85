package io.wkforge.lsp;

import io.wkforge.lang.check.ImportResolver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** `wkforge lsp`: the recipe front end (parser, checker, schema, formatter) behind the Language Server Protocol. */
public final class RecipeLanguageServer implements LanguageServer, LanguageClientAware {
    private final RecipeTextDocumentService documents;
    private final ImportResolver resolver;
    private final String version;
    private final Runnable onExit;
    private DiagnosticsPublisher diagnostics;
    private volatile boolean shutdownRequested;

    /**
     * @param onExit what the `exit` notification does (the command ends the process; tests do nothing)
     */
    public RecipeLanguageServer(ImportResolver resolver, String version, Runnable onExit) {
        this.resolver = resolver;
        this.version = version;
        this.onExit = onExit;
        this.documents = new RecipeTextDocumentService(resolver);
    }

    @Override
    public void connect(LanguageClient client) {
        diagnostics = new DiagnosticsPublisher(documents::document, resolver, client::publishDiagnostics);
        documents.setDiagnostics(diagnostics);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities caps = new ServerCapabilities();
        caps.setTextDocumentSync(TextDocumentSyncKind.Incremental);
        caps.setCompletionProvider(new CompletionOptions(false, List.of("$")));
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setDocumentSymbolProvider(true);
        caps.setDocumentFormattingProvider(true);
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("wkforge", version)));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        if (diagnostics != null) diagnostics.close();
        return CompletableFuture.completedFuture(null);
    }

    /** True once the client asked for `shutdown`: `exit` after it is a clean exit (status 0). */
    public boolean shutdownRequested() {
        return shutdownRequested;
    }

    @Override
    public void exit() {
        onExit.run();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return new WorkspaceService() {
            @Override
            public void didChangeConfiguration(DidChangeConfigurationParams params) { }

            @Override
            public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) { }
        };
    }
}
