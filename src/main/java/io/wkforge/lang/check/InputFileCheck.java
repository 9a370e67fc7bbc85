package io.wkforge.lang.check;

import io.wkforge.lang.model.EffectiveRecipe;
import java.nio.file.Path;

/**
 * A check of the file a setting names (e.g. {@code train.pretrained}), made by the part of
 * wkforge that owns the file's format and found through {@link java.util.ServiceLoader}: the
 * front end stays free of format readers (it depends on the JDK and ANTLR only), and the format
 * has one reader, the one the stage uses. Implementations must be quick on an unchanged file (the
 * language server checks on every edit) and never throw for a bad file.
 */
public interface InputFileCheck {

    /** The setting whose file this checks, qualified ({@code train.pretrained}). */
    String setting();

    /**
     * Why this recipe cannot use the file, as one sentence that follows the file's name ("holds a
     * whole pickled model object ..."), or null when it can. The file exists.
     */
    String problem(Path file, EffectiveRecipe recipe);
}
