package io.wkforge.lang.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.WritableToken;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The parser's tokens, holding only a window around the parser's position instead of every
 * token of the file as ANTLR's {@code CommonTokenStream} does. A 5 MB recipe has a million
 * tokens (about 50 MB as objects); the parser looks a few tokens ahead and one behind, and the
 * tree builder reads the tokens of the statement just parsed, so a window of
 * {@link #KEPT_BEHIND} tokens behind the position is plenty. Tokens further behind are dropped
 * only while no prediction holds a mark (ANTLR seeks back only inside a marked stretch).
 *
 * <p>Only tokens on the default channel are handed to the parser, as {@code CommonTokenStream}
 * does; comments were collected on the way ({@link TokenFilter}). Each token gets its index.
 * Text of dropped tokens is left out of {@link #getText}, which only ANTLR's own error messages
 * ask for (and {@link SyntaxErrorListener} words its own).
 */
final class WindowedTokenStream implements TokenStream {
    /** Tokens kept behind the position: far more than one statement's look-back needs. */
    static final int KEPT_BEHIND = 1024;
    /** The window is trimmed when it holds this many tokens behind the position. */
    private static final int TRIM_AT = 8 * KEPT_BEHIND;

    private final TokenSource source;
    /** Tokens {@code base .. base + window.size() - 1}. */
    private final List<Token> window = new ArrayList<>();
    private int base;
    private int position;
    private int marks;
    private boolean fetchedEof;

    WindowedTokenStream(TokenSource source) {
        this.source = source;
    }

    /** Reads tokens until index {@code i} is in the window (or the end of the file is). */
    private void fetchTo(int i) {
        while (!fetchedEof && base + window.size() <= i) {
            Token t = source.nextToken();
            if (t.getType() != Token.EOF && t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            if (t instanceof WritableToken w) w.setTokenIndex(base + window.size());
            window.add(t);
            if (t.getType() == Token.EOF) fetchedEof = true;
        }
    }

    @Override
    public Token get(int index) {
        if (index < base) throw new IllegalStateException("token " + index + " was dropped (the window starts at " + base + ")");
        fetchTo(index);
        return window.get(Math.min(index - base, window.size() - 1));
    }

    @Override
    public Token LT(int k) {
        if (k == 0) return null;
        if (k < 0) {
            int i = position + k;
            return i < base ? null : window.get(i - base);
        }
        return get(position + k - 1);
    }

    @Override
    public int LA(int i) {
        Token t = LT(i);
        return t == null ? Token.INVALID_TYPE : t.getType();
    }

    @Override
    public void consume() {
        if (LA(1) == Token.EOF) throw new IllegalStateException("cannot consume EOF");
        position++;
        if (marks == 0 && position - base >= TRIM_AT) {
            int drop = position - base - KEPT_BEHIND;
            window.subList(0, drop).clear();
            base += drop;
        }
    }

    @Override
    public int mark() {
        marks++;
        return -marks;
    }

    @Override
    public void release(int marker) {
        marks = Math.max(0, marks - 1);
    }

    @Override
    public int index() {
        return position;
    }

    @Override
    public void seek(int index) {
        if (index < base) throw new IllegalStateException("cannot seek to dropped token " + index);
        position = index;
    }

    @Override
    public int size() {
        return base + window.size();
    }

    @Override
    public String getSourceName() {
        return source.getSourceName();
    }

    @Override
    public TokenSource getTokenSource() {
        return source;
    }

    @Override
    public String getText(Interval interval) {
        StringBuilder sb = new StringBuilder();
        int from = Math.max(interval.a, base);
        int to = Math.min(interval.b, base + window.size() - 1);
        for (int i = from; i <= to; i++) {
            Token t = window.get(i - base);
            if (t.getType() == Token.EOF) break;
            sb.append(t.getText());
        }
        return sb.toString();
    }

    @Override
    public String getText() {
        return getText(Interval.of(base, base + window.size() - 1));
    }

    @Override
    public String getText(RuleContext ctx) {
        return getText(ctx.getSourceInterval());
    }

    @Override
    public String getText(Token start, Token stop) {
        if (start == null || stop == null) return "";
        return getText(Interval.of(start.getTokenIndex(), stop.getTokenIndex()));
    }
}
