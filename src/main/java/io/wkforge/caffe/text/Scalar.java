package io.wkforge.caffe.text;

import io.wkforge.lang.source.Span;

/**
 * A scalar value as written: a quoted string (decoded), an identifier (an enum value, a boolean,
 * {@code inf}) or a number (sign included). Conversions return null when the text is not of
 * that kind, so a checker can say what was expected instead of failing.
 */
public record Scalar(Kind kind, String text, Span span) {
    public enum Kind { STRING, IDENT, NUMBER }

    /** An integer literal (decimal, 0x hex or 0 octal), or null. */
    public Long asLong() {
        if (kind != Kind.NUMBER) return null;
        String t = text;
        boolean negative = t.startsWith("-");
        if (negative) t = t.substring(1);
        try {
            long v;
            if (t.startsWith("0x") || t.startsWith("0X")) v = Long.parseUnsignedLong(t.substring(2), 16);
            else if (t.length() > 1 && t.startsWith("0")) v = Long.parseLong(t.substring(1), 8);
            else v = Long.parseLong(t);
            return negative ? -v : v;
        } catch (NumberFormatException notInteger) {
            return null;
        }
    }

    /** A floating-point literal (an integer, {@code 1.5}, {@code 1e-5}, {@code 2.0f}, {@code inf}, {@code nan}), or null. */
    public Double asDouble() {
        if (kind == Kind.IDENT || (kind == Kind.NUMBER && text.startsWith("-") && Character.isLetter(text.charAt(1)))) {
            String word = text.replace("-", "").toLowerCase(java.util.Locale.ROOT);
            double sign = text.startsWith("-") ? -1 : 1;
            if (word.equals("inf") || word.equals("infinity")) return sign * Double.POSITIVE_INFINITY;
            if (word.equals("nan")) return Double.NaN;
            return null;
        }
        if (kind != Kind.NUMBER) return null;
        Long integer = asLong();
        if (integer != null) return integer.doubleValue();
        String t = text;
        if (t.endsWith("f") || t.endsWith("F")) t = t.substring(0, t.length() - 1);
        if (t.isEmpty() || !t.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return null;
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException bad) {
            return null;
        }
    }

    /** {@code true}/{@code false} as protobuf's text format spells them ({@code True}, {@code t}, 1, 0), or null. */
    public Boolean asBoolean() {
        if (kind == Kind.IDENT) {
            return switch (text) {
                case "true", "True", "t" -> Boolean.TRUE;
                case "false", "False", "f" -> Boolean.FALSE;
                default -> null;
            };
        }
        if (kind == Kind.NUMBER && (text.equals("1") || text.equals("0"))) return text.equals("1");
        return null;
    }

    /** The value as it would read in a message to a user. */
    public String display() {
        return kind == Kind.STRING ? "\"" + text + "\"" : text;
    }
}
