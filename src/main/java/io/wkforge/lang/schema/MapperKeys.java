package io.wkforge.lang.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The nnie_mapper .cfg key behind a setting. The schema declares it once, as the bracketed key
 * that starts the setting's doc line ({@code "[RGB_order] channel order of..."}); the checker's
 * cfg rule, the quantize stage's cfg writer and the docs all read it from there.
 */
public final class MapperKeys {
    private MapperKeys() {}

    /** The cfg key of a {@code quantize} setting, or null when the setting is not written to the cfg. */
    public static String of(SettingSpec spec) {
        if (!spec.block().equals("quantize")) return null;
        String doc = spec.doc();
        if (!doc.startsWith("[")) return null;
        int end = doc.indexOf(']');
        return end > 1 ? doc.substring(1, end) : null;
    }

    /** Every setting written to the cfg, in schema order. */
    public static List<SettingSpec> settings() {
        List<SettingSpec> out = new ArrayList<>();
        for (SettingSpec s : Schema.block("quantize").allSettings()) if (of(s) != null) out.add(s);
        return out;
    }
}
