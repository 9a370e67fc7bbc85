package io.wkforge.caffe.graph;

import io.wkforge.caffe.lint.LintResult;
import io.wkforge.caffe.net.BlobRef;
import io.wkforge.caffe.net.CaffeLayer;
import io.wkforge.caffe.net.CaffeNet;
import io.wkforge.caffe.net.NetInput;
import io.wkforge.caffe.net.Shapes;
import io.wkforge.lang.diag.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The network as a drawing: a node per layer (type, key parameters, output shape) and per blob
 * value a layer reads (name and shape), with edges in data-flow order. In-place layers (ReLU,
 * BatchNorm and Scale written with bottom = top) chain directly after their producer, so a
 * ResNet block reads conv -> bn -> scale -> relu -> blob, as Netscope users expect.
 */
public final class NetGraph {
    public enum Kind { LAYER, BLOB, MISSING_BLOB }

    /** @param lines text lines after the title; @param problems lint findings about this node */
    public record Node(String id, Kind kind, String title, String type, List<String> lines, List<String> problems) {}

    public record Edge(String from, String to) {}

    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();

    public List<Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    public static NetGraph of(LintResult lint) {
        NetGraph g = new NetGraph();
        g.build(lint.net(), lint.shapes(), problemsByLayer(lint));
        return g;
    }

    private void build(CaffeNet net, Shapes shapes, Map<Integer, List<String>> problems) {
        Map<String, String> source = new HashMap<>(); // blob name -> node holding its latest value
        Map<String, Boolean> pendingLayer = new HashMap<>(); // true when that node is a layer, not yet a blob node
        Map<String, String> pendingShape = new HashMap<>();
        int blobCount = 0;
        for (NetInput in : net.inputs()) {
            if (in.layer() != null) continue;
            String id = "b" + blobCount++;
            nodes.add(new Node(id, Kind.BLOB, in.name(), "input", List.of(in.dims() == null ? "?" : String.join("x",
                    in.dims().stream().map(String::valueOf).toList())), List.of()));
            source.put(in.name(), id);
            pendingLayer.put(in.name(), false);
        }
        for (CaffeLayer layer : net.layers()) {
            String id = "l" + layer.index();
            List<long[]> outShapes = shapes.outputsOf(layer);
            List<String> lines = new ArrayList<>(LayerSummary.parameters(layer));
            List<String> shapeTexts = new ArrayList<>();
            for (long[] s : outShapes) shapeTexts.add(Shapes.format(s));
            if (!shapeTexts.isEmpty()) lines.add("→ " + String.join(", ", shapeTexts));
            nodes.add(new Node(id, Kind.LAYER, layer.label(), layer.type().isEmpty() ? "?" : layer.type(), lines,
                    problems.getOrDefault(layer.index(), List.of())));
            boolean inPlace = layer.inPlace();
            for (BlobRef b : layer.bottoms()) {
                String from = source.get(b.name());
                if (from == null) {
                    from = "b" + blobCount++;
                    nodes.add(new Node(from, Kind.MISSING_BLOB, b.name(), "missing", List.of("no producer"), List.of()));
                    source.put(b.name(), from);
                    pendingLayer.put(b.name(), false);
                } else if (pendingLayer.get(b.name()) && !(inPlace && isTop(layer, b.name()))) {
                    String blob = "b" + blobCount++;
                    nodes.add(new Node(blob, Kind.BLOB, b.name(), "blob", List.of(pendingShape.get(b.name())), List.of()));
                    edges.add(new Edge(from, blob));
                    from = blob;
                    source.put(b.name(), blob);
                    pendingLayer.put(b.name(), false);
                }
                edges.add(new Edge(from, id));
            }
            for (int i = 0; i < layer.tops().size(); i++) {
                String top = layer.tops().get(i).name();
                source.put(top, id);
                pendingLayer.put(top, true);
                pendingShape.put(top, i < shapeTexts.size() ? shapeTexts.get(i) : "?");
            }
        }
        // values nobody reads are the network's outputs: give each its blob node
        for (Map.Entry<String, Boolean> e : pendingLayer.entrySet()) {
            if (!e.getValue()) continue;
            String blob = "b" + blobCount++;
            nodes.add(new Node(blob, Kind.BLOB, e.getKey(), "output", List.of(pendingShape.get(e.getKey())), List.of()));
            edges.add(new Edge(source.get(e.getKey()), blob));
        }
    }

    private static boolean isTop(CaffeLayer layer, String blob) {
        return layer.tops().stream().anyMatch(t -> t.name().equals(blob));
    }

    /** Lint findings attached to the layer whose block contains them. */
    private static Map<Integer, List<String>> problemsByLayer(LintResult lint) {
        Map<Integer, List<String>> out = new HashMap<>();
        for (Diagnostic d : lint.diagnostics()) {
            if (d.source() == null) continue;
            for (CaffeLayer layer : lint.net().layers()) {
                if (layer.node().span().contains(d.span().start())) {
                    out.computeIfAbsent(layer.index(), k -> new ArrayList<>()).add(d.codeId() + ": " + d.message());
                    break;
                }
            }
        }
        return out;
    }
}
