package io.wkforge.lang.check;

import io.wkforge.lang.model.Origin;
import io.wkforge.lang.model.Setting;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.syntax.Entry;
import io.wkforge.lang.syntax.Parser;
import io.wkforge.lang.syntax.RecipeFile;
import io.wkforge.lang.syntax.Value;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Schema defaults are written as recipe text and parsed by the same parser as user input, so a
 * default can never be something a user could not write (a test checks every one).
 */
public final class Defaults {
    private static final Map<String, Setting> CACHE = new ConcurrentHashMap<>();

    private Defaults() {}

    /** The default of a setting, or an unset setting when the schema gives none. */
    public static Setting of(SettingSpec spec) {
        return CACHE.computeIfAbsent(spec.qualifiedName(), k -> parse(spec));
    }

    private static Setting parse(SettingSpec spec) {
        if (spec.defaultText() == null) return new Setting(spec, null, Origin.DEFAULT);
        if (spec.defaultText().isEmpty()) return new Setting(spec, List.of(), Origin.DEFAULT);
        RecipeFile f = Parser.parse(SourceFile.of("<default of " + spec.qualifiedName() + ">",
                "b { k " + spec.defaultText() + " }"));
        if (!f.ok() || f.blocks().isEmpty() || f.blocks().get(0).entries().isEmpty()) {
            throw new IllegalStateException("schema default of " + spec.qualifiedName() + " does not parse: " + spec.defaultText());
        }
        Entry e = f.blocks().get(0).entries().get(0);
        List<Value> values = e.values();
        return new Setting(spec, values, Origin.DEFAULT);
    }
}
