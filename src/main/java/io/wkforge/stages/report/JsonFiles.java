package io.wkforge.stages.report;

import io.wkforge.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reading the JSON files stages write, leniently: a missing field is a gap in the page, not a crash. */
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
            Object v = Json.read(Files.readString(p, StandardCharsets.UTF_8));
            if (!(v instanceof Map<?, ?> m)) throw new Unreadable(relPath + ": not a JSON object");
            return m;
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreadable(relPath + ": " + e.getMessage());
        }
    }

    static double num(Map<?, ?> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static String str(Map<?, ?> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v == null ? null : String.valueOf(v);
    }

    static List<?> list(Map<?, ?> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof List<?> l ? l : List.of();
    }

    static Map<?, ?> map(Map<?, ?> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Map<?, ?> x ? x : Map.of();
    }

    static Boolean bool(Map<?, ?> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Boolean b ? b : null;
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
