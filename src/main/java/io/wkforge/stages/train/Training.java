package io.wkforge.stages.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.wkforge.stages.model.Preprocessing;
import io.wkforge.stages.model.ResNet18;
import io.wkforge.stages.model.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The network, its optimizer and the devices it trains on; one call per step or validation pass.
 * With several devices a batch is cut into one slice per device (DJL's ParameterStore mirrors
 * the parameters), the gradients are summed, and the loss is the mean over the whole batch, as
 * on one device.
 */
final class Training implements AutoCloseable {
    private final Preprocessing preprocessing;
    private final int numClasses;
    private final List<Device> devices;
    private final Engine engine;
    private final NDManager manager;
    private final List<NDManager> inputManagers = new ArrayList<>();
    private final ResNet18 network;
    private final ParameterStore store;
    private final UpdateRule rule;
    /** Whether the pretrained layers (all but the classifier) are frozen this epoch. */
    private volatile boolean backboneFrozen;

    /** Sum of the per-image losses and how many images the network got right. */
    record Tally(double lossSum, int correct) {}

    Training(TrainSettings settings, int numClasses, List<Device> devices, Map<String, Tensor> initialWeights, Engine engine) {
        this.preprocessing = settings.preprocessing();
        this.numClasses = numClasses;
        this.devices = List.copyOf(devices);
        this.engine = engine;
        this.manager = engine.newBaseManager(devices.get(0));
        for (Device d : devices) inputManagers.add(engine.newBaseManager(d));
        this.network = new ResNet18(numClasses);
        network.initialize(manager, initialWeights);
        this.rule = UpdateRule.of(settings, manager);
        if (settings.pretrained() != null && settings.fineTune().pretrainedLr() != 1) {
            double factor = settings.fineTune().pretrainedLr();
            rule.setRateFactor(name -> isClassifier(name) ? 1 : factor);
        }
        this.store = new ParameterStore(manager, false);
        store.setParameterServer(new ParameterUpdates(rule, network.parametersByName(), name -> backboneFrozen && !isClassifier(name)),
                devices.toArray(Device[]::new));
    }

    private static boolean isClassifier(String name) {
        return name.startsWith("fc.");
    }

    /** Freezes or thaws the layers before the classifier (train.freeze_epochs). */
    void freezeBackbone(boolean frozen) {
        backboneFrozen = frozen;
    }

    /**
     * The stem pool the network computes from now on: NNIE's for training and what is deployed,
     * PyTorch's only to measure imported weights as they were trained.
     */
    void useStemPool(io.wkforge.stages.model.ResNet18Layout.StemPool pool) {
        network.useStemPool(pool);
    }

    UpdateRule rule() {
        return rule;
    }

    Map<String, Tensor> weights() {
        return network.weights();
    }

    /** One optimisation step on a batch: forward, backward, update. */
    Tally step(Batch b) {
        int n = b.size();
        int parts = Math.min(devices.size(), n);
        double lossSum = 0;
        int correct = 0;
        List<NDManager> stepManagers = new ArrayList<>();
        try {
            try (GradientCollector gc = engine.newGradientCollector()) {
                for (int d = 0; d < parts; d++) {
                    int from = n * d / parts;
                    int to = n * (d + 1) / parts;
                    NDManager m = inputManagers.get(d).newSubManager();
                    stepManagers.add(m);
                    NDArray x = input(m, b, from, to);
                    NDArray logits = network.forward(store, new NDList(x), true).singletonOrThrow();
                    NDArray loss = logits.logSoftmax(1).mul(oneHot(m, b.labels(), from, to)).sum().neg();
                    gc.backward(loss.div(n));
                    lossSum += loss.getFloat();
                    correct += correct(logits, b.labels(), from);
                }
            }
            rule.beginStep();
            store.updateAllParameters();
        } finally {
            for (NDManager m : stepManagers) m.close();
        }
        return new Tally(lossSum, correct);
    }

    /** Validation of one batch on the first device; adds each image to the confusion matrix. */
    Tally evaluate(Batch b, int[][] confusion) {
        try (NDManager m = inputManagers.get(0).newSubManager()) {
            NDArray logits = network.forward(store, new NDList(input(m, b, 0, b.size())), false).singletonOrThrow();
            NDArray losses = logits.logSoftmax(1).mul(oneHot(m, b.labels(), 0, b.size())).sum(new int[] {1}).neg();
            float[] perImage = losses.toFloatArray();
            long[] predicted = logits.argMax(1).toLongArray();
            double lossSum = 0;
            int correct = 0;
            for (int i = 0; i < b.size(); i++) {
                lossSum += perImage[i];
                int truth = b.labels()[i];
                confusion[truth][(int) predicted[i]]++;
                if (predicted[i] == truth) correct++;
            }
            return new Tally(lossSum, correct);
        }
    }

    /**
     * The logits of a batch on the first device, flattened (N x classes). In training mode
     * BatchNorm normalises with the batch's statistics and updates its running ones, as a
     * training forward does; nothing else changes.
     */
    float[] logits(Batch b, boolean trainingMode) {
        try (NDManager m = inputManagers.get(0).newSubManager()) {
            return network.forward(store, new NDList(input(m, b, 0, b.size())), trainingMode).singletonOrThrow().toFloatArray();
        }
    }

    /** The batch's images as an array that reads the batch's direct memory in place (on the CPU). */
    private NDArray input(NDManager m, Batch b, int from, int to) {
        return m.create(b.images(from, to, preprocessing.inputSize()), new Shape(preprocessing.batchShape(to - from)), DataType.FLOAT32);
    }

    private NDArray oneHot(NDManager m, int[] labels, int from, int to) {
        float[] hot = new float[(to - from) * numClasses];
        for (int i = from; i < to; i++) hot[(i - from) * numClasses + labels[i]] = 1f;
        return m.create(hot, new Shape(to - from, numClasses));
    }

    private static int correct(NDArray logits, int[] labels, int from) {
        long[] predicted = logits.argMax(1).toLongArray();
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) if (predicted[i] == labels[from + i]) correct++;
        return correct;
    }

    @Override
    public void close() {
        rule.close();
        for (NDManager m : inputManagers) m.close();
        manager.close();
    }
}
