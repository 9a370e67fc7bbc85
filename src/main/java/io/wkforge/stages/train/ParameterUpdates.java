package io.wkforge.stages.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterServer;
import java.util.HashMap;
import java.util.Map;

/**
 * Applies the update rule to every trained parameter after a step. With several GPUs, DJL's
 * ParameterStore keeps one copy of each parameter per device: the gradients are summed onto the
 * first device, the rule updates that copy (one optimizer state), and the others receive its
 * values.
 */
final class ParameterUpdates implements ParameterServer {
    private final UpdateRule rule;
    private final Map<String, String> nameOfId = new HashMap<>();
    /** Parameters that stay as they are this epoch (pretrained layers during train.freeze_epochs). */
    private final java.util.function.Predicate<String> frozen;

    ParameterUpdates(UpdateRule rule, Map<String, Parameter> parametersByName, java.util.function.Predicate<String> frozen) {
        this.rule = rule;
        this.frozen = frozen;
        parametersByName.forEach((name, p) -> nameOfId.put(p.getId(), name));
    }

    @Override
    public void init(String parameterId, NDArray[] value) {}

    @Override
    public void update(String parameterId, NDArray[] grads, NDArray[] params) {
        Device first = params[0].getDevice();
        for (int i = 1; i < grads.length; i++) {
            try (NDArray copy = grads[i].toDevice(first, true)) {
                grads[0].addi(copy);
            }
        }
        String name = nameOfId.get(parameterId);
        if (frozen.test(name)) {
            JniUtils.zeroGrad((PtNDArray) params[0]);
        } else {
            rule.apply(name, params[0], grads[0]);
        }
        for (int i = 1; i < params.length; i++) {
            params[0].copyTo(params[i]);
            JniUtils.zeroGrad((PtNDArray) params[i]);
        }
    }

    @Override
    public void close() {}
}
