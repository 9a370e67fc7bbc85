package io.wkforge.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.Recipes;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a task's key is made of: declared upstream reads only, and settings' files by content. */
class PlannerKeysTest {
    @TempDir
    Path dir;

    /** Stamps in memory; input files hashed for real. */
    final class Previous implements PreviousRuns {
        final Map<String, Stamp> stamps = new HashMap<>();

        void commit(String task, Map<String, String> outputs) {
            stamps.put(task, new Stamp(task, "k", Map.of(), outputs, Hashing.of(outputs.toString()), "now", 0));
        }

        @Override public Stamp stamp(String taskId) { return stamps.get(taskId); }
        @Override public boolean outputsIntact(Stamp stamp) { return true; }
        @Override public Path outDir() { return dir.resolve("build/r"); }

        @Override
        public String hashOf(Path file) {
            try {
                return Hashing.of(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private EffectiveRecipe recipe(String extra) {
        Recipes.touch(dir, "v/tree.avi", "v/bg.avi");
        return Recipes.check(Recipes.write(dir, "r.recipe", Recipes.CLASSES + extra), true).recipe();
    }

    private Map<String, String> trainKey(Previous previous, String extra) {
        Planner p = new Planner(recipe(extra), previous, "1", Set.of());
        return p.components(p.tasksOf(StageId.TRAIN).get(0), Map.of());
    }

    @Test
    void aSettingThatNamesAFileIsKeyedByTheFilesContentNotItsPath() {
        Previous previous = new Previous();
        Recipes.write(dir, "w/a.bin", "weights v1");
        Recipes.write(dir, "elsewhere/b.bin", "weights v1");
        Map<String, String> a = trainKey(previous, "train resnet18 { pretrained \"w/a.bin\" }\n");
        Map<String, String> moved = trainKey(previous, "train resnet18 { pretrained \"elsewhere/b.bin\" }\n");
        assertEquals(a, moved, "same content under another name: same key");
        assertFalse(a.containsKey("train.pretrained"), "no path text in the key: " + a);
        assertEquals(Hashing.of("weights v1"), a.get("input train.pretrained"));

        Recipes.write(dir, "w/a.bin", "weights v2");
        Map<String, String> edited = trainKey(previous, "train resnet18 { pretrained \"w/a.bin\" }\n");
        assertEquals(List.of("input train.pretrained changed"), Planner.differences(a, edited));
        assertTrue(trainKey(previous, "train resnet18 { pretrained \"w/none.bin\" }\n").get("input train.pretrained").startsWith("missing"));
        assertFalse(trainKey(previous, "").containsKey("input train.pretrained"), "unset: nothing to hash");
        assertEquals(Path.of(System.getProperty("user.home"), "weights", "r18.safetensors"),
                recipe("train resnet18 { pretrained \"~/weights/r18.safetensors\" }\n").setting("train.pretrained").asPaths(dir).get(0),
                "~/ is the home folder, as the stages read it");
    }

    @Test
    void splitsKeyCoversTheKeptListAndTheFramesItNamesNothingElse() throws IOException {
        Previous previous = new Previous();
        Planner p = new Planner(recipe(""), previous, "1", Set.of());
        previous.commit("frames/01_scene_tree/tree", Map.of(
                "frames/01_scene_tree/01_scene_tree_tree_000000.png", "10:aa",
                "frames/01_scene_tree/01_scene_tree_tree_000001.png", "10:bb"));
        previous.commit("frames/02_other_background/bg", Map.of("frames/02_other_background/02_other_background_bg_000000.png", "10:cc"));
        Recipes.write(dir, "build/r/clean/kept.txt", "frames/01_scene_tree/01_scene_tree_tree_000000.png\n");
        previous.commit("clean", Map.of("clean/kept.txt", "52:k1", "clean/report.json", "99:r1", "clean/report.html", "9:h1"));

        assertEquals(List.of("clean/kept.txt"), List.copyOf(p.declaredOutputs(StageId.SPLIT, StageId.CLEAN).keySet()));
        assertEquals(List.of("frames/01_scene_tree/01_scene_tree_tree_000000.png"),
                List.copyOf(p.declaredOutputs(StageId.SPLIT, StageId.FRAMES).keySet()), "only the frames the list names");
        assertEquals(3, p.declaredOutputs(StageId.CLEAN, StageId.FRAMES).size(), "clean reads every frame");
        String cleanForSplit = p.readHash(StageId.SPLIT, StageId.CLEAN);
        String framesForSplit = p.readHash(StageId.SPLIT, StageId.FRAMES);

        // a new contact sheet and report, the same kept list: split's key does not move
        previous.commit("clean", Map.of("clean/kept.txt", "52:k1", "clean/report.json", "99:r2", "clean/report.html", "9:h2"));
        assertEquals(cleanForSplit, p.readHash(StageId.SPLIT, StageId.CLEAN));
        // a dropped frame re-extracted differently: none of split's business
        previous.commit("frames/01_scene_tree/tree", Map.of(
                "frames/01_scene_tree/01_scene_tree_tree_000000.png", "10:aa",
                "frames/01_scene_tree/01_scene_tree_tree_000001.png", "10:zz"));
        assertEquals(framesForSplit, p.readHash(StageId.SPLIT, StageId.FRAMES));
        // a kept frame with new content: split must run again
        previous.commit("frames/01_scene_tree/tree", Map.of(
                "frames/01_scene_tree/01_scene_tree_tree_000000.png", "10:a2",
                "frames/01_scene_tree/01_scene_tree_tree_000001.png", "10:zz"));
        assertNotEquals(framesForSplit, p.readHash(StageId.SPLIT, StageId.FRAMES));
    }

    @Test
    void everyDeclaredReadIsOfAnEarlierStageAndListsAreReadThemselves() {
        for (StageId reader : StageId.values()) {
            StageReads.of(reader).forEach((up, read) -> {
                assertTrue(up.ordinal() < reader.ordinal(), reader + " reads " + up);
                if (read instanceof StageReads.ListedIn l) {
                    StageReads.Read ofOwner = StageReads.of(reader).get(l.listOwner());
                    assertTrue(ofOwner instanceof StageReads.Matching m && m.matches(l.listFile()), reader + " must key the list itself");
                }
            });
        }
        StageReads.Matching wk = (StageReads.Matching) StageReads.of(StageId.WK).get(StageId.EXPORT);
        assertTrue(wk.matches("caffe/model.prototxt") && wk.matches("caffe/model.caffemodel"));
        assertFalse(wk.matches("caffe/verify.json") || wk.matches("caffe/graph.html"));
        StageReads.Matching train = (StageReads.Matching) StageReads.of(StageId.TRAIN).get(StageId.SPLIT);
        assertTrue(train.matches("dataset/train/01_a/01_a_x_000001.png") && train.matches("dataset/meta/train.txt"));
        assertFalse(OutputPattern.of("model/*").matches("model/sub/x"), "* stays in its folder");
    }
}
