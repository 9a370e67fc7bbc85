package io.wkforge.lang.diag;

import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the findings of one check, in a stable order (file, then position, then code). */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public Diagnostic add(Diagnostic d) {
        items.add(d);
        return d;
    }

    public Diagnostic report(DiagnosticCode code, SourceFile source, Span span, String message) {
        return add(Diagnostic.of(code, source, span, message));
    }

    public void addAll(List<Diagnostic> ds) {
        items.addAll(ds);
    }

    /** Replaces the most recently added finding, e.g. to attach a help line after the fact. */
    public void replaceLast(Diagnostic d) {
        items.set(items.size() - 1, d);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public long errorCount() {
        return items.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return items.stream().filter(d -> d.severity() == Severity.WARNING).count();
    }

    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Comparator
                .comparing((Diagnostic d) -> d.source() == null ? "" : d.source().displayName())
                .thenComparingInt(d -> d.span().start())
                .thenComparingInt(d -> d.code().number()));
        return copy;
    }

    public List<Diagnostic> all() {
        return List.copyOf(items);
    }
}
