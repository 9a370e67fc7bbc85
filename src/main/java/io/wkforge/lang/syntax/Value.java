package io.wkforge.lang.syntax;

import io.wkforge.lang.source.Span;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A literal as written in a recipe. Every kind keeps its original text so the formatter never
 * changes a number's spelling (users care about the digits of a data_scale).
 */
public sealed interface Value {
    Span span();

    /** The source text of the literal, e.g. {@code 1e-4}, {@code "v/*.avi"}, {@code $epochs}. */
    String text();

    /** A short phrase for messages: "an integer", "a string". */
    String kindPhrase();

    /** An integer of any size, exactly; {@code -0} is 0. The checker reports values outside a setting's range. */
    record IntLit(BigInteger value, String text, Span span) implements Value {
        public String kindPhrase() { return "an integer"; }

        /** The value as a long, for values the checker has already held to a range. */
        public long longValue() {
            return value.longValueExact();
        }
    }

    /**
     * A decimal number, exactly as written, except that magnitudes beyond 1e±10000 are held as
     * ±1e±10001: no range comes near them, so they compare with every bound as the written
     * number would (see NumberLiterals).
     */
    record DecimalLit(BigDecimal value, String text, Span span) implements Value {
        /** Beyond 1e±EXPONENT_LIMIT a magnitude is held as 1e±(EXPONENT_LIMIT + 1). */
        public static final int EXPONENT_LIMIT = 10_000;

        public String kindPhrase() { return "a decimal number"; }
    }

    /** {@code 20%}: {@link #percent()} is 20, {@link #fraction()} is 0.2. */
    record PercentLit(BigDecimal percent, String text, Span span) implements Value {
        public String kindPhrase() { return "a percentage"; }

        public BigDecimal fraction() {
            return percent.movePointLeft(2);
        }
    }

    /** A side too large for an int is held as Integer.MAX_VALUE: every size range is far smaller. */
    record SizeLit(int width, int height, String text, Span span) implements Value {
        public String kindPhrase() { return "a size"; }
    }

    record StringLit(String value, String text, Span span) implements Value {
        public String kindPhrase() { return "a string"; }

        /** Quotes and escapes a plain string as a recipe literal. */
        public static String quote(String raw) {
            return '"' + raw.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }

    record IdentLit(String name, Span span) implements Value {
        public String text() { return name; }

        public String kindPhrase() { return "a name"; }
    }

    record ParamRef(String name, Span span) implements Value {
        public String text() { return "$" + name; }

        public String kindPhrase() { return "a parameter reference"; }
    }
}
