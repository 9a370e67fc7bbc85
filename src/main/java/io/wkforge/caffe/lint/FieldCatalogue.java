package io.wkforge.caffe.lint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields each Caffe message may hold, read from {@code caffe-fields.txt}: BVLC Caffe's schema
 * plus the forks NNIE networks come from. Used to report unknown fields and values of the wrong
 * kind, the way Caffe's own parser would reject them.
 */
public final class FieldCatalogue {
    /** How a field's value is written. */
    public enum Kind { STRING, INT, UINT, FLOAT, BOOL, ENUM, MESSAGE, ANY }

    /** @param type the message name for MESSAGE fields; @param enumValues for ENUM fields */
    public record Field(String name, Kind kind, String type, List<String> enumValues, boolean repeated) {}

    private static final FieldCatalogue INSTANCE = load();

    private final Map<String, Map<String, Field>> messages;

    private FieldCatalogue(Map<String, Map<String, Field>> messages) {
        this.messages = messages;
    }

    public static FieldCatalogue get() {
        return INSTANCE;
    }

    /** The fields of a message, or null for a message the catalogue does not describe. */
    public Map<String, Field> fields(String message) {
        return messages.get(message);
    }

    private static FieldCatalogue load() {
        Map<String, Map<String, Field>> messages = new HashMap<>();
        try (InputStream in = FieldCatalogue.class.getResourceAsStream("caffe-fields.txt")) {
            if (in == null) throw new IllegalStateException("caffe-fields.txt is missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Field> current = null;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (!Character.isWhitespace(line.charAt(0))) {
                    current = new LinkedHashMap<>();
                    messages.put(line.strip(), current);
                    continue;
                }
                String[] parts = line.strip().split("\\s+");
                current.put(parts[0], field(parts[0], parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FieldCatalogue(messages);
    }

    private static Field field(String name, String spec) {
        boolean repeated = spec.endsWith("*");
        if (repeated) spec = spec.substring(0, spec.length() - 1);
        if (spec.startsWith("enum:")) return new Field(name, Kind.ENUM, null, List.of(spec.substring(5).split(",")), repeated);
        return switch (spec) {
            case "string" -> new Field(name, Kind.STRING, null, List.of(), repeated);
            case "int" -> new Field(name, Kind.INT, null, List.of(), repeated);
            case "uint" -> new Field(name, Kind.UINT, null, List.of(), repeated);
            case "float" -> new Field(name, Kind.FLOAT, null, List.of(), repeated);
            case "bool" -> new Field(name, Kind.BOOL, null, List.of(), repeated);
            case "any" -> new Field(name, Kind.ANY, null, List.of(), repeated);
            default -> new Field(name, Kind.MESSAGE, spec, List.of(), repeated);
        };
    }
}
