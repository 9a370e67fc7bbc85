package io.wkforge.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.Recipes;
import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.schema.StageId;
import io.wkforge.run.StampStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file named by a path setting (train.pretrained) is part of its stage's key, by content. */
class PathSettingInputsTest {
    @TempDir
    Path dir;

    @Test
    void replacingAPretrainedFileChangesTheTrainKey() throws Exception {
        Recipes.touch(dir, "v/tree.avi", "v/bg.avi");
        Files.writeString(dir.resolve("weights.npz"), "first");
        CheckResult r = Recipes.check(dir, Recipes.CLASSES + "train resnet18 { pretrained \"weights.npz\" }\n");
        Layout layout = Layout.forRecipe(r.recipe(), dir.resolve("build"));
        TaskSpec train = new Planner(r.recipe(), new StampStore(layout), "test", Set.of()).tasksOf(StageId.TRAIN).get(0);
        assertEquals(Map.of("train.pretrained", dir.resolve("weights.npz")), train.inputs());
        Map<String, String> before = new Planner(r.recipe(), new StampStore(layout), "test", Set.of()).components(train, Map.of());
        assertTrue(before.containsKey("input train.pretrained"), before.toString());

        Files.writeString(dir.resolve("weights.npz"), "second, longer");
        Map<String, String> after = new Planner(r.recipe(), new StampStore(layout), "test", Set.of()).components(train, Map.of());
        assertNotEquals(before.get("input train.pretrained"), after.get("input train.pretrained"));
        assertTrue(new Planner(r.recipe(), new StampStore(layout), "test", Set.of()).tasksOf(StageId.SPLIT).get(0).inputs().isEmpty());
    }
}
