package io.wkforge.lsp;

import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Offsets to LSP positions and back. LSP counts columns in UTF-16 code units, which is what a Java
 * string index is, so an offset minus its line start is the LSP character.
 */
final class Positions {
    private Positions() {}

    static Position position(SourceFile source, int offset) {
        int line = source.line(offset);
        return new Position(line - 1, source.column(offset) - 1);
    }

    static Range range(SourceFile source, Span span) {
        return new Range(position(source, span.start()), position(source, span.end()));
    }

    static int offset(SourceFile source, Position p) {
        return source.offsetOf(p.getLine() + 1, p.getCharacter() + 1);
    }

    /** An offset in raw text without building a SourceFile; used to apply incremental edits. */
    static int offset(String text, Position p) {
        int line = 0;
        int i = 0;
        while (line < p.getLine() && i < text.length()) {
            int nl = text.indexOf('\n', i);
            if (nl < 0) return text.length();
            i = nl + 1;
            line++;
        }
        int lineEnd = text.indexOf('\n', i);
        if (lineEnd < 0) lineEnd = text.length();
        return Math.min(i + p.getCharacter(), lineEnd);
    }
}
