package io.wkforge.lsp;

import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lang.format.Formatter;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.syntax.Parser;
import io.wkforge.lang.syntax.RecipeFile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/** The open documents and every per-document request. Requests never throw at the client: a bug gives an empty answer and a log line. */
final class RecipeTextDocumentService implements TextDocumentService {
    private static final Logger LOG = Logger.getLogger(RecipeTextDocumentService.class.getName());

    private final Map<String, OpenDocument> documents = new ConcurrentHashMap<>();
    private final ImportResolver resolver;
    private DiagnosticsPublisher diagnostics;

    RecipeTextDocumentService(ImportResolver resolver) {
        this.resolver = resolver;
    }

    void setDiagnostics(DiagnosticsPublisher diagnostics) {
        this.diagnostics = diagnostics;
    }

    OpenDocument document(String uri) {
        return documents.get(uri);
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var d = params.getTextDocument();
        documents.put(d.getUri(), new OpenDocument(d.getUri(), d.getVersion(), d.getText()));
        diagnostics.schedule(d.getUri());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        documents.compute(uri, (k, old) -> {
            String text = old == null ? "" : old.text();
            for (TextDocumentContentChangeEvent change : params.getContentChanges()) text = apply(text, change);
            return new OpenDocument(uri, params.getTextDocument().getVersion(), text);
        });
        diagnostics.schedule(uri);
    }

    /** A full replacement, or an incremental edit of a range. */
    static String apply(String text, TextDocumentContentChangeEvent change) {
        Range r = change.getRange();
        if (r == null) return change.getText();
        int start = Positions.offset(text, r.getStart());
        int end = Math.max(start, Positions.offset(text, r.getEnd()));
        return text.substring(0, start) + change.getText() + text.substring(end);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        documents.remove(params.getTextDocument().getUri());
        diagnostics.clear(params.getTextDocument().getUri());
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // Imports may have changed on disk; check again.
        diagnostics.schedule(params.getTextDocument().getUri());
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return answer(params.getTextDocument().getUri(), Either.forLeft(List.of()), (doc, src) ->
                Either.forLeft(Completions.at(src, Positions.offset(src, params.getPosition()))));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return answer(params.getTextDocument().getUri(), null, (doc, src) ->
                Hovers.at(src, Positions.offset(src, params.getPosition()), resolver));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return answer(params.getTextDocument().getUri(), Either.forLeft(List.of()), (doc, src) ->
                Either.forLeft(Definitions.at(src, doc.uri(), Positions.offset(src, params.getPosition()), resolver)));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return answer(params.getTextDocument().getUri(), List.of(), (doc, src) ->
                Symbols.of(Parser.parse(src)).stream().map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
    }

    /** The whole document in `wkforge fmt` layout; nothing for a file with syntax errors (the formatter would have to guess). */
    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return answer(params.getTextDocument().getUri(), List.of(), (doc, src) -> {
            RecipeFile file = Parser.parse(src);
            if (!file.ok()) return List.of();
            String formatted = Formatter.format(file);
            if (formatted.equals(src.text())) return List.of();
            Position end = Positions.position(src, src.text().length());
            return List.of(new TextEdit(new Range(new Position(0, 0), end), formatted));
        });
    }

    private interface Request<T> {
        T compute(OpenDocument doc, SourceFile source);
    }

    private <T> CompletableFuture<T> answer(String uri, T empty, Request<T> request) {
        OpenDocument doc = documents.get(uri);
        if (doc == null) return CompletableFuture.completedFuture(empty);
        Supplier<T> work = () -> {
            try {
                return request.compute(doc, doc.source());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "request on " + uri + " failed", e);
                return empty;
            }
        };
        return CompletableFuture.completedFuture(work.get());
    }
}
