package io.wkforge.lang.syntax;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of number tokens into values without ever throwing, whatever the digits: the
 * lexer has already decided the shape, so what is left is size. Ranges are the checker's job
 * (E105); this class only has to keep every value comparable with a range.
 */
final class NumberLiterals {
    /**
     * Decimal magnitudes beyond 1e±LIMIT are held as ±1e±(LIMIT+1). No setting's range comes
     * anywhere near (a 64-bit float ends at 1e308), so they compare with every bound exactly as
     * the written number would, and a literal like {@code 1e9999999999} (whose exponent does not
     * even fit BigDecimal's scale) costs nothing to hold.
     */
    static final int EXPONENT_LIMIT = Value.DecimalLit.EXPONENT_LIMIT;

    private static final Pattern DECIMAL = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?)(?:[eE]([+-]?[0-9]+))?");
    private static final Pattern VALID_PREFIX = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
    private static final Pattern HEX = Pattern.compile("(-?)0[xX]([0-9a-fA-F]+)");

    private NumberLiterals() {}

    /**
     * Texts longer than this take the linear path below: Java parses a number's digits in time
     * quadratic in their count (a million digits: 16 s), and no setting needs more than a few.
     */
    static final int LONG_TEXT = 1_000;

    /** Significant digits kept of a longer decimal, plus one sticky digit for what was dropped. */
    static final int KEPT_DIGITS = 1_000;

    /** 10^(LIMIT+1), built on first use: computing it costs every start ~10-20 ms, and only huge literals need it. */
    private static final class Beyond {
        static final BigInteger VALUE = BigInteger.TEN.pow(EXPONENT_LIMIT + 1);
    }

    /**
     * An INT token: {@code -?[0-9]+}, any number of digits; exact up to 1e{@value #EXPONENT_LIMIT}
     * and held as ±1e(LIMIT+1) beyond, like decimals (every range ends far below).
     */
    static BigInteger integer(String text) {
        if (text.length() <= LONG_TEXT) return new BigInteger(text);
        boolean negative = text.startsWith("-");
        int from = negative ? 1 : 0;
        while (from < text.length() - 1 && text.charAt(from) == '0') from++;
        if (text.length() - from > EXPONENT_LIMIT + 1) return negative ? Beyond.VALUE.negate() : Beyond.VALUE;
        BigInteger n = new BigInteger(text.substring(from));
        return negative ? n.negate() : n;
    }

    /** A DECIMAL token ({@code 1.5}, {@code 1e-4}, {@code 2.5E+7}), or the number part of a PERCENT token. */
    static BigDecimal decimal(String text) {
        Matcher m = DECIMAL.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("not a decimal token: " + text); // the lexer's shape; a bug
        if (text.length() > LONG_TEXT) return longDecimal(m.group(1), m.group(2));
        BigDecimal mantissa = new BigDecimal(m.group(1));
        if (m.group(2) == null || mantissa.signum() == 0) return mantissa;
        BigInteger exponent = new BigInteger(m.group(2));
        // the exponent of the leading digit: 12.5e3 -> 4
        BigInteger adjusted = exponent.add(BigInteger.valueOf((long) mantissa.precision() - mantissa.scale() - 1));
        if (adjusted.abs().compareTo(BigInteger.valueOf(EXPONENT_LIMIT)) > 0) {
            int beyond = adjusted.signum() * (EXPONENT_LIMIT + 1);
            return BigDecimal.valueOf(mantissa.signum()).scaleByPowerOfTen(beyond);
        }
        // |exponent| <= LIMIT + the number of digits written, so it fits an int
        return mantissa.scaleByPowerOfTen(exponent.intValueExact());
    }

    /**
     * A decimal with more than {@link #LONG_TEXT} characters, in linear time: its first
     * {@link #KEPT_DIGITS} significant digits, then a 1 when any dropped digit was not 0. That
     * digit keeps every comparison with a bound of fewer digits as the written number's: no
     * setting's bound has a thousand significant digits.
     */
    private static BigDecimal longDecimal(String mantissaText, String exponentText) {
        boolean negative = mantissaText.startsWith("-");
        String unsigned = negative ? mantissaText.substring(1) : mantissaText;
        int point = unsigned.indexOf('.');
        String digits = point < 0 ? unsigned : unsigned.substring(0, point) + unsigned.substring(point + 1);
        int fraction = point < 0 ? 0 : unsigned.length() - point - 1;
        int lead = 0;
        while (lead < digits.length() && digits.charAt(lead) == '0') lead++;
        if (lead == digits.length()) return BigDecimal.ZERO;
        String significant = digits.substring(lead);
        // value = significant x 10^(exponent - fraction); its leading digit's exponent:
        BigInteger exponent = exponentText == null ? BigInteger.ZERO : new BigInteger(exponentText);
        BigInteger power = exponent.subtract(BigInteger.valueOf(fraction));
        BigInteger adjusted = power.add(BigInteger.valueOf(significant.length() - 1L));
        if (adjusted.abs().compareTo(BigInteger.valueOf(EXPONENT_LIMIT)) > 0) {
            int beyond = adjusted.signum() * (EXPONENT_LIMIT + 1);
            return BigDecimal.valueOf(negative ? -1 : 1).scaleByPowerOfTen(beyond);
        }
        String kept = significant;
        if (significant.length() > KEPT_DIGITS) {
            kept = significant.substring(0, KEPT_DIGITS);
            boolean droppedNonZero = false;
            for (int i = KEPT_DIGITS; i < significant.length() && !droppedNonZero; i++) droppedNonZero = significant.charAt(i) != '0';
            if (droppedNonZero) kept += "1";
        }
        // |adjusted| <= LIMIT, so the power of the last kept digit fits an int
        int lastPower = adjusted.intValueExact() - (kept.length() - 1);
        BigDecimal v = new BigDecimal(new BigInteger(kept), -lastPower);
        return negative ? v.negate() : v;
    }

    /** One side of a SIZE token; sides beyond an int are held as Integer.MAX_VALUE (every size range is far smaller). */
    static int side(String digits) {
        int from = 0;
        while (from < digits.length() - 1 && digits.charAt(from) == '0') from++;
        if (digits.length() - from > 10) return Integer.MAX_VALUE;
        BigInteger n = new BigInteger(digits.substring(from));
        return n.bitLength() < 32 ? n.intValue() : Integer.MAX_VALUE;
    }

    /**
     * What a malformed number most likely meant, as the text of a valid INT or DECIMAL token, so
     * the checker can go on without a second error: {@code 1.} -> {@code 1}, {@code .5} -> {@code 0.5},
     * {@code 0xff} -> {@code 255}, {@code 32px} -> {@code 32}.
     */
    static String repair(String malformed) {
        Matcher hex = HEX.matcher(malformed);
        if (hex.matches()) {
            // beyond a thousand hex digits the exact value cannot matter: it is out of every range
            return hex.group(2).length() > LONG_TEXT ? hex.group(1) + "1e" + (EXPONENT_LIMIT + 1)
                    : hex.group(1) + new BigInteger(hex.group(2), 16);
        }
        String text = malformed.startsWith("-.") ? "-0" + malformed.substring(1)
                : malformed.startsWith(".") ? "0" + malformed : malformed;
        Matcher m = VALID_PREFIX.matcher(text);
        return m.lookingAt() ? m.group() : "0";
    }

    /** @param reason completes "`1.` is not a number: ..."; null when nothing more specific can be said */
    record Complaint(String reason, String help) {}

    /** Why {@code text} (a MALFORMED_NUMBER token) is not a number, and what to write instead. */
    static Complaint complaint(String text) {
        if (text.length() > 40) return new Complaint(null, GENERIC_HELP); // no point echoing a page of digits
        String unsigned = text.startsWith("-") ? text.substring(1) : text;
        if (HEX.matcher(text).matches()) {
            return new Complaint("hexadecimal numbers are not supported", "write it in decimal: `" + repair(text) + "`");
        }
        if (unsigned.startsWith(".")) {
            return new Complaint("it cannot start with `.`", "write `" + repair(text) + "`");
        }
        if (unsigned.matches("[0-9]+\\.")) {
            String whole = text.substring(0, text.length() - 1);
            return new Complaint("a decimal point needs digits after it", "write `" + whole + "` or `" + whole + ".0`");
        }
        if (unsigned.matches("[0-9]+(\\.[0-9]+){2,}")) {
            return new Complaint(null, "text such as an address must be quoted: `\"" + text + "\"`");
        }
        if (unsigned.matches("[0-9]+(\\.[0-9]+)?[eE]")) {
            return new Complaint("an exponent needs digits", "e.g. `1e-4`");
        }
        if (unsigned.matches("[0-9]+x[0-9]+.*")) {
            return new Complaint("a size is WIDTHxHEIGHT", "e.g. `224x224`");
        }
        return new Complaint(null, GENERIC_HELP);
    }

    private static final String GENERIC_HELP = "numbers are written `42`, `0.5`, `1e-4`, `10%` or `224x224`; "
            + "put a space between a number and a name, or quote text";
}
