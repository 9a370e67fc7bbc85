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
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Checks documents off the message thread and publishes their diagnostics. Changes that arrive
 * while a check runs are coalesced: the next check takes the newest text, so a fast typist never
 * queues one check per keystroke, and no delay is added before the first one.
 */
final class DiagnosticsPublisher implements AutoCloseable {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wkforge-lsp-check");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> pending = new LinkedHashSet<>();
    private final Function<String, OpenDocument> documents;
    private final ImportResolver resolver;
    private final Consumer<PublishDiagnosticsParams> publish;

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
            if (doc != null) publish.accept(check(doc, resolver));
        });
    }

    /** The diagnostics of one document, exactly as `wkforge check` finds them. */
    static PublishDiagnosticsParams check(OpenDocument doc, ImportResolver resolver) {
        SourceFile source = doc.source();
        CheckResult result = Checker.check(source, Checker.Options.DEFAULT, resolver);
        return new PublishDiagnosticsParams(doc.uri(), DiagnosticConverter.convert(result, source, resolver), doc.version());
    }

    void clear(String uri) {
        worker.execute(() -> publish.accept(new PublishDiagnosticsParams(uri, List.of())));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
