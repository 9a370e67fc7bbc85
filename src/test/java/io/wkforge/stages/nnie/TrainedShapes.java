package io.wkforge.stages.nnie;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.Executor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One ResNet-18 trained by the real train stage on generated shape pictures (four classes, 32 px
 * input, 48 px pictures), once per test run and shared by the tests of verify, quantize and wk:
 * a network that has actually learnt something, at a few seconds' cost.
 */
record TrainedShapes(Path model, Path dataset) {
    /** The recipe's training part; tests that use the shared model must keep it. */
    static final String TRAINING = """
            preprocess { resize 36x36; crop 32x32 }
            train resnet18 { epochs 6; batch 16; optimizer sgd; lr 0.05; schedule cosine; seed 3 }
            """;
    private static TrainedShapes shared;

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind
        }
    }

    static synchronized TrainedShapes get() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("wkforge-trained-shapes");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                Pipeline p = new Pipeline(dir).shapes(24, 8, 48);
                p.recipe(TRAINING);
                Executor.Result r = p.run(StageId.SPLIT, StageId.TRAIN);
                if (r.outcome() != Executor.Outcome.OK) throw new IllegalStateException("training the shared model failed: " + r.failures());
                shared = new TrainedShapes(p.file("model"), p.prepared);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }
}
