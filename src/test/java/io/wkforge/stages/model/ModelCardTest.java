package io.wkforge.stages.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** model/model.json through its one owner: what is written reads back equal, and every check refuses with the field's name. */
class ModelCardTest {
    @TempDir Path dir;

    private static ModelCard card() {
        Preprocessing p = new Preprocessing(256, 256, 224, 224, "rgb", new double[] {123.675, 116.28, 103.53},
                new double[] {58.395, 57.12, 57.375});
        return new ModelCard(ResNet18Layout.ARCHITECTURE, List.of(new ModelCard.ModelClass(0, 1, "01_kitchen_mushroom", "kitchen", "mushroom", false),
                new ModelCard.ModelClass(1, 2, "02_other_background", "other", "background", true)), p, 7, 0.875,
                Map.of("device", "cpu", "engine", "PyTorch 2.5.1", "batches", 12));
    }

    @Test
    void whatIsWrittenReadsBackEqual() throws IOException {
        ModelCard card = card();
        card.write(dir.resolve("model.json"));
        ModelCard back = ModelCard.read(dir.resolve("model.json"));
        assertEquals(card, back);
        assertEquals(card.json(), back.json());
        assertEquals(ModelCard.StemPool.RESNET18, back.stemPool());
        assertEquals(ResNet18Layout.BATCHNORM_EPS, back.batchnormEps());
        assertEquals(List.of("01_kitchen_mushroom", "02_other_background"), back.folders());
        String json = Files.readString(dir.resolve("model.json"));
        assertTrue(json.contains("\"mean\": [\n      123.675,"), json);
        assertTrue(json.contains("\"stem_pool\": {\n    \"kernel\": 3,\n    \"stride\": 2,\n    \"pad\": 0,\n    \"ceil_mode\": true"), json);
    }

    /** The card's JSON with one change made to it, read back; the message of the refusal. */
    @SuppressWarnings("unchecked")
    private String refused(Consumer<Map<String, Object>> change) throws IOException {
        Map<String, Object> m = (Map<String, Object>) Json.read(card().json());
        change.accept(m);
        Path f = dir.resolve("bad.json");
        Files.writeString(f, Json.write(m));
        IOException e = assertThrows(IOException.class, () -> ModelCard.read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        return e.getMessage();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> input(Map<String, Object> m) {
        return (Map<String, Object>) m.get("input");
    }

    @Test
    void everyCheckRefusesWithTheFieldsName() throws IOException {
        assertTrue(refused(m -> input(m).put("channel_order", "yuv")).contains("input.channel_order `yuv` (expected rgb or bgr)"));
        assertTrue(refused(m -> input(m).put("std", List.of(58.0, 0.0, 57.0))).contains("input.std holds 0.0 (must be positive)"));
        assertTrue(refused(m -> input(m).put("std", List.of(58.0, 57.0))).contains("`input.std` is not a list of 3 numbers"));
        assertTrue(refused(m -> m.put("batchnorm_eps", -1e-5)).contains("batchnorm_eps -1.0E-5 (must be positive)"));
        assertTrue(refused(m -> m.put("stem_pool", Map.of("kernel", 3, "stride", 2, "pad", 1, "ceil_mode", false)))
                .contains("stem_pool is kernel 3 stride 2 pad 1 floor; NNIE computes kernel 3 stride 2 pad 0 ceil"));
        assertTrue(refused(m -> m.put("num_classes", 3)).contains("num_classes 3 disagrees with the 2 entries of classes"));
        assertTrue(refused(m -> {
            m.put("classes", List.of(((List<?>) m.get("classes")).get(0)));
            m.put("num_classes", 1);
        }).contains("num_classes 1 (a classifier needs at least 2)"));
        assertTrue(refused(m -> m.put("architecture", "resnet50")).contains("architecture `resnet50` is not supported"));
        assertTrue(refused(m -> m.put("format_version", 2)).contains("format_version 2 is not supported"));
        assertTrue(refused(m -> m.remove("best_epoch")).contains("`best_epoch` is missing"));
        assertTrue(refused(m -> m.put("classes", "none")).contains("`classes` is not a list"));
    }

    @Test
    void aCardThatBreaksTheChecksCannotBeMadeEither() {
        ModelCard c = card();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelCard(c.architecture(), c.classes(), c.input(),
                new ModelCard.StemPool(3, 2, 0, false), c.batchnormEps(), c.bestEpoch(), c.valTop1(), c.extra()));
        assertTrue(e.getMessage().contains("NNIE computes kernel 3 stride 2 pad 0 ceil"), e.getMessage());
    }
}
