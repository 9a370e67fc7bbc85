package io.wkforge.lsp;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.check.Checker;
import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lang.source.SourceFile;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import io.wkforge.lang.diag.Code;
import io.wkforge.lang.glob.ExpansionCache;
import io.wkforge.lang.glob.PatternExpander;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;

/**
 * Checks documents off the message thread and publishes their diagnostics. Changes that arrive
 * while a check runs are coalesced: the next check takes the newest text, so a fast typist never
 * queues one check per keystroke, and no delay is added before the first one.
 *
 * <p>Video patterns are expanded through one {@link ExpansionCache} for the whole session, so a
 * keystroke costs one stat per folder a pattern reads instead of a walk. The system property
 * {@code wkforge.lsp.patternCache=false} turns it off (bench/lsp-latency.sh compares both; an
 * escape hatch for a file system whose folder times cannot be trusted).
 */
final class DiagnosticsPublisher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DiagnosticsPublisher.class.getName());
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wkforge-lsp-check");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> pending = new LinkedHashSet<>();
    private final Function<String, OpenDocument> documents;
    private final ImportResolver resolver;
    private final Consumer<PublishDiagnosticsParams> publish;
    private final Checker.Options options = new Checker.Options(List.of(), false,
            Boolean.parseBoolean(System.getProperty("wkforge.lsp.patternCache", "true")) ? new ExpansionCache() : PatternExpander.DIRECT);

    DiagnosticsPublisher(Function<String, OpenDocument> documents, ImportResolver resolver, Consumer<PublishDiagnosticsParams> publish) {
        this.documents = documents;
        this.resolver = resolver;
        this.publish = publish;
    }

    void schedule(String uri) {
        synchronized (pending) {
            if (!pending.add(uri)) return;
        }
        worker.execute(() -> {
            synchronized (pending) {
                pending.remove(uri);
            }
            OpenDocument doc = documents.apply(uri);
            if (doc != null) publish.accept(check(doc, resolver, options));
        });
    }

    /**
     * The diagnostics of one document, exactly as `wkforge check` finds them. A bug in the checker
     * becomes one error on the first line, so the editor never shows a file it could not check as clean.
     */
    static PublishDiagnosticsParams check(OpenDocument doc, ImportResolver resolver, Checker.Options options) {
        try {
            SourceFile source = doc.source();
            CheckResult result = Checker.check(source, options, resolver);
            return new PublishDiagnosticsParams(doc.uri(), DiagnosticConverter.convert(result, source, resolver), doc.version());
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.SEVERE, "checking " + doc.uri() + " failed", e);
            return new PublishDiagnosticsParams(doc.uri(), List.of(internalError(e)), doc.version());
        }
    }

    private static org.eclipse.lsp4j.Diagnostic internalError(Throwable e) {
        org.eclipse.lsp4j.Diagnostic d = new org.eclipse.lsp4j.Diagnostic(new Range(new Position(0, 0), new Position(0, 0)),
                "internal error while checking this file: " + e + "\nhelp: this is a bug in wkforge; please report it "
                        + "with the file (the language server's log has the stack trace)",
                DiagnosticSeverity.Error, "wkforge", Code.INTERNAL_ERROR.id());
        return d;
    }

    void clear(String uri) {
        worker.execute(() -> publish.accept(new PublishDiagnosticsParams(uri, List.of())));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
