package io.wkforge.lang.model;

import io.wkforge.lang.schema.Choice;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.syntax.Value;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The effective value of one setting after imports, params, overrides and defaults. Values have
 * been type-checked against the schema, so the typed accessors only fail on a programming error.
 *
 * @param values null when the setting is unset and has no default
 */
public record Setting(SettingSpec spec, List<Value> values, Origin origin) {

    public boolean isSet() {
        return values != null;
    }

    /** The values as canonical recipe text, e.g. {@code 127.5 127.5 127.5}; "" when unset. */
    public String text() {
        if (values == null) return "";
        StringBuilder sb = new StringBuilder();
        for (Value v : values) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(v.text());
        }
        return sb.toString();
    }

    private Value first() {
        if (values == null || values.isEmpty()) {
            throw new IllegalStateException("setting " + spec.qualifiedName() + " has no value");
        }
        return values.get(0);
    }

    public long asLong() {
        return ((Value.IntLit) first()).longValue();
    }

    public int asInt() {
        return Math.toIntExact(asLong());
    }

    public BigDecimal asDecimal() {
        return decimal(first());
    }

    public double asDouble() {
        return asDecimal().doubleValue();
    }

    /** A percentage as a fraction: {@code 10%} is 0.1. */
    public double asFraction() {
        return ((Value.PercentLit) first()).fraction().doubleValue();
    }

    public Value.SizeLit asSize() {
        return (Value.SizeLit) first();
    }

    /** The name of an enum value, a string's content, or an identifier. */
    public String asString() {
        return plain(first());
    }

    public boolean asBool() {
        return "true".equals(asString());
    }

    /** The tool code of an enum value (e.g. {@code 0} for {@code compile_mode low_bandwidth}). */
    public String asCode() {
        Choice c = spec.slots().get(0).choice(asString());
        return c == null || c.code() == null ? asString() : c.code();
    }

    public List<BigDecimal> asDecimals() {
        List<BigDecimal> out = new ArrayList<>();
        if (values != null) for (Value v : values) out.add(decimal(v));
        return out;
    }

    /** All values as plain strings (enum names, string contents, number texts). */
    public List<String> asStrings() {
        List<String> out = new ArrayList<>();
        if (values != null) for (Value v : values) out.add(plain(v));
        return out;
    }

    /** String values resolved as paths against the folder of the file that set them ({@code ~/}: the home folder). */
    public List<Path> asPaths(Path recipeDir) {
        Path base = origin.baseDir() != null ? origin.baseDir() : recipeDir;
        List<Path> out = new ArrayList<>();
        if (values != null) {
            for (Value v : values) {
                if (v instanceof Value.StringLit s) out.add(resolve(s.value(), base));
            }
        }
        return out;
    }

    /** A leading {@code ~/} is the user's home folder, as in a shell; other relative paths are relative to {@code base}. */
    private static Path resolve(String text, Path base) {
        if (text.equals("~") || text.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(text.length() > 2 ? text.substring(2) : "").normalize();
        }
        return base == null ? Path.of(text) : base.resolve(text).normalize();
    }

    static BigDecimal decimal(Value v) {
        if (v instanceof Value.IntLit i) return new BigDecimal(i.value());
        if (v instanceof Value.DecimalLit d) return d.value();
        if (v instanceof Value.PercentLit p) return p.fraction();
        throw new IllegalStateException("not a number: " + v.text());
    }

    static String plain(Value v) {
        if (v instanceof Value.StringLit s) return s.value();
        if (v instanceof Value.IdentLit i) return i.name();
        return v.text();
    }
}
