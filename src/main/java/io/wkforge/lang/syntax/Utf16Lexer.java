package io.wkforge.lang.syntax;

import io.wkforge.lang.parser.RecipeLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * The recipe lexer with token offsets in UTF-16 units. ANTLR counts code points; spans, lines and
 * columns (and LSP positions) count UTF-16 units, as Java strings do. The two differ after a
 * character beyond U+FFFF (an emoji in a comment), which would otherwise move every later caret
 * and every completion range. Everything that lexes recipe text goes through here.
 */
public final class Utf16Lexer implements TokenSource {
    private final RecipeLexer lexer;
    /** UTF-16 offset of each code point, when the text has characters beyond U+FFFF; else null. */
    private final int[] utf16Offsets;

    public Utf16Lexer(String text, String sourceName) {
        this.lexer = new RecipeLexer(CharStreams.fromString(text, sourceName));
        lexer.removeErrorListeners();
        this.utf16Offsets = utf16Offsets(text);
    }

    public Utf16Lexer(String text) {
        this(text, "<text>");
    }

    private static int[] utf16Offsets(String text) {
        int points = text.codePointCount(0, text.length());
        if (points == text.length()) return null;
        int[] out = new int[points + 1];
        int offset = 0;
        for (int i = 0; i < points; i++) {
            out[i] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        out[points] = offset;
        return out;
    }

    /** The next token, with UTF-16 start and stop offsets (its text fixed first: CommonToken reads it by index). */
    @Override
    public Token nextToken() {
        Token t = lexer.nextToken();
        if (utf16Offsets == null || !(t instanceof CommonToken ct) || t.getStartIndex() < 0) return t;
        int last = utf16Offsets.length - 1;
        ct.setText(t.getText());
        int start = utf16Offsets[Math.min(t.getStartIndex(), last)];
        int stop = utf16Offsets[Math.min(t.getStopIndex() + 1, last)] - 1;
        ct.setStartIndex(start);
        ct.setStopIndex(stop);
        return ct;
    }

    @Override public int getLine() { return lexer.getLine(); }
    @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
    @Override public CharStream getInputStream() { return lexer.getInputStream(); }
    @Override public String getSourceName() { return lexer.getSourceName(); }
    @Override public void setTokenFactory(TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
    @Override public TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
}
