package io.wkforge.lang.check;

import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.DiagnosticCap;
import io.wkforge.lang.diag.Diagnostics;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.syntax.RecipeFile;
import java.util.List;
import java.util.Map;

/**
 * What a check found: the effective recipe (complete when there are no errors, best effort
 * otherwise), the diagnostics in source order, and the parsed files (the recipe and its imports).
 *
 * @param diagnostics every finding, except in a file with more than
 *                    {@link Diagnostics#KEPT_PER_FILE}: of such a file only the first ones (in
 *                    source order), the others counted in {@code unlisted}
 * @param unlisted    per file (display name), the findings only counted; empty for any real recipe
 * @param fragment    true when the recipe has no class table anywhere: a stdlib-style fragment
 */
public record CheckResult(EffectiveRecipe recipe, List<Diagnostic> diagnostics, Map<String, Diagnostics.Unlisted> unlisted,
                          RecipeFile root, Map<String, RecipeFile> imports, boolean fragment) {

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError) || unlisted.values().stream().anyMatch(u -> u.errors() > 0);
    }

    /** What a report shows ({@link DiagnosticCap}): the first findings, then notes with exact counts of the rest. */
    public DiagnosticCap.Capped capped() {
        return DiagnosticCap.apply(diagnostics, unlisted, root == null ? null : root.source());
    }
}
