package io.wkforge.caffe.text;

import io.wkforge.lang.source.Span;

/** A token of protobuf's text format, as an offset range into the file. */
record Token(Kind kind, int start, int end, String text) {
    enum Kind {
        /** a field name, an enum value, {@code true}, {@code inf} */
        IDENT,
        /** a numeric literal, without its sign */
        NUMBER,
        /** a quoted string; {@code text} holds the decoded value */
        STRING,
        /** one of {@code : { } < > [ ] , ; -} */
        SYMBOL,
        EOF
    }

    Span span() {
        return new Span(start, end);
    }

    boolean is(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** How the token reads in a message: `layer`, "quoted", end of file. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case STRING -> "a string";
            case NUMBER -> "number `" + text + "`";
            default -> "`" + text + "`";
        };
    }
}
