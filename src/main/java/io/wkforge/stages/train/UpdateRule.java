package io.wkforge.stages.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.wkforge.stages.model.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a parameter changes given its gradient, with PyTorch's semantics for {@code sgd},
 * {@code adam} and {@code adamw} (so a recipe behaves as the same settings do in torch.optim).
 * The arithmetic runs in libtorch through DJL's fused update operators; the state (momentum,
 * moments) is kept per parameter name so a checkpoint can hold it.
 */
abstract class UpdateRule implements AutoCloseable {
    protected final NDManager manager;
    protected final float weightDecay;
    protected double rate;
    /** Per parameter name: its rate as a fraction of the rate ({@code train.pretrained_lr}); 1 for all by default. */
    protected java.util.function.ToDoubleFunction<String> rateFactor = name -> 1;
    /** Per parameter name: its state arrays. */
    protected final Map<String, NDArray[]> states = new LinkedHashMap<>();

    UpdateRule(NDManager manager, double weightDecay) {
        this.manager = manager;
        this.weightDecay = (float) weightDecay;
    }

    static UpdateRule of(TrainSettings s, NDManager manager) {
        return switch (s.optimizer()) {
            case SGD -> new Sgd(manager, s.momentum(), s.weightDecay());
            case ADAM -> new Adam(manager, s.weightDecay(), false);
            case ADAMW -> new Adam(manager, s.weightDecay(), true);
        };
    }

    /** A rate per parameter as a fraction of the common rate (pretrained layers slower than a new classifier). */
    void setRateFactor(java.util.function.ToDoubleFunction<String> factor) {
        this.rateFactor = factor;
    }

    /** The learning rate from now on. */
    void setRate(double rate) {
        this.rate = rate;
    }

    double rate() {
        return rate;
    }

    /** Called once per step, before the parameters are updated. */
    void beginStep() {}

    /** Updates {@code weight} in place from {@code grad}, and zeroes the weight's gradient. */
    abstract void apply(String name, NDArray weight, NDArray grad);

    abstract int stateArrays();

    protected NDArray[] stateOf(String name, NDArray weight) {
        return states.computeIfAbsent(name, k -> {
            NDArray[] s = new NDArray[stateArrays()];
            for (int i = 0; i < s.length; i++) s[i] = manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
            return s;
        });
    }

    /** The state as tensors named {@code opt<i>/<parameter>}, for a checkpoint. */
    Map<String, Tensor> stateTensors() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        states.forEach((name, arrays) -> {
            for (int i = 0; i < arrays.length; i++) {
                out.put("opt" + i + "/" + name, new Tensor(arrays[i].getShape().getShape(), arrays[i].toFloatArray()));
            }
        });
        return out;
    }

    /** The scalar state (rates, step counts), for a checkpoint. */
    Map<String, Object> scalars() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rate", rate);
        return out;
    }

    void restore(Map<String, Tensor> tensors, Map<?, ?> scalars) {
        close();
        rate = ((Number) scalars.get("rate")).doubleValue();
        Map<String, NDArray[]> restored = new LinkedHashMap<>();
        tensors.forEach((key, t) -> {
            if (!key.startsWith("opt")) return;
            int slash = key.indexOf('/');
            int i = Integer.parseInt(key.substring(3, slash));
            String name = key.substring(slash + 1);
            NDArray[] arrays = restored.computeIfAbsent(name, k -> new NDArray[stateArrays()]);
            arrays[i] = manager.create(t.data(), new Shape(t.shape()));
        });
        states.putAll(restored);
    }

    @Override
    public void close() {
        for (NDArray[] arrays : states.values()) for (NDArray a : arrays) if (a != null) a.close();
        states.clear();
    }

    /**
     * torch.optim.SGD (dampening 0, no Nesterov): buf = m * buf + (g + wd * w); w -= lr * buf.
     * DJL's fused operator keeps state = lr * buf instead, which is the same while lr holds
     * still; when the rate changes the state is rescaled to match.
     */
    static final class Sgd extends UpdateRule {
        private final float momentum;

        Sgd(NDManager manager, double momentum, double weightDecay) {
            super(manager, weightDecay);
            this.momentum = (float) momentum;
        }

        @Override
        void setRate(double newRate) {
            if (rate > 0 && newRate != rate) {
                float scale = (float) (newRate / rate);
                for (NDArray[] s : states.values()) s[0].muli(scale);
            }
            super.setRate(newRate);
        }

        @Override
        int stateArrays() {
            return momentum == 0 ? 0 : 1;
        }

        @Override
        void apply(String name, NDArray weight, NDArray grad) {
            NDList inputs = momentum == 0 ? new NDList(weight, grad) : new NDList(weight, grad, stateOf(name, weight)[0]);
            weight.getNDArrayInternal().sgdUpdate(inputs, new NDList(weight), (float) (rate * rateFactor.applyAsDouble(name)), weightDecay, 1f, -1f, momentum, false);
        }
    }

    /**
     * torch.optim.Adam / AdamW (betas 0.9 and 0.999, eps 1e-8, no amsgrad). DJL's fused operator
     * adds eps to sqrt(v) rather than to sqrt(v / (1 - beta2^t)); passing eps * sqrt(1 - beta2^t)
     * and the bias-corrected rate makes it PyTorch's update exactly.
     */
    static final class Adam extends UpdateRule {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final double EPS = 1e-8;
        private final boolean decoupled;
        private long steps;

        Adam(NDManager manager, double weightDecay, boolean decoupled) {
            super(manager, weightDecay);
            this.decoupled = decoupled;
        }

        @Override
        int stateArrays() {
            return 2;
        }

        @Override
        void beginStep() {
            steps++;
        }

        @Override
        void apply(String name, NDArray weight, NDArray grad) {
            NDArray[] s = stateOf(name, weight);
            double bc1 = 1 - Math.pow(BETA1, steps);
            double bc2 = Math.sqrt(1 - Math.pow(BETA2, steps));
            double r = rate * rateFactor.applyAsDouble(name);
            weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, s[0], s[1]), new NDList(weight), (float) r,
                    (float) (r * bc2 / bc1), weightDecay, 1f, -1f, (float) BETA1, (float) BETA2, (float) (EPS * bc2), false, decoupled);
        }

        @Override
        Map<String, Object> scalars() {
            Map<String, Object> out = super.scalars();
            out.put("steps", steps);
            return out;
        }

        @Override
        void restore(Map<String, Tensor> tensors, Map<?, ?> scalars) {
            super.restore(tensors, scalars);
            steps = ((Number) scalars.get("steps")).longValue();
        }
    }
}
