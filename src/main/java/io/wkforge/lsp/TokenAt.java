package io.wkforge.lsp;

import io.wkforge.lang.parser.RecipeLexer;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.syntax.Utf16Lexer;
import org.antlr.v4.runtime.Token;

/**
 * The token under a position. Every token of the language lies within one line (strings and
 * comments end at the line break), so lexing that line alone gives the same tokens as the file.
 *
 * @param start absolute offset of the token
 */
record TokenAt(int type, String text, int start, int end) {

    static TokenAt find(SourceFile doc, int offset) {
        int line = doc.line(offset);
        int lineStart = doc.lineStart(line);
        Utf16Lexer lexer = new Utf16Lexer(doc.lineText(line));
        TokenAt touching = null;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            int s = lineStart + t.getStartIndex();
            int e = lineStart + t.getStopIndex() + 1;
            if (offset >= s && offset < e) return new TokenAt(t.getType(), t.getText(), s, e);
            // A cursor right after a word (`epochs|`) is still on it.
            if (offset == e && t.getType() != RecipeLexer.NEWLINE) touching = new TokenAt(t.getType(), t.getText(), s, e);
        }
        return touching;
    }

    boolean isString() {
        return type == RecipeLexer.STRING || type == RecipeLexer.UNTERMINATED_STRING;
    }

    /** The string's content without quotes and escapes. */
    String unquoted() {
        String body = text.substring(1, text.endsWith("\"") && text.length() > 1 ? text.length() - 1 : text.length());
        return body.replaceAll("\\\\(.)", "$1");
    }
}
