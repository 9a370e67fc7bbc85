package io.wkforge.stages.caffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.Executor;
import io.wkforge.run.StageRegistry;
import io.wkforge.stages.StandInStage;
import io.wkforge.stages.StageHarness;
import io.wkforge.stages.model.SafeTensors;
import io.wkforge.stages.model.Tensor;
import io.wkforge.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export stage through the real executor, reading a model through the train stage's
 * contract. Training itself is another branch's work: a stand-in train stage commits a made-up
 * model (files exactly as docs/architecture.md specifies them), nothing more.
 */
class ExportStageTest {
    @TempDir Path dir;

    private static final String RECIPE = """
            classes {
              1 kitchen mushroom videos "v/a.mp4"
              2 kitchen scallion videos "v/b.mp4"
              3 other background videos "v/c.mp4" background
            }
            preprocess { resize 40x40; crop 32x32; std %s }
            export caffe { fold_batchnorm %s }
            """;

    private StageHarness harness(String std, boolean fold) throws IOException {
        for (String v : List.of("a", "b", "c")) {
            Files.createDirectories(dir.resolve("v"));
            if (!Files.exists(dir.resolve("v/" + v + ".mp4"))) Files.writeString(dir.resolve("v/" + v + ".mp4"), "not decoded here");
        }
        return StageHarness.write(dir, RECIPE.formatted(std, fold));
    }

    private StageRegistry registry() {
        return new StageRegistry().register(StandInStage.committingModel(dir.resolve("trained"))).register(new ExportStage());
    }

    @Test
    void writesTheContractFilesCachesAndReRunsOnlyExportWhenFoldingChanges() throws Exception {
        RandomResNet18.writeModel(dir.resolve("trained"), 3, 32, 32, RandomResNet18.EQUAL_MEAN, RandomResNet18.EQUAL_STD, 11);
        StageHarness h = harness("127.5 127.5 127.5", false);
        Executor.Result first = h.run(registry(), StageId.TRAIN, StageId.EXPORT);
        assertEquals(Executor.Outcome.OK, first.outcome(), first.failures().toString());
        assertEquals(List.of("export.json", "graph.html", "model.caffemodel", "model.prototxt"), h.files("caffe"));

        Map<?, ?> summary = (Map<?, ?>) Json.read(Files.readString(h.out.resolve("caffe/export.json")));
        assertEquals(1.0 / 127.5, ((Number) summary.get("data_scale")).doubleValue(), 0.0);
        assertEquals(Boolean.FALSE, summary.get("std_folded_into_conv1"));
        assertEquals(Boolean.FALSE, summary.get("fold_batchnorm"));
        assertEquals(90L, summary.get("layer_count"));
        assertEquals(List.of(1L, 3L, 32L, 32L), ((Map<?, ?>) summary.get("input")).get("shape"));
        assertEquals(List.of(127.5, 127.5, 127.5), ((Map<?, ?>) summary.get("input")).get("mean"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) summary.get("lint")).get("valid"));
        assertEquals(0L, ((Map<?, ?>) summary.get("lint")).get("error_count"));
        String html = Files.readString(h.out.resolve("caffe/graph.html"));
        assertTrue(html.contains("data-name=\"layer4.1.bn2.scale\""));

        Executor.Result again = h.run(registry(), StageId.TRAIN, StageId.EXPORT);
        assertEquals(0, again.ran());
        assertEquals(2, again.cached());

        h = harness("127.5 127.5 127.5", true);
        Executor.Result folded = h.run(registry(), StageId.TRAIN, StageId.EXPORT);
        assertEquals(Executor.Outcome.OK, folded.outcome(), folded.failures().toString());
        assertEquals(1, folded.ran(), "only export re-runs");
        summary = (Map<?, ?>) Json.read(Files.readString(h.out.resolve("caffe/export.json")));
        assertEquals(50L, summary.get("layer_count"));
        assertEquals(Boolean.TRUE, summary.get("fold_batchnorm"));
    }

    @Test
    void perChannelStdIsFoldedIntoConv1AndTheSingleDataScaleRecorded() throws Exception {
        double[] std = {58.395, 57.12, 57.375};
        RandomResNet18.writeModel(dir.resolve("trained"), 3, 32, 32, RandomResNet18.IMAGENET_MEAN, std, 12);
        StageHarness h = harness("58.395 57.12 57.375", false);
        Executor.Result r = h.run(registry(), StageId.TRAIN, StageId.EXPORT);
        assertEquals(Executor.Outcome.OK, r.outcome(), r.failures().toString());
        Map<?, ?> summary = (Map<?, ?>) Json.read(Files.readString(h.out.resolve("caffe/export.json")));
        double ref = (std[0] + std[1] + std[2]) / 3;
        assertEquals(1 / ref, ((Number) summary.get("data_scale")).doubleValue(), 0.0);
        assertEquals(Boolean.TRUE, summary.get("std_folded_into_conv1"));
        List<?> factors = (List<?>) summary.get("conv1_input_channel_factors");
        for (int c = 0; c < 3; c++) assertEquals(ref / std[c], ((Number) factors.get(c)).doubleValue(), 1e-15);
    }

    @Test
    void aWeightsFileThatIsNotAResNet18FailsListingEveryMismatch() throws Exception {
        RandomResNet18.writeModel(dir.resolve("trained"), 3, 32, 32, RandomResNet18.EQUAL_MEAN, RandomResNet18.EQUAL_STD, 13);
        Map<String, Tensor> t = new java.util.LinkedHashMap<>(SafeTensors.read(dir.resolve("trained/model.safetensors")));
        t.remove("layer3.1.bn2.running_var");
        t.put("fc.weight", new Tensor(new long[] {3, 256}, new float[3 * 256]));
        t.put("extra.weight", new Tensor(new long[] {1}, new float[1]));
        SafeTensors.write(dir.resolve("trained/model.safetensors"), t, null);
        StageHarness h = harness("127.5 127.5 127.5", false);
        Executor.Result r = h.run(registry(), StageId.TRAIN, StageId.EXPORT);
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        String text = String.join("\n", r.failures());
        assertTrue(text.contains("2 tensors do not match a ResNet-18"), text);
        assertTrue(text.contains("layer3.1.bn2.running_var: missing"), text);
        assertTrue(text.contains("fc.weight: shape [3, 256], expected [3, 512]"), text);
        assertEquals(List.of(), h.files("caffe"), "nothing half-written is committed");
    }

    @Test
    void aModelCardThatDisagreesWithTheRecipeIsAClearFailure() throws Exception {
        RandomResNet18.writeModel(dir.resolve("trained"), 4, 32, 32, RandomResNet18.EQUAL_MEAN, RandomResNet18.EQUAL_STD, 14);
        StageHarness h = harness("127.5 127.5 127.5", false);
        Executor.Result r = h.run(registry(), StageId.TRAIN, StageId.EXPORT);
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        assertTrue(String.join("\n", r.failures()).contains("model/model.json has 4 classes but the recipe declares 3"), r.failures().toString());
    }

    @Test
    void aModelTrainedWithPoolingNnieDoesNotComputeIsRefused() throws Exception {
        RandomResNet18.writeModel(dir.resolve("trained"), 3, 32, 32, RandomResNet18.EQUAL_MEAN, RandomResNet18.EQUAL_STD, 15);
        StageHarness h = harness("127.5 127.5 127.5", false);
        Map<String, Object> card = RandomResNet18.card(3, 32, 32, RandomResNet18.EQUAL_MEAN, RandomResNet18.EQUAL_STD);
        card.put("stem_pool", Map.of("kernel", 3, "stride", 2, "pad", 1, "ceil_mode", false));
        Files.writeString(dir.resolve("trained/model.json"), Json.write(card), StandardCharsets.UTF_8);
        Executor.Result r = h.run(registry(), StageId.TRAIN, StageId.EXPORT);
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        assertTrue(String.join("\n", r.failures()).contains("NNIE computes kernel 3 stride 2 pad 0 ceil"), r.failures().toString());
    }
}
