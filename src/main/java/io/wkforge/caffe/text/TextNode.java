package io.wkforge.caffe.text;

import io.wkforge.lang.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * One field as written in a prototxt: {@code name: value} (a scalar) or {@code name { ... }}
 * (a message holding more fields). The file itself is a message node with an empty name.
 * Positions are kept so every finding can point at the exact place.
 */
public final class TextNode {
    private final String name;
    private final Span nameSpan;
    private final Scalar scalar;
    private final List<TextNode> fields;
    private Span span;

    private TextNode(String name, Span nameSpan, Scalar scalar, List<TextNode> fields, Span span) {
        this.name = name;
        this.nameSpan = nameSpan;
        this.scalar = scalar;
        this.fields = fields;
        this.span = span;
    }

    static TextNode scalar(String name, Span nameSpan, Scalar value) {
        return new TextNode(name, nameSpan, value, null, nameSpan.to(value.span()));
    }

    static TextNode message(String name, Span nameSpan) {
        return new TextNode(name, nameSpan, null, new ArrayList<>(), nameSpan);
    }

    void add(TextNode child) {
        fields.add(child);
    }

    void endAt(int offset) {
        span = new Span(span.start(), Math.max(span.end(), offset));
    }

    public String name() {
        return name;
    }

    public Span nameSpan() {
        return nameSpan;
    }

    /** The whole field, from its name to its closing brace. */
    public Span span() {
        return span;
    }

    public boolean isMessage() {
        return fields != null;
    }

    /** The value of a scalar field; null for a message. */
    public Scalar value() {
        return scalar;
    }

    /** The fields of a message, in file order; empty for a scalar. */
    public List<TextNode> fields() {
        return fields == null ? List.of() : fields;
    }

    /** Every field with this name (a repeated field, or a field given twice). */
    public List<TextNode> all(String fieldName) {
        List<TextNode> out = new ArrayList<>();
        for (TextNode f : fields()) if (f.name.equals(fieldName)) out.add(f);
        return out;
    }

    /** The last field with this name, as protobuf keeps the last of a repeated singular field; or null. */
    public TextNode get(String fieldName) {
        TextNode found = null;
        for (TextNode f : fields()) if (f.name.equals(fieldName)) found = f;
        return found;
    }

    /** A scalar field's text (a string's decoded value), or null when absent or a message. */
    public String text(String fieldName) {
        TextNode f = get(fieldName);
        return f == null || f.scalar == null ? null : f.scalar.text();
    }

    /** An integer field, or the fallback when it is absent or not an integer. */
    public long integer(String fieldName, long fallback) {
        TextNode f = get(fieldName);
        Long v = f == null || f.scalar == null ? null : f.scalar.asLong();
        return v == null ? fallback : v;
    }

    /** The integers of a repeated field, skipping values that are not integers. */
    public List<Long> integers(String fieldName) {
        List<Long> out = new ArrayList<>();
        for (TextNode f : all(fieldName)) {
            Long v = f.scalar == null ? null : f.scalar.asLong();
            if (v != null) out.add(v);
        }
        return out;
    }

    public double number(String fieldName, double fallback) {
        TextNode f = get(fieldName);
        Double v = f == null || f.scalar == null ? null : f.scalar.asDouble();
        return v == null ? fallback : v;
    }

    public boolean bool(String fieldName, boolean fallback) {
        TextNode f = get(fieldName);
        Boolean v = f == null || f.scalar == null ? null : f.scalar.asBoolean();
        return v == null ? fallback : v;
    }

    /** A sub-message, or null when absent or written as a scalar. */
    public TextNode message(String fieldName) {
        TextNode f = get(fieldName);
        return f != null && f.isMessage() ? f : null;
    }

    @Override
    public String toString() {
        return isMessage() ? name + " {" + fields.size() + " fields}" : name + ": " + scalar.display();
    }
}
