package io.wkforge.stages.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A trained network loaded from {@code model/} ({@link ModelCard} and the safetensors weights),
 * ready to run on images on the CPU exactly as training validated it: for verify, the
 * quantization estimate and the report.
 */
public final class TrainedModel implements AutoCloseable {
    private final ModelCard card;
    private final NDManager manager;
    private final ResNet18 network;
    private final ParameterStore store;

    private TrainedModel(ModelCard card, Map<String, Tensor> weights) throws IOException {
        Libtorch.engine();
        this.card = card;
        this.manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        this.network = new ResNet18(card.numClasses());
        network.initialize(manager, weights);
        this.store = new ParameterStore(manager, false);
    }

    /** Loads {@code model.json} and {@code model.safetensors} from a model folder. */
    public static TrainedModel load(Path modelDir) throws IOException {
        ModelCard card = ModelCard.read(modelDir.resolve(ModelCard.FILE_NAME));
        Path weightsFile = modelDir.resolve(ModelCard.WEIGHTS_FILE_NAME);
        if (!Files.isRegularFile(weightsFile)) throw new IOException(weightsFile + ": missing");
        return of(card, SafeTensors.read(weightsFile));
    }

    /** A network with these weights (named as {@link ResNet18Layout#tensorShapes}) and card. */
    public static TrainedModel of(ModelCard card, Map<String, Tensor> weights) throws IOException {
        try {
            return new TrainedModel(card, weights);
        } catch (IllegalArgumentException e) {
            throw new IOException("the weights do not fit a " + card.numClasses() + "-class ResNet-18: " + e.getMessage());
        }
    }

    public ModelCard card() {
        return card;
    }

    public Preprocessing preprocessing() {
        return card.input();
    }

    /**
     * Logits for a batch already preprocessed (NCHW float32, {@code n} images of the card's input
     * size), one row per image.
     */
    public float[][] logits(float[] batch, int n) {
        Preprocessing p = card.input();
        if (batch.length != n * p.inputSize()) throw new IllegalArgumentException(batch.length + " floats are not " + n + " inputs");
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(batch, new Shape(p.batchShape(n)));
            float[] flat = network.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
            int k = card.numClasses();
            float[][] out = new float[n][k];
            for (int i = 0; i < n; i++) System.arraycopy(flat, i * k, out[i], 0, k);
            return out;
        }
    }

    /** Logits for image files, preprocessed as in validation (centre crop). */
    public float[][] logits(List<Path> images) throws IOException {
        return logits(card.input().centreBatch(images), images.size());
    }

    @Override
    public void close() {
        manager.close();
    }
}
