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
        StringBuilder out = new StringBuilder(printable(d.headline())).append('\n');
        if (d.source() != null && !d.isAboutWholeFile()) {
            snippet(out, d.source(), d.span(), null);
        }
        for (Diagnostic.Related rel : d.related()) {
            if (rel.source() != null) {
                out.append("   = note: ").append(printable(rel.message())).append(" (")
                        .append(rel.source().displayName()).append(':')
                        .append(rel.source().line(rel.span().start())).append(':')
                        .append(rel.source().column(rel.span().start())).append(")\n");
            } else {
                out.append("   = note: ").append(printable(rel.message())).append('\n');
            }
        }
        if (d.help() != null) {
            out.append("   = help: ").append(printable(d.help())).append('\n');
        }
        return out.toString();
    }

    /** Lines longer than this are shown as a window around the span. */
    static final int MAX_SHOWN = 120;

    private static void snippet(StringBuilder out, SourceFile source, Span span, String label) {
        int line = source.line(span.start());
        int lineStart = source.lineStart(line);
        int lineLength = source.lineEnd(line) - lineStart;
        String number = Integer.toString(line);
        String gutter = " ".repeat(number.length());
        int col = source.column(span.start()) - 1;
        int endOnLine = Math.min(span.end(), source.lineEnd(line));
        int width = Math.max(1, endOnLine - span.start());
        String text;
        // only the part shown is copied and made printable (one character for one): a diagnostic on
        // a line of a megabyte costs the window, not the line
        if (lineLength > MAX_SHOWN) {
            int from = Math.max(0, Math.min(col - 40, lineLength - MAX_SHOWN));
            int to = from + MAX_SHOWN;
            String before = from > 0 ? "..." : "";
            width = Math.max(1, Math.min(width, to - col)); // the caret ends with the window
            col = before.length() + col - from;
            text = before + printable(source.text().substring(lineStart + from, lineStart + to)) + (to < lineLength ? "..." : "");
        } else {
            text = printable(source.text().substring(lineStart, lineStart + lineLength));
        }
        out.append(gutter).append(" |\n");
        out.append(number).append(" | ").append(text).append('\n');
        out.append(gutter).append(" | ").append(" ".repeat(Math.max(0, col))).append("^".repeat(width));
        if (label != null) out.append(' ').append(label);
        out.append('\n');
    }

    /**
     * Recipe text as it may be shown on a terminal: a tab becomes a space and every other control
     * character (a NUL, a lone CR, an escape sequence) U+FFFD, one for one so carets still line up.
     */
    static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 && c != '\n' || c == 0x7f || (c >= 0x80 && c < 0xa0);
            if (control || c == '\t') {
                if (sb == null) sb = new StringBuilder(s.substring(0, i));
                sb.append(c == '\t' ? ' ' : '\uFFFD');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
