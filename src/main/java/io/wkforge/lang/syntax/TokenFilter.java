package io.wkforge.lang.syntax;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.parser.RecipeLexer;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * Sits between the lexer and the parser and repairs what would otherwise cascade:
 * <ul>
 *   <li>a character the lexer cannot place is reported once, at its place, and hidden from the
 *       parser;</li>
 *   <li>an unterminated string is reported and handed on as a string;</li>
 *   <li>a malformed number ({@code 1.}, {@code 0xff}) is reported and handed on as the number it
 *       most likely meant, so the setting it belongs to gets no second error; so is a decimal
 *       comma ({@code 0,01}, two numbers and a stray comma to the lexer);</li>
 *   <li>a block whose {@code }} is missing is closed with a {@link ConjuredBrace} at the next
 *       line that starts a block ({@code name [label] {}) or at the end of the file, so one
 *       forgotten brace costs one error and the grammar needs no ambiguous optional brace.</li>
 * </ul>
 * Braces nested deeper than {@link #MAX_DEPTH} are hidden from the parser with their closing
 * braces: blocks do not nest, the first nested brace is already an error, and the grammar's
 * recursion must not meet a file of 100,000 {@code {} (a stack overflow).
 * Comments are collected here too, for the formatter.
 */
final class TokenFilter implements TokenSource {
    /** A closing brace that is not in the text; the tree builder reports the block as never closed. */
    static final class ConjuredBrace extends CommonToken {
        ConjuredBrace(int at) {
            super(RecipeLexer.RBRACE, "}");
            setStartIndex(at);
            setStopIndex(at - 1);
        }
    }

    private final Utf16Lexer lexer;
    private final SourceFile source;
    private final List<Diagnostic> errors;
    private final List<Comment> comments;
    private final Deque<Token> pending = new ArrayDeque<>();
    /** Lexer tokens read ahead (to recognise a decimal comma) and not yet filtered. */
    private final Deque<Token> lookahead = new ArrayDeque<>();
    /** The lexer token filtered last (a comma right before a number makes it part of a comma list). */
    private Token previousRaw;
    static final int MAX_DEPTH = 8;
    private int depth;
    /** Braces opened beyond MAX_DEPTH and not closed yet: their tokens never reach the parser. */
    private int hiddenDepth;
    private boolean atLineStart = true;
    private int lastRealEnd;

    TokenFilter(Utf16Lexer lexer, SourceFile source, List<Diagnostic> errors, List<Comment> comments) {
        this.lexer = lexer;
        this.source = source;
        this.errors = errors;
        this.comments = comments;
    }

    @Override
    public Token nextToken() {
        Token t = pending.isEmpty() ? filtered() : pending.poll();
        while (!(t instanceof ConjuredBrace) && hidesBrace(t)) t = pending.isEmpty() ? filtered() : pending.poll();
        if (t instanceof ConjuredBrace) return t;
        switch (t.getType()) {
            case RecipeLexer.LBRACE -> depth++;
            case RecipeLexer.RBRACE -> depth = Math.max(0, depth - 1);
            case Token.EOF -> {
                if (depth > 0) return closeAllBefore(t);
            }
            case RecipeLexer.IDENT -> {
                if (atLineStart && depth > 0 && startsBlock()) return closeAllBefore(t);
            }
            default -> { }
        }
        if (t.getChannel() == Token.DEFAULT_CHANNEL) {
            atLineStart = t.getType() == RecipeLexer.NEWLINE;
            if (t.getType() != RecipeLexer.NEWLINE && t.getType() != Token.EOF) lastRealEnd = t.getStopIndex() + 1;
        }
        return t;
    }

    private boolean hidesBrace(Token t) {
        if (t.getType() == RecipeLexer.LBRACE && (depth >= MAX_DEPTH || hiddenDepth > 0)) {
            hiddenDepth++;
            return true;
        }
        if (t.getType() == RecipeLexer.RBRACE && hiddenDepth > 0) {
            hiddenDepth--;
            return true;
        }
        return false;
    }

    /**
     * Closes every open block before {@code next}: returns the first closing brace and queues the
     * others, then {@code next}, then whatever was already queued.
     */
    private Token closeAllBefore(Token next) {
        List<Token> order = new ArrayList<>();
        for (int i = 1; i < depth; i++) order.add(new ConjuredBrace(lastRealEnd));
        order.add(next);
        order.addAll(pending);
        pending.clear();
        pending.addAll(order);
        depth = 0;
        hiddenDepth = 0;
        atLineStart = false;
        return new ConjuredBrace(lastRealEnd);
    }

    /**
     * Whether the line whose first token was just read continues {@code [label...] {}, i.e. starts
     * a block. Reads ahead on the line and queues what it read, so nothing is lost.
     */
    private boolean startsBlock() {
        List<Token> line = new ArrayList<>();
        boolean result = false;
        while (true) {
            Token t = filtered();
            line.add(t);
            int type = t.getType();
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            if (type == RecipeLexer.LBRACE) {
                result = true;
                break;
            }
            if (type != RecipeLexer.IDENT && type != RecipeLexer.STRING) break;
        }
        // `first` is handed back through `pending` after any closing braces
        pending.addAll(line);
        return result;
    }

    /** The next token from the lexer, with stray characters reported and dropped. */
    private Token filtered() {
        while (true) {
            Token t = raw();
            Token before = previousRaw;
            previousRaw = t;
            switch (t.getType()) {
                case RecipeLexer.UNKNOWN_CHAR -> errors.add(Diagnostic.of(Code.UNEXPECTED_CHARACTER, source, spanOf(t),
                        "unexpected character `" + t.getText() + "`").withHelp(unknownCharHelp(t.getText())));
                case RecipeLexer.UNTERMINATED_STRING -> {
                    errors.add(Diagnostic.of(Code.UNTERMINATED_STRING, source, spanOf(t),
                            "string is not closed on this line").withHelp("add a closing `\"`"));
                    CommonToken fixed = new CommonToken(t);
                    fixed.setType(RecipeLexer.STRING);
                    fixed.setText(t.getText() + "\"");
                    return fixed;
                }
                case RecipeLexer.MALFORMED_NUMBER -> {
                    NumberLiterals.Complaint why = NumberLiterals.complaint(t.getText());
                    String shown = t.getText().length() > 40 ? t.getText().substring(0, 37) + "..." : t.getText();
                    errors.add(Diagnostic.of(Code.MALFORMED_NUMBER, source, spanOf(t), "`" + shown + "` is not a number"
                            + (why.reason() == null ? "" : ": " + why.reason())).withHelp(why.help()));
                    String repaired = NumberLiterals.repair(t.getText());
                    CommonToken fixed = new CommonToken(t);
                    fixed.setType(repaired.matches("-?[0-9]+") ? RecipeLexer.INT : RecipeLexer.DECIMAL);
                    fixed.setText(repaired);
                    return fixed;
                }
                case RecipeLexer.INT -> {
                    Token decimal = decimalComma(before, t);
                    return decimal != null ? decimal : t;
                }
                case RecipeLexer.COMMENT -> {
                    comments.add(new Comment(t.getText().stripTrailing(), spanOf(t)));
                    return t;
                }
                default -> {
                    return t;
                }
            }
        }
    }

    private static Span spanOf(Token t) {
        return new Span(t.getStartIndex(), t.getStopIndex() + 1);
    }

    private Token raw() {
        return lookahead.isEmpty() ? lexer.nextToken() : lookahead.poll();
    }

    /** The k-th lexer token after the current one (0: the next), read ahead and kept for {@link #raw}. */
    private Token peek(int k) {
        while (lookahead.size() <= k) lookahead.add(lexer.nextToken());
        return lookahead.stream().skip(k).findFirst().orElseThrow();
    }

    /**
     * {@code 0,01} written for 0.01 (a decimal comma, as many locales write it): the lexer sees
     * {@code 0}, a stray comma and {@code 01}, and the setting would get three errors, the first
     * about the value 0. Reported once and handed on as the decimal meant. A comma list such as
     * {@code 1,2,3} is left to the stray-comma message, which says how lists are written.
     */
    private Token decimalComma(Token before, Token whole) {
        if (before != null && before.getText().equals(",") && before.getStopIndex() + 1 == whole.getStartIndex()) return null;
        Token comma = peek(0);
        if (comma.getType() != RecipeLexer.UNKNOWN_CHAR || !comma.getText().equals(",") || comma.getStartIndex() != whole.getStopIndex() + 1) return null;
        Token fraction = peek(1);
        if (fraction.getType() != RecipeLexer.INT || fraction.getText().startsWith("-") || fraction.getStartIndex() != comma.getStopIndex() + 1) return null;
        Token after = peek(2);
        if (after.getStartIndex() == fraction.getStopIndex() + 1 && after.getText().equals(",")) return null;
        lookahead.poll();
        lookahead.poll();
        String meant = whole.getText() + "." + fraction.getText();
        errors.add(Diagnostic.of(Code.MALFORMED_NUMBER, source, new Span(whole.getStartIndex(), fraction.getStopIndex() + 1),
                "`" + whole.getText() + "," + fraction.getText() + "` is not a number: a decimal uses a point").withHelp("write `" + meant + "`"));
        CommonToken fixed = new CommonToken(whole);
        fixed.setType(RecipeLexer.DECIMAL);
        fixed.setText(meant);
        fixed.setStopIndex(fraction.getStopIndex());
        return fixed;
    }

    private static String unknownCharHelp(String ch) {
        return switch (ch) {
            case "[", "]", "," -> "list values are separated by spaces: `mean 127.5 127.5 127.5`";
            case ":" -> "a setting is written `key value`, without a colon";
            case "'" -> "strings use double quotes";
            case "/", "*" -> "paths and patterns must be quoted: \"videos/*.mp4\"";
            case "$" -> "a parameter reference is `$name`";
            default -> null;
        };
    }

    @Override public int getLine() { return lexer.getLine(); }
    @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
    @Override public CharStream getInputStream() { return lexer.getInputStream(); }
    @Override public String getSourceName() { return lexer.getSourceName(); }
    @Override public void setTokenFactory(TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
    @Override public TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
}
