package io.wkforge.stages.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ResNet-18 ({@link ResNet18Layout}) as one DJL block whose parameters carry torchvision's
 * state-dict names ({@code conv1.weight}, {@code layer2.0.downsample.1.running_var},
 * {@code fc.bias}, ...), so weights move between this block, a safetensors file and a torchvision
 * model by name alone, and export walks the same names.
 *
 * <p>The forward pass calls DJL's functional operators directly rather than nesting Conv2d,
 * BatchNorm and ParallelBlock children: the parameter names stay exactly torchvision's (children
 * would prefix them with "01Conv2d_"), and each BatchNorm goes straight to libtorch's batch_norm.
 */
public final class ResNet18 extends AbstractBlock {
    /** libtorch normalises over dimension 1 whatever the axis; -1 selects DJL's direct call. */
    private static final int TORCH_BATCHNORM_AXIS = -1;
    /** DJL's BatchNorm momentum is the weight of the old statistic: 0.9 is PyTorch's 0.1. */
    private static final float DJL_BATCHNORM_MOMENTUM = 0.9f;

    private static final Shape NO_DILATION = new Shape(1, 1);

    private final int numClasses;
    private volatile ResNet18Layout.StemPool stemPool;
    private final Map<String, Parameter> byName = new LinkedHashMap<>();

    public ResNet18(int numClasses) {
        this(numClasses, ResNet18Layout.StemPool.NNIE);
    }

    /** With another stem pool than NNIE's: only to measure imported weights as they were trained. */
    public ResNet18(int numClasses, ResNet18Layout.StemPool stemPool) {
        super((byte) 1);
        this.stemPool = stemPool;
        if (numClasses < 1) throw new IllegalArgumentException("a classifier needs at least one class");
        this.numClasses = numClasses;
        for (Map.Entry<String, long[]> e : ResNet18Layout.tensorShapes(numClasses).entrySet()) {
            String name = e.getKey();
            Parameter p = addParameter(Parameter.builder()
                    .setName(name)
                    .setType(typeOf(name))
                    .optShape(new Shape(e.getValue()))
                    .optRequiresGrad(!ResNet18Layout.isRunningStatistic(name))
                    .build());
            byName.put(name, p);
        }
    }

    /** Switches the stem pool, to measure imported weights with the pooling they were trained with. */
    public void useStemPool(ResNet18Layout.StemPool pool) {
        this.stemPool = pool;
    }

    public int numClasses() {
        return numClasses;
    }

    /** The parameters by torchvision name, in state-dict order. */
    public Map<String, Parameter> parametersByName() {
        return Collections.unmodifiableMap(byName);
    }

    /**
     * Creates every parameter from {@code weights} (which must hold each tensor of
     * {@link ResNet18Layout#tensorShapes} with that shape) on the manager's device.
     */
    public void initialize(NDManager manager, Map<String, Tensor> weights) {
        checkComplete(weights);
        for (Map.Entry<String, Parameter> e : byName.entrySet()) {
            Tensor t = weights.get(e.getKey());
            Parameter p = e.getValue();
            p.setInitializer((m, shape, type) -> m.create(t.data(), shape));
            p.initialize(manager, DataType.FLOAT32);
        }
    }

    /** The current values, by torchvision name in state-dict order (copied to Java memory). */
    public Map<String, Tensor> weights() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : byName.entrySet()) {
            NDArray a = e.getValue().getArray();
            out.put(e.getKey(), new Tensor(a.getShape().getShape(), a.toFloatArray()));
        }
        return out;
    }

    private void checkComplete(Map<String, Tensor> weights) {
        for (Map.Entry<String, long[]> e : ResNet18Layout.tensorShapes(numClasses).entrySet()) {
            Tensor t = weights.get(e.getKey());
            if (t == null) throw new IllegalArgumentException("no tensor " + e.getKey());
            if (!java.util.Arrays.equals(t.shape(), e.getValue())) {
                throw new IllegalArgumentException("tensor " + e.getKey() + " has shape " + t.shapeText() + ", expected "
                        + java.util.Arrays.toString(e.getValue()));
            }
        }
    }

    private static Parameter.Type typeOf(String name) {
        if (name.endsWith(".running_mean")) return Parameter.Type.RUNNING_MEAN;
        if (name.endsWith(".running_var")) return Parameter.Type.RUNNING_VAR;
        if (name.endsWith(".bias")) return name.startsWith("fc.") ? Parameter.Type.BIAS : Parameter.Type.BETA;
        if (name.startsWith("fc.") || name.contains("conv") || name.endsWith("downsample.0.weight")) return Parameter.Type.WEIGHT;
        return Parameter.Type.GAMMA; // a BatchNorm's weight
    }

    /**
     * Input NCHW float32 (normalised), output the logits (N, classes). Each intermediate array is
     * closed as soon as the next layer has read it: autograd keeps its own references to what the
     * backward pass needs, so this frees the rest at once (as Python's reference counting does
     * for torchvision) instead of at the end of the step, which keeps peak memory and allocator
     * churn down.
     */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        Device device = input.getDevice();
        Values v = name -> store.getValue(byName.get(name), device, training);
        NDArray x = conv(input, v, ResNet18Layout.stem());
        x = then(x, batchNorm(x, v, "bn1", training));
        x = then(x, Activation.relu(x));
        x = then(x, Pool.maxPool2d(x, new Shape(ResNet18Layout.STEM_POOL_KERNEL, ResNet18Layout.STEM_POOL_KERNEL),
                new Shape(ResNet18Layout.STEM_POOL_STRIDE, ResNet18Layout.STEM_POOL_STRIDE),
                new Shape(stemPool.pad, stemPool.pad), stemPool.ceil));
        for (ResNet18Layout.BasicBlock b : ResNet18Layout.blocks()) {
            NDArray out = conv(x, v, b.conv1());
            out = then(out, batchNorm(out, v, b.bn1(), training));
            out = then(out, Activation.relu(out));
            out = then(out, conv(out, v, b.conv2()));
            out = then(out, batchNorm(out, v, b.bn2(), training));
            if (b.downsample() == null) {
                out.addi(x); // BatchNorm's backward needs its input, not its output: adding in place is safe
            } else {
                NDArray shortcut = conv(x, v, b.downsample());
                shortcut = then(shortcut, batchNorm(shortcut, v, b.downsampleBn(), training));
                out.addi(shortcut);
                shortcut.close();
            }
            x.close();
            x = then(out, Activation.relu(out));
        }
        NDArray pooled = then(x, Pool.globalAvgPool2d(x));
        NDList logits = Linear.linear(pooled, v.get("fc.weight"), v.get("fc.bias"));
        pooled.close();
        return logits;
    }

    /** {@code next}, after closing {@code previous} (which only {@code next} read). */
    private static NDArray then(NDArray previous, NDArray next) {
        previous.close();
        return next;
    }

    private interface Values {
        NDArray get(String name);
    }

    private static NDArray conv(NDArray x, Values v, ResNet18Layout.Conv c) {
        return Conv2d.conv2d(x, v.get(c.name() + ".weight"), null, new Shape(c.stride(), c.stride()),
                new Shape(c.pad(), c.pad()), NO_DILATION).singletonOrThrow();
    }

    private static NDArray batchNorm(NDArray x, Values v, String name, boolean training) {
        return BatchNorm.batchNorm(x, v.get(name + ".running_mean"), v.get(name + ".running_var"), v.get(name + ".weight"),
                v.get(name + ".bias"), TORCH_BATCHNORM_AXIS, DJL_BATCHNORM_MOMENTUM, (float) ResNet18Layout.BATCHNORM_EPS, training)
                .singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), numClasses)};
    }
}
