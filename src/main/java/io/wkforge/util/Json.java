package io.wkforge.util;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A minimal JSON writer for machine-readable output (maps, lists, strings, numbers, booleans). */
public final class Json {
    private Json() {}

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    /** The same value on one line, without spaces (for headers embedded in binary files). */
    public static String writeCompact(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, -1);
        return sb.toString();
    }

    /**
     * Parses JSON text into maps (insertion-ordered), lists, strings, Long or Double numbers,
     * booleans and null; throws IllegalArgumentException with the offset of the first problem.
     */
    public static Object read(String text) {
        return new JsonReader(text).readDocument();
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            sb.append("null"); // JSON has no NaN or infinity
        } else if (v instanceof Float f && (f.isNaN() || f.isInfinite())) {
            sb.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            newline(sb, indent);
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                pad(sb, indent + 1);
                quote(sb, String.valueOf(e.getKey()));
                sb.append(indent < 0 ? ":" : ": ");
                write(sb, e.getValue(), child(indent));
                if (it.hasNext()) sb.append(',');
                newline(sb, indent);
            }
            pad(sb, indent);
            sb.append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            newline(sb, indent);
            for (int i = 0; i < l.size(); i++) {
                pad(sb, indent + 1);
                write(sb, l.get(i), child(indent));
                if (i < l.size() - 1) sb.append(',');
                newline(sb, indent);
            }
            pad(sb, indent);
            sb.append(']');
        } else {
            quote(sb, v.toString());
        }
    }

    /** A negative indent means compact output: no line breaks, no padding. */
    private static void pad(StringBuilder sb, int indent) {
        if (indent > 0) sb.append("  ".repeat(indent));
    }

    private static void newline(StringBuilder sb, int indent) {
        if (indent >= 0) sb.append('\n');
    }

    private static int child(int indent) {
        return indent < 0 ? indent : indent + 1;
    }

    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
