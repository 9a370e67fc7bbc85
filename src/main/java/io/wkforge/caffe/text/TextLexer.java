package io.wkforge.caffe.text;

import io.wkforge.caffe.lint.CaffeCode;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits protobuf text into tokens. Never fails: a stray character is reported once per run of
 * stray characters and skipped, an unterminated string ends at the end of its line.
 */
final class TextLexer {
    private final SourceFile source;
    private final String text;
    private final List<Diagnostic> diagnostics;
    private int pos;

    TextLexer(SourceFile source, List<Diagnostic> diagnostics) {
        this.source = source;
        this.text = source.text();
        this.diagnostics = diagnostics;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        int strayStart = -1;
        while (true) {
            skipSpaceAndComments();
            if (pos >= text.length()) break;
            char c = text.charAt(pos);
            Token t = null;
            if (Character.isLetter(c) || c == '_') {
                t = identifier();
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
                t = number();
            } else if (c == '"' || c == '\'') {
                t = string(c);
            } else if (":{}<>[],;-".indexOf(c) >= 0) {
                t = new Token(Token.Kind.SYMBOL, pos, pos + 1, String.valueOf(c));
                pos++;
            }
            if (t == null) {
                if (strayStart < 0) strayStart = pos;
                pos++;
                continue;
            }
            if (strayStart >= 0) {
                stray(strayStart, t.start());
                strayStart = -1;
            }
            out.add(t);
        }
        if (strayStart >= 0) stray(strayStart, pos);
        out.add(new Token(Token.Kind.EOF, text.length(), text.length(), ""));
        return out;
    }

    private void stray(int start, int end) {
        String what = text.substring(start, Math.min(end, start + 10)).strip();
        diagnostics.add(Diagnostic.of(CaffeCode.SYNTAX, source, new Span(start, end),
                "unexpected character" + (end - start > 1 ? "s" : "") + " `" + what + "`"));
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') pos++;
            } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else {
                return;
            }
        }
    }

    private Token identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        return new Token(Token.Kind.IDENT, start, pos, text.substring(start, pos));
    }

    /** Digits, letters (hex, exponent, the `f` suffix), dots and an exponent's sign; checked later. */
    private Token number() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
                pos++;
            } else if ((c == '+' || c == '-') && pos > start && "eE".indexOf(text.charAt(pos - 1)) >= 0
                    && !text.startsWith("0x", start) && !text.startsWith("0X", start)) {
                pos++;
            } else {
                break;
            }
        }
        return new Token(Token.Kind.NUMBER, start, pos, text.substring(start, pos));
    }

    private Token string(char quote) {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                return new Token(Token.Kind.STRING, start, pos, value.toString());
            }
            if (c == '\n') break;
            if (c == '\\' && pos + 1 < text.length()) {
                pos = escape(value, pos + 1);
            } else {
                value.append(c);
                pos++;
            }
        }
        diagnostics.add(Diagnostic.of(CaffeCode.SYNTAX, source, new Span(start, pos), "unterminated string")
                .withHelp("close the string with " + quote + " on the same line"));
        return new Token(Token.Kind.STRING, start, pos, value.toString());
    }

    /** Decodes the escape whose letter is at {@code at}; returns the offset after it. */
    private int escape(StringBuilder value, int at) {
        char e = text.charAt(at);
        switch (e) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'a' -> value.append('\u0007');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'v' -> value.append('\u000b');
            case 'x', 'X' -> {
                int end = at + 1;
                while (end < text.length() && end < at + 3 && Character.digit(text.charAt(end), 16) >= 0) end++;
                if (end > at + 1) value.append((char) Integer.parseInt(text.substring(at + 1, end), 16));
                return end;
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int end = at;
                    while (end < text.length() && end < at + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') end++;
                    value.append((char) Integer.parseInt(text.substring(at, end), 8));
                    return end;
                }
                value.append(e); // \" \' \\ \? and anything else stands for itself
            }
        }
        return at + 1;
    }
}
