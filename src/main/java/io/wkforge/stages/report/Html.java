package io.wkforge.stages.report;

import java.util.Locale;

/** A small HTML writer: text is always escaped, markup is added explicitly. */
final class Html {
    private final StringBuilder sb = new StringBuilder(1 << 16);

    /** Raw markup (tags, attributes written by this package). */
    Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** Text, escaped. */
    Html text(String text) {
        sb.append(esc(text));
        return this;
    }

    /** {@code <tag attrs>text</tag>}; attrs is raw markup written by this package, text is escaped. */
    Html el(String tag, String attrs, String text) {
        sb.append('<').append(tag);
        if (attrs != null && !attrs.isEmpty()) sb.append(' ').append(attrs);
        sb.append('>').append(esc(text)).append("</").append(tag).append('>');
        return this;
    }

    Html el(String tag, String text) {
        return el(tag, null, text);
    }

    /** A table row of escaped cells. */
    Html row(String... cells) {
        sb.append("<tr>");
        for (String c : cells) sb.append("<td>").append(esc(c)).append("</td>");
        sb.append("</tr>\n");
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An attribute value, quoted and escaped. */
    static String attr(String name, String value) {
        return name + "=\"" + esc(value) + "\"";
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String seconds(long millis) {
        if (millis < 1000) return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
        if (millis < 120_000) return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis / 1000) % 60);
    }

    /** A number in a short, readable form: 0.000123 as 1.23e-4, 12.5 as 12.5. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) return Long.toString((long) v);
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(Locale.ROOT, "%.3g", v).replace("e-0", "e-").replace("e+0", "e+");
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    static String bytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }
}
