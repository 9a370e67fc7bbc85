package io.wkforge.stages.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.wkforge.stages.model.Libtorch;
import org.junit.jupiter.api.Test;

/** train.pretrained_lr: the pretrained layers step at a fraction of the rate, the classifier at the rate itself. */
class PretrainedLrTest {
    @Test
    void pretrainedLayersStepAtTheirFractionOfTheRate() throws Exception {
        Libtorch.engine();
        for (boolean adam : new boolean[] {false, true}) {
            try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
                UpdateRule rule = adam ? new UpdateRule.Adam(m, 0, false) : new UpdateRule.Sgd(m, 0, 0);
                rule.setRate(0.1);
                rule.setRateFactor(name -> name.startsWith("fc.") ? 1 : 0.25);
                rule.beginStep();
                NDArray conv = m.ones(new ai.djl.ndarray.types.Shape(2));
                NDArray fc = m.ones(new ai.djl.ndarray.types.Shape(2));
                rule.apply("layer1.0.conv1.weight", conv, m.ones(new ai.djl.ndarray.types.Shape(2)));
                rule.apply("fc.weight", fc, m.ones(new ai.djl.ndarray.types.Shape(2)));
                // SGD: w - lr * g; Adam's first step: w - lr * sign(g) (bias-corrected m / sqrt(v) = 1)
                assertArrayEquals(new float[] {0.975f, 0.975f}, conv.toFloatArray(), 1e-6f, adam ? "adam" : "sgd");
                assertArrayEquals(new float[] {0.9f, 0.9f}, fc.toFloatArray(), 1e-6f, adam ? "adam" : "sgd");
                rule.close();
            }
        }
    }
}
