package io.wkforge.lang.diag;

import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;

/**
 * Renders a diagnostic for a terminal:
 * <pre>
 * trash20.recipe:14:3: error[E102]: unknown setting `fsp` in block `frames`
 *    |
 * 14 |   fsp 2
 *    |   ^^^
 *    = help: did you mean `fps`?
 * </pre>
 */
public final class DiagnosticPrinter {
    private DiagnosticPrinter() {}

    public static String render(Diagnostic d) {
        StringBuilder out = new StringBuilder(d.headline()).append('\n');
        if (d.source() != null) {
            snippet(out, d.source(), d.span(), null);
        }
        for (Diagnostic.Related rel : d.related()) {
            if (rel.source() != null) {
                out.append("   = note: ").append(rel.message()).append(" (")
                        .append(rel.source().displayName()).append(':')
                        .append(rel.source().line(rel.span().start())).append(':')
                        .append(rel.source().column(rel.span().start())).append(")\n");
            } else {
                out.append("   = note: ").append(rel.message()).append('\n');
            }
        }
        if (d.help() != null) {
            out.append("   = help: ").append(d.help()).append('\n');
        }
        return out.toString();
    }

    private static void snippet(StringBuilder out, SourceFile source, Span span, String label) {
        int line = source.line(span.start());
        String text = source.lineText(line).replace('\t', ' ');
        String number = Integer.toString(line);
        String gutter = " ".repeat(number.length());
        int col = source.column(span.start()) - 1;
        int endOnLine = Math.min(span.end(), source.lineEnd(line));
        int width = Math.max(1, endOnLine - span.start());
        out.append(gutter).append(" |\n");
        out.append(number).append(" | ").append(text).append('\n');
        out.append(gutter).append(" | ").append(" ".repeat(Math.max(0, col))).append("^".repeat(width));
        if (label != null) out.append(' ').append(label);
        out.append('\n');
    }
}
