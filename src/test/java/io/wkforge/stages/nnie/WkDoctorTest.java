package io.wkforge.stages.nnie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.Recipes;
import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.plan.Layout;
import io.wkforge.run.Finding;
import io.wkforge.stages.common.wk.BlobType;
import io.wkforge.stages.common.wk.WkBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `wkforge doctor RECIPE`'s .wk line: the committed .wk's header, whether it fits, or why it cannot be read. */
class WkDoctorTest {
    @TempDir Path dir;

    @Test
    void doctorShowsTheCommittedWksHeaderOrWhatIsWrongWithIt() throws Exception {
        Recipes.touch(dir, "v/a.avi", "v/bg.avi");
        Path file = Recipes.write(dir, "bins.recipe", """
                use "targets/hi3516dv300"
                classes {
                  1 kitchen peel videos "v/a.avi"
                  2 other background videos "v/bg.avi" background
                }
                """);
        CheckResult r = Recipes.check(file, false);
        EffectiveRecipe recipe = r.recipe();
        Path wk = Layout.forRecipe(recipe, null).outDir().resolve("nnie/resnet_inst.wk");

        Finding none = only(recipe);
        assertEquals(Finding.Status.OK, none.status());
        assertTrue(none.detail().startsWith("none yet"), none.detail());

        WkBuilder.classifier(2, 224, 224, BlobType.YVU420SP).write(wk);
        Finding fits = only(recipe);
        assertEquals(Finding.Status.OK, fits.status(), fits.toString());
        assertTrue(fits.detail().contains("input data 3x224x224 YVU420SP; output prob 2x1x1 S32; version 1.1.1.2; chip;"), fits.detail());

        WkBuilder.classifier(2, 224, 224, BlobType.YVU420SP).runMode(1).write(wk);
        Finding simulation = only(recipe);
        assertEquals(Finding.Status.FAIL, simulation.status());
        assertTrue(simulation.detail().contains("does not fit the recipe: the .wk was built for functional simulation"), simulation.detail());

        Files.write(wk, new byte[] {1, 2, 3});
        Finding damaged = only(recipe);
        assertEquals(Finding.Status.FAIL, damaged.status());
        assertTrue(damaged.detail().endsWith("not an NNIE .wk: 3 bytes, too short for a .wk header (192 bytes)"), damaged.detail());
    }

    private static Finding only(EffectiveRecipe recipe) {
        List<Finding> found = WkInspector.doctorCheck(recipe).run();
        assertEquals(1, found.size(), found::toString);
        return found.get(0);
    }
}
