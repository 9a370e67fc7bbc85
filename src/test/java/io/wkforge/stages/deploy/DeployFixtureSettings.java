package io.wkforge.stages.deploy;

import io.wkforge.lang.Recipes;
import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.model.EffectiveRecipe;

/** The deploy settings a fixture's recipe with the given deploy block checks to. */
final class DeployFixtureSettings {
    private DeployFixtureSettings() {}

    static DeploySettings of(DeployFixture f, String deployBlock) {
        CheckResult r = Recipes.check(f.writeRecipe(deployBlock), false);
        if (r.hasErrors()) throw new AssertionError(r.diagnostics().toString());
        EffectiveRecipe recipe = r.recipe();
        return DeploySettings.read(recipe::setting, recipe.dir());
    }
}
