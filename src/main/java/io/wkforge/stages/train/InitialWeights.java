package io.wkforge.stages.train;

import io.wkforge.stages.model.ResNet18Layout;
import io.wkforge.stages.model.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * torchvision's initialisation of ResNet-18, drawn from the recipe's seed: convolutions
 * Kaiming-normal with fan-out (std sqrt(2 / (out * k * k))), BatchNorm scale 1 and shift 0,
 * running statistics 0 and 1, and the classifier as {@code nn.Linear} resets itself (weight and
 * bias uniform in +-1/sqrt(512)). Each tensor has its own stream, so adding a class changes only
 * the classifier.
 */
final class InitialWeights {
    private InitialWeights() {}

    static Map<String, Tensor> of(int numClasses, long seed) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : ResNet18Layout.tensorShapes(numClasses).entrySet()) {
            out.put(e.getKey(), tensor(e.getKey(), e.getValue(), seed));
        }
        return out;
    }

    /** A fresh classifier for {@code numClasses} (used when pretrained weights bring another one). */
    static Map<String, Tensor> classifier(int numClasses, long seed) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : new String[] {"fc.weight", "fc.bias"}) {
            out.put(name, tensor(name, ResNet18Layout.tensorShapes(numClasses).get(name), seed));
        }
        return out;
    }

    private static Tensor tensor(String name, long[] shape, long seed) {
        int n = 1;
        for (long d : shape) n = Math.multiplyExact(n, (int) d);
        float[] data = new float[n];
        SplittableRandom r = Seeds.stream(seed, Seeds.INIT, name.hashCode());
        if (name.startsWith("fc.")) {
            double bound = 1 / Math.sqrt(ResNet18Layout.FEATURES);
            for (int i = 0; i < n; i++) data[i] = (float) ((r.nextDouble() * 2 - 1) * bound);
        } else if (shape.length == 4) {
            double std = Math.sqrt(2.0 / (shape[0] * shape[2] * shape[3]));
            for (int i = 0; i < n; i++) data[i] = (float) (r.nextGaussian() * std);
        } else if (name.endsWith(".weight") || name.endsWith(".running_var")) {
            java.util.Arrays.fill(data, 1f);
        } // BatchNorm shift and running mean stay 0
        return new Tensor(shape, data);
    }
}
