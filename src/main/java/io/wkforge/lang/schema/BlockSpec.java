package io.wkforge.lang.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A block of the language. Most blocks hold settings; {@code classes} holds rows instead.
 *
 * @param label the setting written as the block's label, or null when the block takes no label
 */
public record BlockSpec(String name, String doc, SettingSpec label, Map<String, SettingSpec> settings,
                        boolean holdsClassRows) {

    public BlockSpec {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public SettingSpec setting(String key) {
        return settings.get(key);
    }

    /** The label setting first (when there is one), then the settings in declaration order. */
    public List<SettingSpec> allSettings() {
        List<SettingSpec> all = new java.util.ArrayList<>();
        if (label != null) all.add(label);
        all.addAll(settings.values());
        return all;
    }
}
