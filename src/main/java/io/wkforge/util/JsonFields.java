package io.wkforge.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed, strict access to the fields of one JSON object, for the hand-written readers of the
 * files stages write (model card, export summary, quant report, split summary). A field that is
 * missing or of the wrong type throws {@link Bad}, whose message names the field by its dotted
 * path ({@code input.std}), so every reader words its errors the same way.
 */
public final class JsonFields {
    /** A document or field that is not what the reader expects; the message names the field. */
    public static final class Bad extends IllegalArgumentException {
        Bad(String message) {
            super(message);
        }
    }

    private final Map<?, ?> fields;
    private final String path;

    private JsonFields(Map<?, ?> fields, String path) {
        this.fields = fields;
        this.path = path;
    }

    /** The object a JSON text holds; {@link Bad} when the text is not JSON or not an object. */
    public static JsonFields parse(String text) {
        Object v;
        try {
            v = Json.read(text);
        } catch (IllegalArgumentException e) {
            throw new Bad("not valid JSON: " + e.getMessage());
        }
        if (!(v instanceof Map<?, ?> m)) throw new Bad("not a JSON object");
        return new JsonFields(m, "");
    }

    /** A file's object; {@link Bad} as for {@link #parse}, an IOException when it cannot be read. */
    public static JsonFields read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The fields of an object already parsed (a value from {@link #raw()} or {@link Json#read}). */
    public static JsonFields of(Object value, String what) {
        if (!(value instanceof Map<?, ?> m)) throw new Bad(what + " is not a JSON object");
        return new JsonFields(m, what.isEmpty() ? "" : what + ".");
    }

    public boolean has(String key) {
        return fields.get(key) != null;
    }

    /** The whole object as parsed. */
    public Map<?, ?> raw() {
        return fields;
    }

    /** The raw parsed value of a field (null when absent), for fields kept as they are. */
    public Object raw(String key) {
        return fields.get(key);
    }

    /**
     * A field if it is there and of the given type, else null: for readers that show what they
     * find and leave a gap for the rest (the report), instead of refusing the file.
     */
    public <T> T find(String key, Class<T> type) {
        Object v = fields.get(key);
        return type.isInstance(v) ? type.cast(v) : null;
    }

    /** The object's keys, in file order. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        for (Object k : fields.keySet()) out.add(String.valueOf(k));
        return out;
    }

    public JsonFields object(String key) {
        if (!(fields.get(key) instanceof Map<?, ?> m)) throw bad(key, "a JSON object");
        return new JsonFields(m, path + key + ".");
    }

    public String string(String key) {
        if (!(fields.get(key) instanceof String s)) throw bad(key, "a string");
        return s;
    }

    /** A string field, or {@code otherwise} when the field is absent (a wrong type still throws). */
    public String string(String key, String otherwise) {
        return fields.get(key) == null ? otherwise : string(key);
    }

    public double number(String key) {
        return numberValue(key).doubleValue();
    }

    /** A whole number that fits an int. */
    public int integer(String key) {
        Number n = numberValue(key);
        double d = n.doubleValue();
        if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) throw bad(key, "a whole number");
        return n.intValue();
    }

    public boolean bool(String key) {
        if (!(fields.get(key) instanceof Boolean b)) throw bad(key, "true or false");
        return b;
    }

    /** A boolean field, or {@code otherwise} when the field is absent (a wrong type still throws). */
    public boolean bool(String key, boolean otherwise) {
        return fields.get(key) == null ? otherwise : bool(key);
    }

    /** A list of numbers, of exactly {@code size} entries (any number of them when size is negative). */
    public double[] numbers(String key, int size) {
        if (!(fields.get(key) instanceof List<?> l) || (size >= 0 && l.size() != size) || !l.stream().allMatch(x -> x instanceof Number)) {
            throw bad(key, size >= 0 ? "a list of " + size + " numbers" : "a list of numbers");
        }
        return l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
    }

    /** A list of whole numbers, of exactly {@code size} entries (any number when size is negative). */
    public int[] integers(String key, int size) {
        double[] d = numbers(key, size);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i] != Math.rint(d[i]) || Math.abs(d[i]) > Integer.MAX_VALUE) throw bad(key, "a list of whole numbers");
            out[i] = (int) d[i];
        }
        return out;
    }

    /** A list of objects. */
    public List<JsonFields> objects(String key) {
        if (!(fields.get(key) instanceof List<?> l)) throw bad(key, "a list");
        List<JsonFields> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            String at = path + key + "[" + i + "]";
            if (!(l.get(i) instanceof Map<?, ?> m)) throw new Bad("`" + at + "` is not a JSON object");
            out.add(new JsonFields(m, at + "."));
        }
        return out;
    }

    /** The dotted name of a field of this object, for messages. */
    public String name(String key) {
        return path + key;
    }

    private Number numberValue(String key) {
        if (!(fields.get(key) instanceof Number n)) throw bad(key, "a number");
        return n;
    }

    private Bad bad(String key, String expected) {
        return new Bad("`" + path + key + "` is " + (fields.get(key) == null ? "missing" : "not " + expected)
                + (fields.get(key) == null ? " (expected " + expected + ")" : ""));
    }
}
