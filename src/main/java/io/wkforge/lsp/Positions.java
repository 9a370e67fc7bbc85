package io.wkforge.lsp;

import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.util.Arrays;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Offsets to LSP positions and back. LSP counts columns in UTF-16 code units, which is what a Java
 * string index is, so an offset minus its line start is the LSP character. Lines end at
 * {@code \n}, {@code \r\n} or a lone {@code \r}, as the LSP specification (and every client)
 * counts them; a position past the end of its line means the end of the line, one past the last
 * line the end of the text.
 */
final class Positions {
    private Positions() {}

    /** The line table of the text last asked about: one document is asked about many times in a row. */
    private record Lines(String text, int[] starts) {}

    private static volatile Lines last = new Lines("", new int[] {0});

    static Position position(SourceFile source, int offset) {
        String text = source.text();
        int[] starts = starts(text);
        int at = Math.max(0, Math.min(offset, text.length()));
        int idx = Arrays.binarySearch(starts, at);
        int line = idx >= 0 ? idx : -idx - 2;
        return new Position(line, at - starts[line]);
    }

    static Range range(SourceFile source, Span span) {
        return new Range(position(source, span.start()), position(source, span.end()));
    }

    static int offset(SourceFile source, Position p) {
        return offset(source.text(), p);
    }

    /** An offset in raw text; used to apply incremental edits and to find the cursor. */
    static int offset(String text, Position p) {
        int[] starts = starts(text);
        int line = Math.max(0, p.getLine());
        if (line >= starts.length) return text.length();
        int start = starts[line];
        int end = line + 1 < starts.length ? starts[line + 1] : text.length();
        // the line's end, before its line break
        if (end > start && line + 1 < starts.length && text.charAt(end - 1) == '\n') end--;
        if (end > start && line + 1 < starts.length && text.charAt(end - 1) == '\r') end--;
        long character = Math.max(0, p.getCharacter());
        return (int) Math.min(start + character, end);
    }

    private static int[] starts(String text) {
        Lines l = last;
        if (l.text() == text) return l.starts();
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = i + 1;
            }
        }
        starts = Arrays.copyOf(starts, count);
        last = new Lines(text, starts);
        return starts;
    }
}
