package io.wkforge.lang.model;

import io.wkforge.lang.schema.BlockSpec;
import io.wkforge.lang.schema.Schema;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.schema.StageId;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recipe after checking: imports merged, params substituted, overrides applied and every
 * schema setting present (set, defaulted, or explicitly unset). This is what plan and stages read.
 */
public final class EffectiveRecipe {
    private final Path file;
    private final List<ClassDef> classes;
    private final Map<String, Setting> settings;
    private final Map<String, String> params;

    public EffectiveRecipe(Path file, List<ClassDef> classes, Map<String, Setting> settings, Map<String, String> params) {
        this.file = file;
        this.classes = List.copyOf(classes);
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The recipe file, or null for a recipe that came from an editor buffer. */
    public Path file() {
        return file;
    }

    /** The folder relative paths are resolved against. */
    public Path dir() {
        return dirOf(file);
    }

    /** The recipe's name: its file name without {@code .recipe}. */
    public String stem() {
        return stemOf(file);
    }

    /** {@link #dir()} of a recipe read from {@code file} (null: an editor buffer), known before it is read. */
    public static Path dirOf(Path file) {
        return file == null ? Path.of("").toAbsolutePath() : file.toAbsolutePath().getParent();
    }

    /** {@link #stem()} of a recipe read from {@code file} (null: an editor buffer), known before it is read. */
    public static String stemOf(Path file) {
        if (file == null) return "recipe";
        String n = file.getFileName().toString();
        return n.endsWith(".recipe") ? n.substring(0, n.length() - ".recipe".length()) : n;
    }

    /** Classes in id order. */
    public List<ClassDef> classes() {
        return classes;
    }

    public Setting setting(String qualifiedName) {
        Setting s = settings.get(qualifiedName);
        if (s == null) throw new IllegalArgumentException("no such setting in the schema: " + qualifiedName);
        return s;
    }

    public Setting setting(String block, String key) {
        return setting(block + "." + key);
    }

    /** Every setting of the schema, in schema order. */
    public Map<String, Setting> settings() {
        return settings;
    }

    /** Param values after overrides, as recipe text. */
    public Map<String, String> params() {
        return params;
    }

    /**
     * The settings a stage's tasks read, in schema order: the settings part of their cache key.
     * A setting read only under a condition ({@code frames.quality} with {@code format jpg}) is
     * included only while the condition holds; a verdict setting never is.
     */
    public Map<String, String> settingsReadBy(StageId stage) {
        Map<String, String> out = new LinkedHashMap<>();
        for (BlockSpec b : Schema.blocks()) {
            for (SettingSpec spec : b.allSettings()) {
                if (spec.readBy().contains(stage) && !spec.verdict() && applies(spec)) {
                    out.put(spec.qualifiedName(), setting(spec.qualifiedName()).text());
                }
            }
        }
        return out;
    }

    /** The settings a stage reads after its tasks to judge their results ({@code SettingSpec.verdict}). */
    public Map<String, String> verdictSettingsOf(StageId stage) {
        Map<String, String> out = new LinkedHashMap<>();
        for (BlockSpec b : Schema.blocks()) {
            for (SettingSpec spec : b.allSettings()) {
                if (spec.readBy().contains(stage) && spec.verdict()) out.put(spec.qualifiedName(), setting(spec.qualifiedName()).text());
            }
        }
        return out;
    }

    private boolean applies(SettingSpec spec) {
        SettingSpec.ReadWhen when = spec.readWhen();
        return when == null || when.value().equals(setting(spec.block(), when.setting()).text());
    }

    /** The class table as one canonical line per class, for stages whose key depends on it. */
    public String classTableText() {
        StringBuilder sb = new StringBuilder();
        for (ClassDef c : classes) {
            sb.append(c.id()).append(' ').append(c.nature()).append(' ').append(c.name());
            for (String v : c.videoPatterns()) sb.append(' ').append(v);
            if (c.background()) sb.append(" background");
            sb.append('\n');
        }
        return sb.toString();
    }
}
