package io.wkforge.lang.check;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.Diagnostics;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.model.Setting;
import io.wkforge.lang.schema.MapperKeys;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.syntax.Value;

/**
 * Values quantize copies into nnie_mapper's cfg file, which holds one {@code [key] value} per
 * line: a line break would end the value early and start a line the mapper reads as something
 * else, and a bracket could be read as the start of another key. Such a value is refused here,
 * at its place in the recipe, rather than written.
 */
final class MapperConfigValues {
    /** The vendor guide's limit on instruction_name (the .wk name without extension). */
    static final int MAX_INSTRUCTION_NAME = 119;

    private MapperConfigValues() {}

    static void run(EffectiveRecipe r, Diagnostics diags) {
        for (SettingSpec spec : MapperKeys.settings()) {
            Setting s = r.setting(spec.qualifiedName());
            if (s == null || !s.isSet()) continue;
            for (Value v : s.values()) {
                if (!(v instanceof Value.StringLit str)) continue;
                String why = unsafe(str.value());
                if (why != null) {
                    diags.add(Diagnostic.of(Code.CFG_UNSAFE_VALUE, s.origin().source(), v.span(),
                            "`" + spec.name() + "` " + why + ", which would break nnie_mapper's cfg file ([" + MapperKeys.of(spec) + "] value, one per line)")
                            .withHelp("remove it: the cfg has no way to quote it" + (spec.name().endsWith("_file") ? "; rename or move the file" : "")));
                }
            }
        }
        Setting name = r.setting("quantize.instruction_name");
        if (name != null && name.isSet() && name.values().get(0) instanceof Value.StringLit str) {
            String n = str.value();
            String problem = n.isBlank() ? "is empty"
                    : n.length() > MAX_INSTRUCTION_NAME ? "is " + n.length() + " characters long; the mapper takes fewer than 120"
                    : n.contains("/") || n.contains("\\") ? "contains a folder; the .wk is written into the nnie/ folder of the build"
                    : n.equals(".") || n.equals("..") ? "is not a file name"
                    : null;
            if (problem != null && unsafe(n) == null) {
                diags.add(Diagnostic.of(Code.INCONSISTENT_SETTINGS, name.origin().source(), str.span(), "`instruction_name` " + problem)
                        .withHelp("write the .wk file's name without extension, e.g. \"resnet_inst\""));
            }
        }
    }

    /** Why a value cannot be written into the cfg, or null. */
    static String unsafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r') return "contains a line break (at character " + (i + 1) + ")";
            if (c == '[' || c == ']') return "contains a bracket `" + c + "` (at character " + (i + 1) + ")";
            if (Character.isISOControl(c)) return "contains a control character (U+" + String.format("%04X", (int) c) + " at character " + (i + 1) + ")";
        }
        return null;
    }
}
