package io.wkforge.caffe.text;

import io.wkforge.caffe.lint.CaffeCode;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser of protobuf's text format that recovers from every error: it
 * reports the problem, skips what it cannot read and goes on, so one run shows all problems and
 * a half-broken file still yields the layers that can be read. Nesting is capped (a file of ten
 * thousand `{` must not overflow the stack) and so is the number of reported errors.
 */
final class TextParser {
    static final int MAX_ERRORS = 50;
    static final int MAX_DEPTH = 64;

    private final SourceFile source;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Token> tokens;
    private int at;
    private boolean tooMany;

    TextParser(SourceFile source) {
        this.source = source;
        this.tokens = new TextLexer(source, errors).tokens();
    }

    Prototxt parse() {
        TextNode root = TextNode.message("", new Span(0, 0));
        fields(root, null, 0);
        root.endAt(source.text().length());
        return new Prototxt(source, root, capped());
    }

    /**
     * message := field* ; stops at the closing symbol (`}` or `>`), which the caller consumes, or
     * at the end of the file.
     */
    private void fields(TextNode into, String closing, int depth) {
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.EOF) return;
            if (closing != null && t.is(closing)) return;
            if (t.kind() == Token.Kind.IDENT) {
                field(into, depth);
                continue;
            }
            if (t.is("}") || t.is(">")) {
                error(t.span(), "unmatched `" + t.text() + "`", "remove it, or open a block before it");
            } else {
                error(t.span(), "expected a field name, found " + t.describe(), null);
            }
            next();
        }
    }

    /** field := NAME (':' value | ':'? ('{' message '}' | '<' message '>')) (';' | ',')? */
    private void field(TextNode into, int depth) {
        Token name = next();
        boolean colon = false;
        if (peek().is(":")) {
            next();
            colon = true;
        }
        Token t = peek();
        if (t.is("{") || t.is("<")) {
            into.add(block(name, depth));
        } else if (t.is("[") && colon) {
            list(into, name, depth);
        } else if (colon) {
            Scalar v = scalar();
            if (v != null) into.add(TextNode.scalar(name.text(), name.span(), v));
        } else {
            error(name.span(), "expected `:` or `{` after field `" + name.text() + "`, found " + t.describe(),
                    "write `" + name.text() + ": VALUE` or `" + name.text() + " { ... }`");
        }
        if (peek().is(";") || peek().is(",")) next();
    }

    private TextNode block(Token name, int depth) {
        Token open = next();
        String closing = open.is("{") ? "}" : ">";
        TextNode node = TextNode.message(name.text(), name.span());
        if (depth >= MAX_DEPTH) {
            error(open.span(), "blocks nested more than " + MAX_DEPTH + " deep", null);
            skipBalanced(open.text(), closing);
            node.endAt(previous().end());
            return node;
        }
        fields(node, closing, depth + 1);
        if (peek().is(closing)) {
            node.endAt(next().end());
        } else {
            error(name.span(), "block `" + name.text() + "` is not closed", "add `" + closing + "` at its end");
            node.endAt(previous().end());
        }
        return node;
    }

    /** name: [v1, v2, ...] — the list form of a repeated field; each element becomes a field. */
    private void list(TextNode into, Token name, int depth) {
        next(); // [
        if (peek().is("]")) {
            next();
            return;
        }
        while (true) {
            Token t = peek();
            if (t.is("{") || t.is("<")) {
                into.add(block(name, depth));
            } else {
                Scalar v = scalar();
                if (v != null) into.add(TextNode.scalar(name.text(), name.span(), v));
                else if (!t.is(",") && !t.is("]") && t.kind() != Token.Kind.EOF) next();
            }
            if (peek().is(",")) {
                next();
            } else if (peek().is("]")) {
                next();
                return;
            } else {
                error(peek().span(), "expected `,` or `]` in the list of `" + name.text() + "`, found " + peek().describe(), null);
                return;
            }
        }
    }

    /** A scalar: adjacent strings concatenated, an identifier, or a number with an optional minus. */
    private Scalar scalar() {
        Token t = peek();
        switch (t.kind()) {
            case STRING -> {
                StringBuilder value = new StringBuilder();
                Token first = t;
                Token last = t;
                while (peek().kind() == Token.Kind.STRING) {
                    last = next();
                    value.append(last.text());
                }
                return new Scalar(Scalar.Kind.STRING, value.toString(), new Span(first.start(), last.end()));
            }
            case IDENT -> {
                next();
                return new Scalar(Scalar.Kind.IDENT, t.text(), t.span());
            }
            case NUMBER -> {
                next();
                return new Scalar(Scalar.Kind.NUMBER, t.text(), t.span());
            }
            default -> {
                if (t.is("-")) {
                    next();
                    Token n = peek();
                    if (n.kind() == Token.Kind.NUMBER || n.kind() == Token.Kind.IDENT) {
                        next();
                        return new Scalar(Scalar.Kind.NUMBER, "-" + n.text(), new Span(t.start(), n.end()));
                    }
                    error(t.span(), "expected a number after `-`", null);
                    return null;
                }
                error(t.span(), "expected a value, found " + t.describe(), null);
                return null;
            }
        }
    }

    /** Lexer and parser errors in file order, at most {@link #MAX_ERRORS} and a note. */
    private List<Diagnostic> capped() {
        List<Diagnostic> sorted = new ArrayList<>(errors);
        sorted.sort(java.util.Comparator.comparingInt(d -> d.span().start()));
        if (sorted.size() <= MAX_ERRORS + 1) return List.copyOf(sorted);
        List<Diagnostic> out = new ArrayList<>(sorted.subList(0, MAX_ERRORS));
        if (out.stream().noneMatch(d -> d.code() == CaffeCode.TOO_MANY_ERRORS)) {
            out.add(Diagnostic.of(CaffeCode.TOO_MANY_ERRORS, source, sorted.get(MAX_ERRORS).span(),
                    "more than " + MAX_ERRORS + " syntax errors; stopped reporting them"));
        }
        return List.copyOf(out);
    }

    private void skipBalanced(String open, String close) {
        int level = 1;
        while (peek().kind() != Token.Kind.EOF && level > 0) {
            Token t = next();
            if (t.is(open)) level++;
            else if (t.is(close)) level--;
        }
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token t = tokens.get(at);
        if (at < tokens.size() - 1) at++;
        return t;
    }

    private Token previous() {
        return tokens.get(Math.max(0, at - 1));
    }

    private void error(Span span, String message, String help) {
        if (tooMany) return;
        if (errors.size() >= MAX_ERRORS) {
            tooMany = true;
            errors.add(Diagnostic.of(CaffeCode.TOO_MANY_ERRORS, source, span,
                    "more than " + MAX_ERRORS + " syntax errors; stopped reporting them"));
            return;
        }
        Diagnostic d = Diagnostic.of(CaffeCode.SYNTAX, source, span, message);
        errors.add(help == null ? d : d.withHelp(help));
    }
}
