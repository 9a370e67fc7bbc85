package io.wkforge.lang.syntax;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.parser.RecipeLexer;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Turns ANTLR's recognition errors into recipe diagnostics in the project's own words. */
final class SyntaxErrorListener extends BaseErrorListener {
    private final SourceFile source;
    private final List<Diagnostic> errors;

    SyntaxErrorListener(SourceFile source, List<Diagnostic> errors) {
        this.source = source;
        this.errors = errors;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int col,
                            String antlrMessage, RecognitionException e) {
        Token token = offendingSymbol instanceof Token t ? t : null;
        Span span = token == null || token.getStartIndex() < 0
                ? new Span(source.offsetOf(line, col + 1), source.offsetOf(line, col + 1))
                : new Span(token.getStartIndex(), token.getStopIndex() + 1);
        String found = token == null ? "input" : describe(token);
        IntervalSet expected = recognizer instanceof Parser p ? safeExpected(p, e) : null;
        String expectedText = expected == null ? null : describeExpected(expected);
        String message;
        if (antlrMessage.startsWith("missing ")) {
            message = "missing " + (expectedText != null ? expectedText : "something") + " before " + found;
        } else {
            message = "unexpected " + found;
        }
        String help = expectedText == null ? null : "expected " + expectedText;
        if (token != null && token.getType() == RecipeLexer.LBRACE) {
            help = "a block is written `name [label] { ... }` at the top level; blocks do not nest";
        } else if (token != null && token.getType() == RecipeLexer.EQUALS) {
            help = "a setting is written `key value`, without `=`; only `param` uses `=`";
        }
        if (span.length() == 0 && token != null && token.getType() == Token.EOF && span.start() > 0) {
            span = new Span(span.start() - 1, span.start());
        }
        errors.add(Diagnostic.of(Code.SYNTAX, source, span, message).withHelp(help));
    }

    private static IntervalSet safeExpected(Parser p, RecognitionException e) {
        try {
            return e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : p.getExpectedTokens();
        } catch (RuntimeException ignored) {
            return null;
        }
    }

    static String describe(Token t) {
        return switch (t.getType()) {
            case Token.EOF -> "end of file";
            case RecipeLexer.NEWLINE -> "end of line";
            default -> "`" + t.getText() + "`";
        };
    }

    private static String describeExpected(IntervalSet set) {
        List<String> names = new ArrayList<>();
        for (int type : set.toList()) {
            String n = tokenPhrase(type);
            if (n != null && !names.contains(n)) names.add(n);
        }
        if (names.isEmpty() || names.size() > 5) return null;
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String tokenPhrase(int type) {
        return switch (type) {
            case Token.EOF -> "end of file";
            case RecipeLexer.NEWLINE -> "end of line";
            case RecipeLexer.SEMI -> "`;`";
            case RecipeLexer.LBRACE -> "`{`";
            case RecipeLexer.RBRACE -> "`}`";
            case RecipeLexer.EQUALS -> "`=`";
            case RecipeLexer.IDENT -> "a name";
            case RecipeLexer.STRING -> "a string";
            case RecipeLexer.INT -> "a number";
            case RecipeLexer.USE -> "`use`";
            case RecipeLexer.PARAM -> "`param`";
            // value tokens are summarised by "a name"/"a string"/"a number" above
            default -> null;
        };
    }
}
