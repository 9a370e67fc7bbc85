package io.wkforge.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.format.Renderer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderTest {
    @TempDir
    Path dir;

    @Test
    void renderIsACompleteRecipeThatChecksAndRendersToItself() {
        Recipes.touch(dir, "v/Megamind.avi", "v/Megamind_2.avi", "v/tree.avi", "v/street/a.avi");
        CheckResult r = Recipes.check(Recipes.write(dir, "acc.recipe", Recipes.ACCEPTANCE), false, "train.lr=0.01");
        String rendered = Renderer.render(r.recipe());
        assertTrue(rendered.contains("epochs 3\n"), "param substituted");
        assertTrue(rendered.contains("lr 0.01  # from --set"), rendered);
        assertTrue(rendered.contains("image_type yuv420sp  # from "), "imported values say where they came from");
        assertTrue(rendered.contains("weight_decay 1e-4  # default"), rendered);
        assertTrue(rendered.contains("# pretrained: unset"), rendered);
        assertTrue(!rendered.contains("use ") && !rendered.contains("$"), "self-contained");

        CheckResult again = Recipes.check(Recipes.write(dir, "rendered.recipe", rendered), false);
        assertEquals(List.of(), Recipes.besidesBoardApp(again));
        assertEquals(r.recipe().settings().keySet(), again.recipe().settings().keySet());
        r.recipe().settings().forEach((k, v) -> assertEquals(v.text(), again.recipe().setting(k).text(), k));
        assertEquals(r.recipe().classTableText(), again.recipe().classTableText());
    }
}
