package io.wkforge.stages.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.run.Executor;
import io.wkforge.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainStageTest {
    @TempDir
    Path dir;

    @Test
    void learnsShapesAndColours() throws Exception {
        TrainHarness h = new TrainHarness(dir, TrainHarness.CLASSES + """
                preprocess { resize 36x36; crop 32x32 }
                train resnet18 { epochs 8; batch 16; optimizer sgd; lr 0.05; schedule cosine; seed 3 }
                """);
        h.shapes(24, 8, 40);
        long t0 = System.nanoTime();
        Executor.Result r = h.run();
        System.out.println("took " + (System.nanoTime() - t0) / 1e9 + " s");
        h.notes.forEach(System.out::println);
        assertEquals(Executor.Outcome.OK, r.outcome(), String.valueOf(r.failures()));
        Map<?, ?> metrics = (Map<?, ?>) Json.read(Files.readString(h.model("metrics.json")));
        double top1 = ((Number) metrics.get("val_top1")).doubleValue();
        assertTrue(top1 >= 0.9, "val top-1 " + top1);
    }
}
