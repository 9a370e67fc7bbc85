package io.wkforge.stages.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.wkforge.stages.model.Libtorch;
import io.wkforge.stages.model.Npz;
import io.wkforge.stages.model.Preprocessing;
import io.wkforge.stages.model.ResNet18Layout;
import io.wkforge.stages.model.SafeTensors;
import io.wkforge.stages.model.Tensor;
import io.wkforge.util.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DJL network and optimizers against torchvision's resnet18 (stem pool set to k3 s2 pad 0
 * ceil mode) and torch.optim, run by Debian's PyTorch on the same weights and inputs: logits in
 * eval and train mode, BatchNorm running statistics, and weights after SGD, Adam and AdamW steps
 * with a learning-rate change between them. The input is 56x44 (conv1 gives 28x22) so the ceil-mode pool has a
 * partial window at the edge.
 */
class TorchvisionDifferentialTest {
    static final int CLASSES = 5;
    static final int N = 4;
    static final int H = 44;
    static final int W = 56;
    static final double[] LRS = {0.05, 0.05, 0.01};

    @TempDir
    static Path dir;
    static Map<String, Tensor> weights;
    static float[] input;
    static int[] labels;
    static Map<String, Tensor> reference;

    @BeforeAll
    static void runTorchvision() throws Exception {
        PyTorchPeer.require();
        weights = new LinkedHashMap<>(InitialWeights.of(CLASSES, 11));
        Random r = new Random(5);
        for (Map.Entry<String, Tensor> e : weights.entrySet()) {
            if (e.getValue().rank() != 1 || e.getKey().startsWith("fc.")) continue;
            float[] d = e.getValue().data().clone();
            for (int i = 0; i < d.length; i++) {
                d[i] = e.getKey().endsWith("running_var") ? 0.5f + r.nextFloat() : e.getKey().endsWith(".weight")
                        ? 0.5f + r.nextFloat() : (float) (r.nextGaussian() * 0.2);
            }
            e.setValue(new Tensor(e.getValue().shape(), d));
        }
        input = new float[N * 3 * H * W];
        for (int i = 0; i < input.length; i++) input[i] = (float) r.nextGaussian();
        labels = new int[] {0, 3, 1, 4};
        Map<String, Tensor> all = new LinkedHashMap<>();
        weights.forEach((k, v) -> all.put("w/" + k, v));
        all.put("input", new Tensor(new long[] {N, 3, H, W}, input));
        float[] l = new float[N];
        for (int i = 0; i < N; i++) l[i] = labels[i];
        all.put("labels", new Tensor(new long[] {N}, l));
        String optimizers = Json.writeCompact(List.of(
                Map.of("kind", "sgd", "lrs", List.of(LRS[0], LRS[1], LRS[2]), "momentum", 0.9, "weight_decay", 1e-3),
                Map.of("kind", "adam", "lrs", List.of(LRS[0] / 50, LRS[1] / 50, LRS[2] / 50), "weight_decay", 1e-3),
                Map.of("kind", "adamw", "lrs", List.of(LRS[0] / 50, LRS[1] / 50, LRS[2] / 50), "weight_decay", 1e-2)));
        SafeTensors.write(dir.resolve("case.safetensors"), all, Map.of("num_classes", String.valueOf(CLASSES), "optimizers", optimizers));
        PyTorchPeer.script("torchvision_reference.py", dir, dir.toString());
        reference = Npz.read(dir.resolve("reference.npz"));
    }

    private static TrainSettings settings(TrainSettings.OptimizerKind kind, double momentum, double weightDecay) {
        Preprocessing p = new Preprocessing(W, H, W, H, "rgb", new double[] {0, 0, 0}, new double[] {1, 1, 1});
        return new TrainSettings(1, N, kind, 0.1, momentum, weightDecay, new Schedule("constant", 0.1, 1, List.of()), 0, null,
                new Devices("cpu", List.of()), 0, p, new TrainSettings.FineTune(null, 1, 0), "none");
    }

    private static Training training(TrainSettings s) throws Exception {
        Libtorch.useThreads(1);
        return new Training(s, CLASSES, List.of(Device.cpu()), weights, Libtorch.engine());
    }

    @Test
    void logitsMatchTorchvisionInEvalAndTrainMode() throws Exception {
        try (Training t = training(settings(TrainSettings.OptimizerKind.SGD, 0, 0))) {
            float[] eval = t.logits(Batch.of(input, labels), false);
            assertClose("eval logits", reference.get("eval_logits").data(), eval, 1e-4);
            float[] train = t.logits(Batch.of(input, labels), true);
            assertClose("train-mode logits", reference.get("train_logits").data(), train, 1e-4);
            Map<String, Tensor> after = t.weights();
            for (String name : after.keySet()) {
                if (!ResNet18Layout.isRunningStatistic(name)) continue;
                assertClose(name + " after one training forward", reference.get("stats/" + name).data(), after.get(name).data(), 1e-5);
            }
        }
    }

    @Test
    void sgdStepsMatchTorchOptim() throws Exception {
        steps(settings(TrainSettings.OptimizerKind.SGD, 0.9, 1e-3), "sgd", 1);
    }

    @Test
    void adamStepsMatchTorchOptim() throws Exception {
        steps(settings(TrainSettings.OptimizerKind.ADAM, 0, 1e-3), "adam", 50);
    }

    @Test
    void adamwStepsMatchTorchOptim() throws Exception {
        steps(settings(TrainSettings.OptimizerKind.ADAMW, 0, 1e-2), "adamw", 50);
    }

    /**
     * Runs three steps (the rate changes before the third) and compares every tensor. SGD must
     * agree everywhere; Adam divides each gradient by its own running magnitude, which turns
     * rounding differences in near-zero gradients into whole steps of the learning rate for a
     * few isolated elements, so there at most 1 in 1,000 elements may differ by more than 1e-5.
     */
    private static void steps(TrainSettings s, String kind, double lrDivisor) throws Exception {
        try (Training t = training(s)) {
            for (double lr : LRS) {
                t.rule().setRate(lr / lrDivisor);
                t.step(Batch.of(input, labels));
            }
            boolean exact = kind.equals("sgd");
            for (Map.Entry<String, Tensor> e : t.weights().entrySet()) {
                float[] want = reference.get(kind + "/" + e.getKey()).data();
                float[] got = e.getValue().data();
                if (exact) {
                    double d = maxDiff(want, got) / (1e-3 + maxAbs(want));
                    assertTrue(d < 1e-3, kind + ": " + e.getKey() + " differs by " + d + " (relative to its largest value)");
                    continue;
                }
                int off = 0;
                for (int i = 0; i < want.length; i++) if (Math.abs(want[i] - got[i]) > 1e-5 + 1e-4 * Math.abs(want[i])) off++;
                assertTrue(off <= Math.max(2, want.length / 1000), kind + ": " + e.getKey() + ": " + off + " of " + want.length + " values differ");
            }
        }
    }

    static void assertClose(String what, float[] want, float[] got, double tolerance) {
        assertEquals(want.length, got.length, what + ": sizes");
        double d = maxDiff(want, got);
        assertTrue(d <= tolerance * Math.max(1, maxAbs(want)), what + ": max difference " + d + " (largest value " + maxAbs(want) + ")");
    }

    static double maxDiff(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
        return d;
    }

    static double maxAbs(float[] a) {
        double m = 0;
        for (float v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
