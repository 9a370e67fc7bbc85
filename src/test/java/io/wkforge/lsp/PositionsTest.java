package io.wkforge.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wkforge.lang.source.SourceFile;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

/** Positions as the LSP specification defines them (issue 23). */
class PositionsTest {
    private static String edit(String text, int l1, int c1, int l2, int c2, String with) {
        return RecipeTextDocumentService.apply(text,
                new TextDocumentContentChangeEvent(new Range(new Position(l1, c1), new Position(l2, c2)), with));
    }

    @Test
    void aCharacterPastTheLineEndMeansTheLineEnd() {
        assertEquals("ab!\ncd", edit("ab\ncd", 0, Integer.MAX_VALUE, 0, Integer.MAX_VALUE, "!"));
        assertEquals("ab!", edit("ab\ncd", 0, Integer.MAX_VALUE, 5, 0, "!"), "a line past the last: the end of the text");
        assertEquals("ab\r\n!cd", edit("ab\r\ncd", 1, 0, 1, 0, "!"));
        assertEquals("ab!\r\ncd", edit("ab\r\ncd", 0, 99, 0, 99, "!"), "the end of a line is before its CR LF");
        assertEquals("!ab", edit("ab", -1, -5, 0, 0, "!"), "negative numbers clamp to the start");
    }

    @Test
    void aLoneCrEndsALineAsClientsCountThem() {
        assertEquals("a\r!b\nc", edit("a\rb\nc", 1, 0, 1, 0, "!"));
        assertEquals("a\rb\n!c", edit("a\rb\nc", 2, 0, 2, 0, "!"));
        SourceFile src = SourceFile.of("x", "a\rb\r\nc\nd");
        assertEquals(new Position(1, 0), Positions.position(src, 2));
        assertEquals(new Position(2, 0), Positions.position(src, 5));
        assertEquals(new Position(3, 1), Positions.position(src, 8));
        assertEquals(5, Positions.offset(src, new Position(2, 0)));
    }
}
