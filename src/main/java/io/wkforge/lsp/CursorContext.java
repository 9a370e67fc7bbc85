package io.wkforge.lsp;

import io.wkforge.lang.parser.RecipeLexer;
import java.util.ArrayList;
import java.util.List;
import io.wkforge.lang.syntax.Utf16Lexer;
import org.antlr.v4.runtime.Token;

/**
 * Where a position is in the language's structure, found by lexing the text before it. Tokens, not
 * the parse tree, because the text around a cursor is usually half typed: `train resnet18 {` with no
 * closing brace, a key with no value yet. Lexing always works and is cheap.
 *
 * @param blockName the block the position is in (null at top level or in `{` of an unnamed block)
 * @param depth     brace depth at the position
 * @param before    the tokens of the current statement (top level) or entry (in a block) before the
 *                  position, without the word being typed
 * @param prefix    the word being typed up to the position ("" when none)
 * @param prefixStart offset where the prefix starts
 * @param inStringOrComment the position is inside a string or a comment
 */
record CursorContext(String blockName, int depth, List<Token> before, String prefix, int prefixStart,
                     boolean inStringOrComment) {

    boolean atTopLevel() {
        return depth == 0;
    }

    /** The first word of the current entry or statement, or null when nothing precedes the position. */
    String key() {
        return before.isEmpty() ? null : before.get(0).getText();
    }

    static CursorContext at(String text, int offset) {
        offset = Math.max(0, Math.min(offset, text.length()));
        Utf16Lexer lexer = new Utf16Lexer(text.substring(0, offset));
        int depth = 0;
        String block = null;
        List<Token> statement = new ArrayList<>();
        Token last = null;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            last = t;
            switch (t.getType()) {
                case RecipeLexer.WS -> { }
                case RecipeLexer.COMMENT -> { }
                case RecipeLexer.NEWLINE, RecipeLexer.SEMI -> statement.clear();
                case RecipeLexer.LBRACE -> {
                    if (depth == 0) block = statement.isEmpty() ? null : statement.get(0).getText();
                    depth++;
                    statement.clear();
                }
                case RecipeLexer.RBRACE -> {
                    depth = Math.max(0, depth - 1);
                    if (depth == 0) block = null;
                    statement.clear();
                }
                default -> statement.add(t);
            }
        }
        boolean inText = last != null && last.getStopIndex() + 1 == offset
                && (last.getType() == RecipeLexer.COMMENT || last.getType() == RecipeLexer.UNTERMINATED_STRING);
        String prefix = "";
        int prefixStart = offset;
        if (last != null && last.getStopIndex() + 1 == offset && !statement.isEmpty() && statement.get(statement.size() - 1) == last
                && isWord(last)) {
            prefix = last.getText();
            prefixStart = last.getStartIndex();
            statement.remove(statement.size() - 1);
        }
        return new CursorContext(depth == 0 ? null : block, depth, List.copyOf(statement), prefix, prefixStart, inText);
    }

    private static boolean isWord(Token t) {
        return switch (t.getType()) {
            case RecipeLexer.IDENT, RecipeLexer.PARAM_REF, RecipeLexer.INT, RecipeLexer.USE, RecipeLexer.PARAM -> true;
            case RecipeLexer.UNKNOWN_CHAR -> t.getText().equals("$");
            default -> false;
        };
    }
}
