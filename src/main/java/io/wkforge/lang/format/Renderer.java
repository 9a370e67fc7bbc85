package io.wkforge.lang.format;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.model.Origin;
import io.wkforge.lang.model.Setting;
import io.wkforge.lang.schema.BlockSpec;
import io.wkforge.lang.schema.Schema;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.schema.ValueType;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.syntax.Parser;
import io.wkforge.lang.syntax.Value;
import java.nio.file.Path;

/**
 * The effective recipe as one self-contained canonical recipe: imports merged, params
 * substituted, defaults filled in. Each value that did not come from the recipe itself says
 * where it came from, so `render` answers "what will actually run, and why".
 */
public final class Renderer {
    private Renderer() {}

    public static String render(EffectiveRecipe r) {
        Path recipeDir = r.dir();
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(r.file() == null ? "recipe" : r.file().getFileName())
                .append(" as wkforge runs it: imports merged, params substituted, defaults filled in\n");
        for (BlockSpec b : Schema.blocks()) {
            sb.append('\n');
            if (b.holdsClassRows() && r.classes().isEmpty()) {
                // a fragment: `classes {}` would be E116 in the output, which is meant to be a valid recipe
                sb.append("# no classes: a fragment; the recipe that uses it declares them\n");
                continue;
            }
            if (b.holdsClassRows()) {
                sb.append("classes {\n");
                for (ClassDef c : r.classes()) {
                    sb.append(c.id()).append(' ').append(c.nature()).append(' ').append(c.name()).append(" videos");
                    for (String p : c.videoPatterns()) {
                        sb.append(' ').append(Value.StringLit.quote(relocate(p, c.baseDir(), recipeDir)));
                    }
                    if (c.background()) sb.append(" background");
                    sb.append('\n');
                }
                sb.append("}\n");
                continue;
            }
            sb.append(b.name());
            if (b.label() != null) sb.append(' ').append(r.setting(b.label().qualifiedName()).text());
            sb.append(" {\n");
            for (SettingSpec spec : b.settings().values()) {
                Setting s = r.setting(spec.qualifiedName());
                if (!s.isSet()) {
                    sb.append("# ").append(spec.name()).append(": unset\n");
                    continue;
                }
                sb.append(spec.name());
                for (Value v : s.values()) sb.append(' ').append(valueText(spec, v, s.origin(), recipeDir));
                String from = originNote(s.origin(), r);
                if (from != null) sb.append("  # ").append(from);
                sb.append('\n');
            }
            sb.append("}\n");
        }
        return Formatter.format(Parser.parse(SourceFile.of("<render>", sb.toString())));
    }

    private static String valueText(SettingSpec spec, Value v, Origin origin, Path recipeDir) {
        boolean isPath = spec.slots().stream().anyMatch(sl -> sl.type() == ValueType.PATH || sl.type() == ValueType.PATTERN);
        if (isPath && v instanceof Value.StringLit s && origin.baseDir() != null) {
            return Value.StringLit.quote(relocate(s.value(), origin.baseDir(), recipeDir));
        }
        return v.text();
    }

    /** A relative path written in another file's folder, re-expressed relative to the recipe. */
    private static String relocate(String path, Path baseDir, Path recipeDir) {
        if (baseDir == null || recipeDir == null || Path.of(path).isAbsolute() || baseDir.equals(recipeDir)) return path;
        return recipeDir.relativize(baseDir.resolve(path).normalize()).toString().replace('\\', '/');
    }

    private static String originNote(Origin o, EffectiveRecipe r) {
        return switch (o.kind()) {
            case DEFAULT -> "default";
            case OVERRIDE -> "from --set";
            case FILE -> r.file() != null && o.source().path() != null
                    && o.source().path().toAbsolutePath().equals(r.file().toAbsolutePath())
                    ? null : "from " + o.source().displayName();
        };
    }
}
