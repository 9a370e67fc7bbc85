package io.wkforge.caffe.lint;

import io.wkforge.caffe.net.BlobRef;
import io.wkforge.caffe.net.CaffeLayer;
import io.wkforge.caffe.net.CaffeNet;
import io.wkforge.caffe.net.NetInput;
import io.wkforge.caffe.net.Shapes;
import io.wkforge.caffe.text.Prototxt;
import io.wkforge.caffe.text.TextNode;
import io.wkforge.lang.check.Spelling;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.Diagnostics;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a prototxt against what nnie_mapper accepts (nnie-facts.md): the file's own syntax and
 * fields, the legacy forms the mapper refuses, layer types and parameters NNIE does not run,
 * and the wiring (names, bottoms). Works on any file, however broken: each rule looks only at
 * what could be read.
 */
public final class CaffeLinter {
    private static final List<Integer> NNIE_PERMUTE = List.of(0, 2, 3, 1);

    private final LintOptions options;

    public CaffeLinter(LintOptions options) {
        this.options = options;
    }

    public LintResult lint(Prototxt file) {
        SourceFile src = file.source();
        List<Diagnostic> found = new ArrayList<>(file.syntaxErrors());
        new FieldChecker(src, found).check(file.root());
        CaffeNet net = CaffeNet.of(file);
        Shapes shapes = Shapes.infer(net);
        Rules rules = new Rules(src, found, shapes);
        rules.header(file.root(), net);
        for (CaffeLayer layer : net.layers()) rules.layer(layer, net);
        rules.wiring(net);
        rules.softmax(net);
        Diagnostics sorted = new Diagnostics();
        sorted.addAll(found);
        return new LintResult(file, net, shapes, options.target(), sorted.sorted());
    }

    private final class Rules {
        private final SourceFile src;
        private final List<Diagnostic> out;
        private final Shapes shapes;

        Rules(SourceFile src, List<Diagnostic> out, Shapes shapes) {
            this.src = src;
            this.out = out;
            this.shapes = shapes;
        }

        private Diagnostic report(CaffeCode code, Span span, String message, String help) {
            Diagnostic d = Diagnostic.of(code, src, span, message);
            if (help != null) d = d.withHelp(help);
            out.add(d);
            return d;
        }

        void header(TextNode root, CaffeNet net) {
            List<TextNode> legacyDims = root.all("input_dim");
            if (!legacyDims.isEmpty()) {
                Span span = legacyDims.get(0).span().to(legacyDims.get(legacyDims.size() - 1).span());
                String dims = String.join(" ", legacyDims.stream().map(n -> "dim: " + (n.value() == null ? "?" : n.value().text())).toList());
                report(CaffeCode.LEGACY_INPUT_DIM, span, "the legacy `input_dim` header is not accepted by nnie_mapper",
                        "write `input_shape { " + dims + " }` after `input`, or use an Input layer");
            }
            if (net.inputs().isEmpty()) {
                report(CaffeCode.NO_INPUT, new Span(0, 0), "the network declares no input",
                        "add `input: \"data\"` and `input_shape { dim: 1 dim: 3 dim: 224 dim: 224 }` (or an Input layer); "
                                + "nnie_mapper needs a deploy prototxt, not a training one");
            }
            boolean first = true;
            for (NetInput in : net.inputs()) {
                if (in.dims() == null || in.dims().isEmpty()) {
                    report(CaffeCode.INPUT_SHAPE, in.span(), "input `" + in.name() + "` has no shape",
                            "give it one: `input_shape { dim: 1 dim: 3 dim: 224 dim: 224 }`");
                    first = false;
                    continue;
                }
                List<Long> dims = in.dims();
                if (dims.get(0) != 1) {
                    report(CaffeCode.INPUT_BATCH, in.span(), "input `" + in.name() + "` has batch size " + dims.get(0),
                            "write n = 1; the board's batch is set by the mapper's [batch_num]");
                }
                if (first && options.imageInput() && dims.size() == 4 && dims.get(1) != 1 && dims.get(1) != 3) {
                    report(CaffeCode.U8_INPUT_CHANNELS, in.span(), "image input `" + in.name() + "` has " + dims.get(1)
                                    + " channels; NNIE feeds U8 images with 1 (gray) or 3 (colour) channels",
                            "use 1 or 3 channels, or lint with --feature-map-input if the board feeds a feature map (image_type 0)");
                }
                first = false;
            }
        }

        void layer(CaffeLayer layer, CaffeNet net) {
            if (layer.legacy()) {
                String type = layer.type();
                report(CaffeCode.LEGACY_LAYERS, layer.node().nameSpan(), "legacy `layers` block (Caffe's V1 format)"
                                + (type.isEmpty() ? "" : " with enum type " + layer.node().text("type")),
                        "write `layer { name: ... type: \"" + (type.isEmpty() ? "Convolution" : type)
                                + "\" ... }`; Caffe's upgrade_net_proto_text tool converts a whole file");
            } else {
                TextNode type = layer.node().get("type");
                if (type != null && type.value() != null && type.value().kind() != io.wkforge.caffe.text.Scalar.Kind.STRING) {
                    report(CaffeCode.ENUM_LAYER_TYPE, type.value().span(), "layer type `" + type.value().text() + "` is not a quoted string",
                            "write `type: \"" + layer.type() + "\"`");
                }
            }
            if (layer.name().isEmpty()) {
                report(CaffeCode.NO_LAYER_NAME, layer.node().nameSpan(), layer.label() + " has no name",
                        "give it a unique `name`; weights in the caffemodel are matched to layers by name");
            }
            if (layer.type().isEmpty()) {
                report(CaffeCode.NO_LAYER_TYPE, layer.nameSpan(), "layer `" + layer.label() + "` has no type", "add `type: \"...\"`");
            } else if (!options.target().supports(layer.type())) {
                unsupported(layer);
            }
            switch (layer.type()) {
                case "Pooling" -> pooling(layer);
                case "Reshape" -> reshape(layer);
                case "Permute" -> permute(layer);
                case "Slice" -> slice(layer, net);
                default -> { }
            }
        }

        private void unsupported(CaffeLayer layer) {
            String type = layer.type();
            String help;
            if (NnieTarget.TRAINING_ONLY.contains(type)) {
                help = "`" + type + "` is for training; give nnie_mapper a deploy prototxt (input header, no data, loss or accuracy layers)";
            } else if (NnieTarget.CPU_SIDE.containsKey(type)) {
                help = NnieTarget.CPU_SIDE.get(type);
            } else {
                String guess = Spelling.closest(type, options.target().supportedTypes());
                help = (guess != null ? "did you mean `" + guess + "`? " : "")
                        + "run this part on the CPU: cut the network there, or declare it as a `Custom` layer "
                        + "(custom_param with each top's shape); --allow-type " + type + " if your mapper runs it";
            }
            report(CaffeCode.UNSUPPORTED_LAYER, layer.typeSpan(), "NNIE (" + options.target().id() + ") does not run layer type `"
                    + type + "` (layer `" + layer.label() + "`)", help);
        }

        private void pooling(CaffeLayer layer) {
            TextNode p = layer.param("pooling_param");
            if (p == null) return;
            for (String field : List.of("ceil_mode", "round_mode")) {
                for (TextNode f : p.all(field)) {
                    report(CaffeCode.POOLING_ROUNDING, f.span(), "pooling layer `" + layer.label() + "` sets `" + field + "`",
                            "remove it: NNIE always rounds pooling up (ceil), and the field's number (13) means "
                                    + "round_mode in BVLC's schema but ceil_mode in others, with opposite values; "
                                    + "train with ceil-mode pooling so the network needs no rounding field");
                }
            }
        }

        private void reshape(CaffeLayer layer) {
            TextNode p = layer.param("reshape_param");
            TextNode shape = p == null ? null : p.message("shape");
            if (shape == null || p.integer("axis", 0) != 0) return;
            List<TextNode> dims = shape.all("dim");
            if (dims.isEmpty() || dims.get(0).value() == null) return;
            Long first = dims.get(0).value().asLong();
            if (first != null && first != 0) {
                report(CaffeCode.RESHAPE_BATCH, dims.get(0).value().span(), "Reshape `" + layer.label() + "` sets the batch dimension to "
                        + first, "write `dim: 0` first (keep the batch): NNIE reshapes only C, H and W");
            }
        }

        private void permute(CaffeLayer layer) {
            TextNode p = layer.param("permute_param");
            List<Long> given = p == null ? List.of() : p.integers("order");
            List<Integer> order = Shapes.fullPermuteOrder(given, 4);
            if (NNIE_PERMUTE.equals(order)) return;
            Span span = p == null ? layer.typeSpan() : p.span();
            report(CaffeCode.PERMUTE_ORDER, span, "Permute `" + layer.label() + "` has order "
                            + (order == null ? given : order) + "; NNIE runs only (0, 2, 3, 1) (NCHW to NHWC)",
                    "write `permute_param { order: 0 order: 2 order: 3 order: 1 }`, or do this reordering on the CPU");
        }

        private void slice(CaffeLayer layer, CaffeNet net) {
            TextNode p = layer.param("slice_param");
            if (p == null) return;
            TextNode axisNode = p.get("axis") != null ? p.get("axis") : p.get("slice_dim");
            if (axisNode == null || axisNode.value() == null) return;
            Long axis = axisNode.value().asLong();
            if (axis == null) return;
            long rank = 4;
            if (!layer.bottoms().isEmpty()) {
                long[] shape = shapes.blob(layer.bottoms().get(0).name());
                if (shape != null) rank = shape.length;
            }
            if (axis == 0 || axis == -rank) {
                report(CaffeCode.SLICE_BATCH, axisNode.span(), "Slice `" + layer.label() + "` cuts the batch axis",
                        "NNIE slices only C, H or W (axis 1, 2 or 3)");
            }
        }

        void wiring(CaffeNet net) {
            Map<String, CaffeLayer> layerNames = new HashMap<>();
            for (CaffeLayer layer : net.layers()) {
                if (layer.name().isEmpty()) continue;
                CaffeLayer first = layerNames.putIfAbsent(layer.name(), layer);
                if (first != null) {
                    out.add(Diagnostic.of(CaffeCode.DUPLICATE_LAYER, src, layer.nameSpan(), "layer name `" + layer.name() + "` is used twice")
                            .withRelated(src, first.nameSpan(), "first used here")
                            .withHelp("rename one: weights are matched to layers by name"));
                }
            }
            Map<String, Span> produced = new LinkedHashMap<>();
            for (NetInput in : net.inputs()) {
                if (in.layer() == null) produced.putIfAbsent(in.name(), in.span());
            }
            for (CaffeLayer layer : net.layers()) {
                for (BlobRef b : layer.bottoms()) {
                    if (produced.containsKey(b.name())) continue;
                    String guess = b.name().length() > 64 ? null : Spelling.closest(b.name(), produced.keySet());
                    report(CaffeCode.UNDEFINED_BOTTOM, b.span(), "layer `" + layer.label() + "` reads blob `" + b.name()
                                    + "`, which no earlier layer or input produces",
                            guess != null ? "did you mean `" + guess + "`?" : "check the name, and that its producer comes before this layer");
                }
                Set<String> bottoms = new HashSet<>();
                for (BlobRef b : layer.bottoms()) bottoms.add(b.name());
                Set<String> ownTops = new HashSet<>();
                for (BlobRef t : layer.tops()) {
                    Span first = produced.get(t.name());
                    boolean inPlace = bottoms.contains(t.name());
                    if (!ownTops.add(t.name())) {
                        report(CaffeCode.DUPLICATE_TOP, t.span(), "layer `" + layer.label() + "` lists top `" + t.name() + "` twice", null);
                    } else if (first != null && !inPlace) {
                        out.add(Diagnostic.of(CaffeCode.DUPLICATE_TOP, src, t.span(), "blob `" + t.name() + "` is produced again by layer `"
                                        + layer.label() + "` without being its input")
                                .withRelated(src, first, "first produced here")
                                .withHelp("give the new blob its own name; only in-place layers (bottom = top) may reuse a name"));
                    }
                    produced.putIfAbsent(t.name(), t.span());
                }
            }
        }

        /** A network output made by an InnerProduct is a classifier's logits: NNIE needs the Softmax after it. */
        void softmax(CaffeNet net) {
            Map<String, CaffeLayer> lastWriter = new HashMap<>();
            Set<String> consumed = new HashSet<>();
            for (CaffeLayer layer : net.layers()) {
                for (BlobRef b : layer.bottoms()) {
                    if (layer.tops().stream().noneMatch(t -> t.name().equals(b.name()))) consumed.add(b.name());
                }
                for (BlobRef t : layer.tops()) {
                    lastWriter.put(t.name(), layer);
                    consumed.remove(t.name()); // a blob written again is a new value; earlier reads do not count
                }
            }
            for (Map.Entry<String, CaffeLayer> e : lastWriter.entrySet()) {
                CaffeLayer layer = e.getValue();
                if (consumed.contains(e.getKey()) || !layer.type().equals("InnerProduct")) continue;
                report(CaffeCode.NO_SOFTMAX, layer.nameSpan(), "the network ends in InnerProduct `" + layer.label()
                                + "` (output `" + e.getKey() + "`) without a Softmax",
                        "add `layer { name: \"prob\" type: \"Softmax\" bottom: \"" + e.getKey() + "\" top: \"prob\" }` at the end");
            }
        }
    }
}
