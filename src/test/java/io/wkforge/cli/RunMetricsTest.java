package io.wkforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.RunSoFar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's key metrics come from the stages it stands behind, not from files an earlier run left. */
class RunMetricsTest {
    @TempDir Path out;

    private static RunSoFar runWith(StageId... current) {
        List<RunSoFar.TaskOutcome> tasks = new java.util.ArrayList<>();
        for (StageId s : current) tasks.add(new RunSoFar.TaskOutcome(s.id(), s, "cached", 0, null, "2026-01-01T00:00:00Z", 10));
        tasks.add(new RunSoFar.TaskOutcome("wk", StageId.WK, "skipped", 0, "no mapper", null, 0));
        return new RunSoFar("id", "2026-01-01T00:00:00Z", Map.of(), List.of(), List.of(), tasks);
    }

    @Test
    void metricsOfStagesInThisRunOnly() throws Exception {
        Files.createDirectories(out.resolve("model"));
        Files.createDirectories(out.resolve("caffe"));
        Files.createDirectories(out.resolve("nnie"));
        Files.writeString(out.resolve("model/metrics.json"), "{\"val_top1\": 0.875, \"best_epoch\": 7}");
        Files.writeString(out.resolve("caffe/verify.json"), "{\"max_abs_diff\": 2.5e-6, \"top1_agreement\": 1.0, \"passed\": true}");
        Files.writeString(out.resolve("nnie/quant.json"), "{\"precision_bits\": 16, \"quantized_top1\": 0.86, \"top1_drop\": 0.015, "
                + "\"board_input_drop\": 0.0125, \"quantization_drop\": 0.0025}");
        assertEquals(Map.of("val_top1", 0.875, "best_epoch", 7L, "verify_max_abs_diff", 2.5e-6, "verify_top1_agreement", 1.0,
                "verify_passed", true, "quantize_bits", 16L, "quantized_top1", 0.86, "top1_drop", 0.015, "board_input_drop", 0.0125,
                "quantization_drop", 0.0025),
                RunMetrics.read(out, runWith(StageId.TRAIN, StageId.VERIFY, StageId.QUANTIZE)));
        assertEquals(Map.of("val_top1", 0.875, "best_epoch", 7L), RunMetrics.read(out, runWith(StageId.SPLIT, StageId.TRAIN)),
                "an --until train run does not claim the older verify and quantize results");
        Files.writeString(out.resolve("model/metrics.json"), "{broken");
        assertEquals(Map.of(), RunMetrics.read(out, runWith(StageId.TRAIN)), "an unreadable file gives no metric, not a failure");
    }

    @Test
    void howMetricsRead() {
        assertEquals("87.5%", RunMetrics.show("val_top1", 0.875));
        assertEquals("1.5 pt", RunMetrics.show("top1_drop", 0.015));
        assertEquals("2.5e-06", RunMetrics.show("verify_max_abs_diff", 2.5e-6));
        assertEquals("+3.8 pt", RunMetrics.showDelta("val_top1", 0.0375001));
        assertEquals("—", RunMetrics.show("val_top1", null));
        assertEquals("16-bit", RunMetrics.show("quantize_bits", 16L), "the precision quant.json records, not always int8");
        assertEquals("8/16-bit", RunMetrics.show("quantize_bits", "8/16"));
        assertEquals("4.3 pt = 4.3 board input + 0.0 8-bit", RunMetrics.showDrop(Map.of("top1_drop", 0.0426, "board_input_drop", 0.0426,
                "quantization_drop", -0.0, "quantize_bits", 8L)), "the two parts apart");
        assertEquals("1.3 pt", RunMetrics.showDrop(Map.of("top1_drop", 0.0125)), "a run recorded before the parts were");
        assertTrue(RunMetrics.ALL.stream().noneMatch(m -> m.label().contains("int8")));
    }
}
