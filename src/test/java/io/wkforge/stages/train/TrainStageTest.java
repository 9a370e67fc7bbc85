package io.wkforge.stages.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.run.Executor;
import io.wkforge.stages.model.ModelCard;
import io.wkforge.stages.model.ResNet18Layout;
import io.wkforge.stages.model.SafeTensors;
import io.wkforge.stages.model.Tensor;
import io.wkforge.stages.model.TrainedModel;
import io.wkforge.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train stage through the real executor, on generated images of four shape classes. */
class TrainStageTest {
    static final String RECIPE = TrainHarness.CLASSES + """
            preprocess { resize 36x36; crop 32x32 }
            train resnet18 { epochs 8; batch 16; optimizer sgd; lr 0.05; schedule cosine; seed 3 }
            """;
    /** Few images and epochs: enough to compare runs, not to learn. */
    static final String SHORT = TrainHarness.CLASSES + """
            preprocess { resize 36x36; crop 32x32 }
            train resnet18 { epochs 3; batch 8; optimizer sgd; lr 0.05; schedule step 2; seed 9 }
            """;

    @TempDir
    Path dir;

    /** Simulates a kill: thrown from inside the stage (the listener runs on the task's thread). */
    static final class Killed extends RuntimeException {
        Killed(String where) {
            super("simulated kill " + where);
        }
    }

    @Test
    void learnsShapesAndColoursAndWritesTheModelContract() throws Exception {
        TrainHarness h = new TrainHarness(dir, RECIPE);
        h.shapes(24, 8, 40);
        Executor.Result r = h.run();
        assertEquals(Executor.Outcome.OK, r.outcome(), String.valueOf(r.failures()));

        Map<?, ?> metrics = (Map<?, ?>) Json.read(Files.readString(h.model("metrics.json")));
        double top1 = ((Number) metrics.get("val_top1")).doubleValue();
        assertTrue(top1 >= 0.9, "val top-1 " + top1 + "\n" + String.join("\n", h.notes));
        List<?> epochs = (List<?>) metrics.get("epochs");
        assertEquals(8, epochs.size());
        int best = ((Number) metrics.get("best_epoch")).intValue();
        double bestTop1 = epochs.stream().mapToDouble(e -> ((Number) ((Map<?, ?>) e).get("val_top1")).doubleValue()).max().orElseThrow();
        assertEquals(bestTop1, ((Number) ((Map<?, ?>) epochs.get(best - 1)).get("val_top1")).doubleValue());
        assertEquals(bestTop1, top1);
        assertEquals(9, Files.readAllLines(h.model("metrics.csv")).size());
        assertTrue(Files.readString(h.model("train.log")).contains("epoch 8/8"));
        assertTrue(h.notes.stream().anyMatch(n -> n.startsWith("epoch 1/8  train loss")), String.join("\n", h.notes));

        // the weights: torchvision's names, in its order, float32, no bias on convolutions
        Map<String, Tensor> weights = SafeTensors.read(h.model("model.safetensors"));
        assertEquals(List.copyOf(ResNet18Layout.tensorShapes(4).keySet()), List.copyOf(weights.keySet()));
        assertArrayEquals(new long[] {4, 512}, weights.get("fc.weight").shape());
        assertFalse(weights.containsKey("conv1.bias"));

        ModelCard card = ModelCard.read(h.model("model.json"));
        assertEquals(best, card.bestEpoch());
        assertEquals(top1, card.valTop1());
        assertEquals(32, card.input().cropWidth());
        assertEquals(36, card.input().resizeWidth());
        assertEquals("02_harmful_green_square", card.classes().get(1).folder());
        assertTrue(card.classes().get(3).background());
        String json = Files.readString(h.model("model.json"));
        assertTrue(json.contains("\"ceil_mode\": true") && json.contains("\"pad\": 0") && json.contains("\"batchnorm_eps\": 1.0E-5"), json);

        Map<?, ?> confusion = (Map<?, ?>) Json.read(Files.readString(h.model("confusion.json")));
        assertEquals(List.of("01_kitchen_red_disk", "02_harmful_green_square", "03_recyclable_blue_triangle", "04_other_background"),
                confusion.get("classes"));
        int diagonal = 0;
        List<?> rows = (List<?>) confusion.get("matrix");
        for (int i = 0; i < 4; i++) diagonal += ((Number) ((List<?>) rows.get(i)).get(i)).intValue();
        assertEquals(Math.round(top1 * 32), diagonal);

        // the shared inference path (verify, the quantization estimate) sees the same accuracy
        List<Path> images = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (String line : Files.readAllLines(h.out.resolve("dataset/meta/val.txt"))) {
            String[] parts = line.split(" ");
            images.add(h.out.resolve("dataset/val").resolve(parts[0]));
            truth.add(Integer.parseInt(parts[1]));
        }
        try (TrainedModel m = TrainedModel.load(h.out.resolve("model"))) {
            float[][] logits = m.logits(images);
            int right = 0;
            for (int i = 0; i < logits.length; i++) if (argmax(logits[i]) == truth.get(i)) right++;
            assertEquals(diagonal, right);
        }
        assertFalse(Files.exists(h.out.resolve(".wkforge/work/train")), "the work folder goes once the model is committed");
    }

    @Test
    void aRunKilledAfterAnEpochOrInsideOneResumesToTheSameWeights() throws Exception {
        TrainHarness whole = new TrainHarness(dir.resolve("whole"), SHORT);
        whole.shapes(10, 3, 40);
        assertEquals(Executor.Outcome.OK, whole.run().outcome());

        TrainHarness killed = new TrainHarness(dir.resolve("killed"), SHORT);
        killed.shapes(10, 3, 40);
        killed.observer = (kind, text) -> {
            if (kind.equals("note") && text.startsWith("epoch 1/3")) throw new Killed("after epoch 1");
        };
        assertThrows(Killed.class, killed::run);
        Path checkpoint = killed.out.resolve(".wkforge/work/train/checkpoint.safetensors");
        assertTrue(Files.exists(checkpoint), "epoch 1 is kept");
        assertFalse(Files.exists(killed.model("model.safetensors")), "nothing is committed");

        killed.observer = (kind, text) -> {
            if (kind.equals("progress") && text.startsWith("3/") && text.contains("epoch 3/3")) throw new Killed("inside epoch 3");
        };
        assertThrows(Killed.class, killed::run);
        killed.observer = (kind, text) -> {};
        killed.notes.clear();
        assertEquals(Executor.Outcome.OK, killed.run().outcome());
        assertTrue(killed.notes.get(0).startsWith("resumed from the checkpoint after epoch 2"), killed.notes.get(0));

        assertArrayEquals(Files.readAllBytes(whole.model("model.safetensors")), Files.readAllBytes(killed.model("model.safetensors")),
                "same best weights");
        assertEquals(epochs(whole), epochs(killed), "same losses and accuracies, epoch by epoch");
        String log = Files.readString(killed.model("train.log"));
        assertTrue(log.contains("resumed from the checkpoint after epoch 1") && log.contains("resumed from the checkpoint after epoch 2"), log);
    }

    private static List<?> epochs(TrainHarness h) throws Exception {
        List<Object> out = new ArrayList<>();
        for (Object e : (List<?>) ((Map<?, ?>) Json.read(Files.readString(h.model("metrics.json")))).get("epochs")) {
            Map<?, ?> m = new java.util.LinkedHashMap<>((Map<?, ?>) e);
            m.remove("seconds");
            m.remove("images_per_second");
            m.remove("train_seconds");
            m.remove("compute_seconds");
            out.add(m);
        }
        return out;
    }

    @Test
    void patienceStopsEarlyAndKeepsTheBestEpoch() throws Exception {
        TrainHarness h = new TrainHarness(dir, TrainHarness.CLASSES + """
                preprocess { resize 36x36; crop 32x32 }
                train resnet18 { epochs 30; batch 8; optimizer sgd; lr 0.02; patience 2; seed 1 }
                """);
        h.shapes(6, 2, 40);
        assertEquals(Executor.Outcome.OK, h.run().outcome());
        Map<?, ?> metrics = (Map<?, ?>) Json.read(Files.readString(h.model("metrics.json")));
        assertEquals(true, metrics.get("stopped_early"));
        int ran = ((Number) metrics.get("epochs_run")).intValue();
        assertTrue(ran < 30, "ran " + ran);
        assertNotNull(h.notes.stream().filter(n -> n.startsWith("stopping early")).findFirst().orElse(null), String.join("\n", h.notes));
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
