package io.wkforge.lang.model;

import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.nio.file.Path;

/**
 * Where an effective value came from: a recipe file (the recipe itself or an import), a
 * {@code --set} flag, or the schema's default.
 *
 * @param baseDir the folder relative paths in the value are resolved against (null: the recipe's)
 */
public record Origin(Kind kind, SourceFile source, Span span, Path baseDir) {
    public enum Kind { FILE, OVERRIDE, DEFAULT }

    public static final Origin DEFAULT = new Origin(Kind.DEFAULT, null, Span.NONE, null);

    public String describe() {
        return switch (kind) {
            case DEFAULT -> "default";
            case OVERRIDE -> "--set";
            case FILE -> source.displayName() + ":" + source.line(span.start());
        };
    }
}
