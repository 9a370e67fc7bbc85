package io.wkforge.caffe.net;

import io.wkforge.caffe.text.Prototxt;
import io.wkforge.caffe.text.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The network a prototxt describes: its inputs and layers in file order, read from the parsed
 * tree however it is written (today's {@code layer} blocks, legacy {@code layers}, header or
 * Input-layer inputs). Whatever cannot be read is simply absent; the linter says why.
 */
public record CaffeNet(String name, List<NetInput> inputs, List<CaffeLayer> layers) {

    public static CaffeNet of(Prototxt file) {
        TextNode root = file.root();
        List<NetInput> inputs = headerInputs(root);
        List<CaffeLayer> layers = new ArrayList<>();
        for (TextNode f : root.fields()) {
            if (!f.isMessage()) continue;
            if (f.name().equals("layer") || f.name().equals("layers")) {
                boolean legacy = f.name().equals("layers");
                CaffeLayer layer = layer(layers.size(), f, legacy);
                layers.add(layer);
                if (layer.type().equals("Input")) inputs.addAll(layerInputs(layer));
            }
        }
        String name = root.text("name");
        return new CaffeNet(name == null ? "" : name, List.copyOf(inputs), List.copyOf(layers));
    }

    private static CaffeLayer layer(int index, TextNode node, boolean legacy) {
        String name = node.text("name");
        String type = node.text("type");
        if (type == null) type = "";
        if (legacy || !type.isEmpty() && type.equals(type.toUpperCase(Locale.ROOT)) && type.chars().anyMatch(Character::isLetter)) {
            type = LegacyTypes.modernName(type);
        }
        return new CaffeLayer(index, name == null ? "" : name, type, refs(node, "bottom"), refs(node, "top"), legacy, node);
    }

    private static List<BlobRef> refs(TextNode node, String field) {
        List<BlobRef> out = new ArrayList<>();
        for (TextNode f : node.all(field)) {
            if (f.value() != null) out.add(new BlobRef(f.value().text(), f.value().span()));
        }
        return List.copyOf(out);
    }

    private static List<NetInput> headerInputs(TextNode root) {
        List<NetInput> out = new ArrayList<>();
        List<TextNode> names = root.all("input");
        List<TextNode> shapes = root.all("input_shape");
        List<Long> legacyDims = root.integers("input_dim");
        for (int i = 0; i < names.size(); i++) {
            TextNode n = names.get(i);
            if (n.value() == null) continue;
            String name = n.value().text();
            if (i < shapes.size()) {
                out.add(new NetInput(name, shapes.get(i).integers("dim"), n.span(), NetInput.Style.INPUT_SHAPE, null));
            } else if (legacyDims.size() >= 4 * (i + 1)) {
                out.add(new NetInput(name, List.copyOf(legacyDims.subList(4 * i, 4 * i + 4)), n.span(), NetInput.Style.INPUT_DIM, null));
            } else {
                out.add(new NetInput(name, null, n.span(), NetInput.Style.NO_SHAPE, null));
            }
        }
        return out;
    }

    /** An Input layer's tops: one shape each, or one shape for all of them (Caffe's rule). */
    private static List<NetInput> layerInputs(CaffeLayer layer) {
        List<NetInput> out = new ArrayList<>();
        TextNode param = layer.param("input_param");
        List<TextNode> shapes = param == null ? List.of() : param.all("shape");
        for (int i = 0; i < layer.tops().size(); i++) {
            BlobRef top = layer.tops().get(i);
            TextNode shape = shapes.isEmpty() ? null : shapes.get(shapes.size() == 1 ? 0 : Math.min(i, shapes.size() - 1));
            List<Long> dims = shape == null ? null : shape.integers("dim");
            out.add(new NetInput(top.name(), dims, top.span(), dims == null ? NetInput.Style.NO_SHAPE : NetInput.Style.INPUT_LAYER, layer.node()));
        }
        return out;
    }

    /** The V1 enum names and their modern spellings. */
    static final class LegacyTypes {
        private static final Map<String, String> NAMES = Map.ofEntries(
                Map.entry("ABSVAL", "AbsVal"), Map.entry("ACCURACY", "Accuracy"), Map.entry("ARGMAX", "ArgMax"),
                Map.entry("BNLL", "BNLL"), Map.entry("CONCAT", "Concat"), Map.entry("CONTRASTIVE_LOSS", "ContrastiveLoss"),
                Map.entry("CONVOLUTION", "Convolution"), Map.entry("DATA", "Data"), Map.entry("DECONVOLUTION", "Deconvolution"),
                Map.entry("DROPOUT", "Dropout"), Map.entry("DUMMY_DATA", "DummyData"), Map.entry("EUCLIDEAN_LOSS", "EuclideanLoss"),
                Map.entry("ELTWISE", "Eltwise"), Map.entry("EXP", "Exp"), Map.entry("FLATTEN", "Flatten"),
                Map.entry("HDF5_DATA", "HDF5Data"), Map.entry("HDF5_OUTPUT", "HDF5Output"), Map.entry("HINGE_LOSS", "HingeLoss"),
                Map.entry("IM2COL", "Im2col"), Map.entry("IMAGE_DATA", "ImageData"), Map.entry("INFOGAIN_LOSS", "InfogainLoss"),
                Map.entry("INNER_PRODUCT", "InnerProduct"), Map.entry("LRN", "LRN"), Map.entry("MEMORY_DATA", "MemoryData"),
                Map.entry("MULTINOMIAL_LOGISTIC_LOSS", "MultinomialLogisticLoss"), Map.entry("MVN", "MVN"),
                Map.entry("POOLING", "Pooling"), Map.entry("POWER", "Power"), Map.entry("RELU", "ReLU"),
                Map.entry("SIGMOID", "Sigmoid"), Map.entry("SIGMOID_CROSS_ENTROPY_LOSS", "SigmoidCrossEntropyLoss"),
                Map.entry("SILENCE", "Silence"), Map.entry("SOFTMAX", "Softmax"), Map.entry("SOFTMAX_LOSS", "SoftmaxWithLoss"),
                Map.entry("SPLIT", "Split"), Map.entry("SLICE", "Slice"), Map.entry("TANH", "TanH"),
                Map.entry("WINDOW_DATA", "WindowData"), Map.entry("THRESHOLD", "Threshold"));

        private LegacyTypes() {}

        /** The modern name of a V1 enum type, or the text itself when it is not one. */
        static String modernName(String enumName) {
            return NAMES.getOrDefault(enumName, enumName);
        }

        static boolean isLegacyName(String text) {
            return NAMES.containsKey(text);
        }
    }
}
