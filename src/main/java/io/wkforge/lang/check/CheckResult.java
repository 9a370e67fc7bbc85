package io.wkforge.lang.check;

import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.syntax.RecipeFile;
import java.util.List;
import java.util.Map;

/**
 * What a check found: the effective recipe (complete when there are no errors, best effort
 * otherwise), every diagnostic in source order, and the parsed files (the recipe and its imports).
 *
 * @param fragment true when the recipe has no class table anywhere: a stdlib-style fragment
 */
public record CheckResult(EffectiveRecipe recipe, List<Diagnostic> diagnostics, RecipeFile root,
                          Map<String, RecipeFile> imports, boolean fragment) {

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
