package io.wkforge.stages.report;

import io.wkforge.util.JsonFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reading the JSON files stages write (split summary, quant report, verify and deploy records),
 * leniently, through the typed accessor {@link JsonFields}: a missing field is a gap in the page,
 * not a crash.
 */
final class JsonFiles {
    private JsonFiles() {}

    /** A file that exists but cannot be read as the contract says: the page says so in its section. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** The JSON object in a committed output, or null when the stage did not produce it. */
    static Map<?, ?> object(ReportInputs in, String relPath) throws Unreadable {
        Path p = in.file(relPath);
        if (p == null) return null;
        try {
            return (Map<?, ?>) JsonFields.read(p).raw();
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreadable(relPath + ": " + e.getMessage());
        }
    }

    private static <T> T find(Map<?, ?> m, String key, Class<T> type) {
        return m == null ? null : JsonFields.of(m, "").find(key, type);
    }

    static double num(Map<?, ?> m, String key) {
        Number n = find(m, key, Number.class);
        return n != null ? n.doubleValue() : Double.NaN;
    }

    static String str(Map<?, ?> m, String key) {
        Object v = find(m, key, Object.class);
        return v == null ? null : String.valueOf(v);
    }

    static List<?> list(Map<?, ?> m, String key) {
        List<?> l = find(m, key, List.class);
        return l != null ? l : List.of();
    }

    static Map<?, ?> map(Map<?, ?> m, String key) {
        Map<?, ?> x = find(m, key, Map.class);
        return x != null ? x : Map.of();
    }

    static Boolean bool(Map<?, ?> m, String key) {
        return find(m, key, Boolean.class);
    }

    /** A value for display: numbers short, lists joined, null as an em dash. */
    static String show(Object v) {
        if (v == null) return "—";
        if (v instanceof Double d) return Html.number(d);
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (Object o : l) {
                if (sb.length() > 0) sb.append(l.size() > 4 ? ", " : " × ");
                sb.append(show(o));
            }
            return sb.toString();
        }
        return String.valueOf(v);
    }
}
