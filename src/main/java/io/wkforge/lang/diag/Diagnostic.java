package io.wkforge.lang.diag;

import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.util.List;

/**
 * One finding about a recipe: a stable code, a terse message, the exact span it is about, and
 * optionally a `help` line that says what to do and notes that point at related places.
 *
 * @param source null for findings that are not about a place in a file (a --set flag, say)
 */
public record Diagnostic(DiagnosticCode code, Severity severity, String message, SourceFile source, Span span,
                         String help, List<Related> related) {

    /** A secondary place worth showing, e.g. where a duplicate was first declared. */
    public record Related(SourceFile source, Span span, String message) {}

    public static Diagnostic of(DiagnosticCode code, SourceFile source, Span span, String message) {
        return new Diagnostic(code, code.defaultSeverity(), message, source, span, null, List.of());
    }

    /**
     * A finding about a whole file rather than a place in it (it cannot be read, say): shown as
     * {@code FILE: error[E151]: message}, and in JSON with the file name as its range.
     */
    public static Diagnostic ofFile(Code code, String fileName, java.nio.file.Path path, String message) {
        return of(code, new SourceFile(fileName, path, ""), Span.NONE, message);
    }

    /** Whether this finding is about a whole file (see {@link #ofFile}). */
    public boolean isAboutWholeFile() {
        return source != null && source.text().isEmpty() && span.equals(Span.NONE);
    }

    public Diagnostic withHelp(String newHelp) {
        return new Diagnostic(code, severity, message, source, span, newHelp, related);
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(code, newSeverity, message, source, span, help, related);
    }

    public Diagnostic withRelated(SourceFile relSource, Span relSpan, String relMessage) {
        var list = new java.util.ArrayList<>(related);
        list.add(new Related(relSource, relSpan, relMessage));
        return new Diagnostic(code, severity, message, source, span, help, List.copyOf(list));
    }

    public String codeId() {
        return code.id(severity);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public int line() {
        return source == null ? 0 : source.line(span.start());
    }

    public int column() {
        return source == null ? 0 : source.column(span.start());
    }

    /** `PATH:LINE:COL: error[E123]: message`, the first line of the rendered form. */
    public String headline() {
        String where = source == null ? "wkforge"
                : isAboutWholeFile() ? source.displayName() : source.displayName() + ":" + line() + ":" + column();
        return where + ": " + severity.label() + "[" + codeId() + "]: " + message;
    }

    @Override
    public String toString() {
        return headline();
    }
}
