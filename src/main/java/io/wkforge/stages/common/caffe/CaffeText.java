package io.wkforge.stages.common.caffe;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.math.BigDecimal;

/**
 * Writes a Caffe message as prototxt in the dialect nnie_mapper reads: fields in schema order,
 * two-space indentation, `layer {` blocks, quoted strings, enum names bare, floats as plain
 * decimals (`0.00001`, never `1.0E-5`). Our own printer rather than protobuf's TextFormat so the
 * exact text is ours to keep stable (the golden test holds it to that).
 */
public final class CaffeText {
    private CaffeText() {}

    public static String print(Message message) {
        StringBuilder sb = new StringBuilder();
        fields(sb, message, 0);
        return sb.toString();
    }

    private static void fields(StringBuilder sb, Message m, int depth) {
        for (FieldDescriptor f : m.getDescriptorForType().getFields()) {
            if (f.isRepeated()) {
                for (int i = 0; i < m.getRepeatedFieldCount(f); i++) field(sb, f, m.getRepeatedField(f, i), depth);
            } else if (m.hasField(f)) {
                field(sb, f, m.getField(f), depth);
            }
        }
    }

    private static void field(StringBuilder sb, FieldDescriptor f, Object value, int depth) {
        String indent = "  ".repeat(depth);
        sb.append(indent).append(f.getName());
        if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            sb.append(" {\n");
            fields(sb, (Message) value, depth + 1);
            sb.append(indent).append("}\n");
            return;
        }
        sb.append(": ").append(scalar(f, value)).append('\n');
    }

    private static String scalar(FieldDescriptor f, Object value) {
        return switch (f.getJavaType()) {
            case STRING -> quote((String) value);
            case ENUM -> ((EnumValueDescriptor) value).getName();
            case FLOAT -> decimal(Float.toString((Float) value));
            case DOUBLE -> decimal(Double.toString((Double) value));
            default -> String.valueOf(value); // integers and booleans
        };
    }

    /** The shortest text that reads back as the same float, without an exponent. */
    private static String decimal(String javaText) {
        String plain = new BigDecimal(javaText).stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\%03o", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
