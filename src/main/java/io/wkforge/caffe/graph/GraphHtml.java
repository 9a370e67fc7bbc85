package io.wkforge.caffe.graph;

import io.wkforge.caffe.lint.LintResult;
import io.wkforge.caffe.net.NetInput;
import io.wkforge.lang.diag.Diagnostic;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page that draws a network: an inline SVG laid out by ELK, styles and a
 * few lines of script for zooming, nothing fetched from anywhere. Layers show their type, key
 * parameters and output shapes; blobs their names and shapes; layers with lint findings are
 * outlined in red and the findings are listed above the drawing.
 */
public final class GraphHtml {
    private static final double CHAR_WIDTH = 7.0; // 11.5 px monospace
    private static final double LINE_HEIGHT = 15;

    private GraphHtml() {}

    public static String render(LintResult lint, String title) {
        NetGraph graph = NetGraph.of(lint);
        Map<String, double[]> sizes = new HashMap<>();
        for (NetGraph.Node n : graph.nodes()) sizes.put(n.id(), size(n));
        GraphLayout.Result layout = GraphLayout.layout(graph, sizes);

        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append(" · wkforge graph</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(h, lint, title);
        h.append("<main id=\"canvas\">\n");
        svg(h, graph, layout);
        h.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, LintResult lint, String title) {
        h.append("<header>\n<h1>").append(esc(title)).append("</h1>\n<p class=\"facts\">");
        h.append(lint.net().layers().size()).append(" layers");
        for (NetInput in : lint.net().inputs()) {
            h.append(" · input <code>").append(esc(in.name())).append("</code> ")
                    .append(in.dims() == null ? "?" : esc(String.join("x", in.dims().stream().map(String::valueOf).toList())));
        }
        long errors = lint.errorCount();
        long warnings = lint.warningCount();
        h.append(" · NNIE (").append(esc(lint.target().id())).append("): ");
        if (errors == 0 && warnings == 0) h.append("<span class=\"ok\">no problems found</span>");
        else h.append("<span class=\"bad\">").append(errors).append(" error").append(errors == 1 ? "" : "s")
                .append(", ").append(warnings).append(" warning").append(warnings == 1 ? "" : "s").append("</span>");
        h.append("</p>\n<div class=\"zoom\"><button type=\"button\" id=\"zoom-out\" title=\"zoom out\">−</button>")
                .append("<button type=\"button\" id=\"zoom-fit\" title=\"fit the width\">fit</button>")
                .append("<button type=\"button\" id=\"zoom-in\" title=\"zoom in\">+</button></div>\n");
        if (!lint.diagnostics().isEmpty()) {
            h.append("<ul class=\"problems\">\n");
            for (Diagnostic d : lint.diagnostics()) {
                h.append("<li class=\"").append(d.severity().label()).append("\">").append(d.line()).append(':').append(d.column())
                        .append(" <b>").append(esc(d.codeId())).append("</b> ").append(esc(d.message()));
                if (d.help() != null) h.append("<br><span class=\"help\">").append(esc(d.help())).append("</span>");
                h.append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</header>\n");
    }

    private static void svg(StringBuilder h, NetGraph graph, GraphLayout.Result layout) {
        long w = Math.round(Math.ceil(layout.width()));
        long ht = Math.round(Math.ceil(layout.height()));
        h.append("<svg id=\"net\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(w).append(' ').append(ht)
                .append("\" width=\"").append(w).append("\" height=\"").append(ht).append("\" data-width=\"").append(w)
                .append("\" role=\"img\" aria-label=\"network graph\">\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" ")
                .append("orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#667\"/></marker></defs>\n<g class=\"edges\">\n");
        for (GraphLayout.Route r : layout.routes()) {
            if (r.points().isEmpty()) continue;
            h.append("<path d=\"");
            for (int i = 0; i < r.points().size(); i++) {
                double[] p = r.points().get(i);
                h.append(i == 0 ? "M" : " L").append(num(p[0])).append(',').append(num(p[1]));
            }
            h.append("\" marker-end=\"url(#arrow)\"/>\n");
        }
        h.append("</g>\n<g class=\"nodes\">\n");
        for (NetGraph.Node n : graph.nodes()) {
            GraphLayout.Box b = layout.boxes().get(n.id());
            node(h, n, b);
        }
        h.append("</g>\n</svg>\n");
    }

    private static void node(StringBuilder h, NetGraph.Node n, GraphLayout.Box b) {
        String cls = switch (n.kind()) {
            case LAYER -> "layer " + category(n.type()) + (n.problems().isEmpty() ? "" : " problem");
            case BLOB -> "blob";
            case MISSING_BLOB -> "blob missing";
        };
        h.append("<g class=\"node ").append(cls).append("\" id=\"").append(n.id()).append("\" data-name=\"").append(esc(n.title()))
                .append("\" transform=\"translate(").append(num(b.x())).append(',').append(num(b.y())).append(")\">");
        h.append("<title>").append(esc(n.title())).append(" (").append(esc(n.type())).append(')');
        for (String l : n.lines()) h.append("\n").append(esc(l));
        for (String p : n.problems()) h.append("\n").append(esc(p));
        h.append("</title>");
        double rx = n.kind() == NetGraph.Kind.LAYER ? 4 : b.height() / 2;
        h.append("<rect width=\"").append(num(b.width())).append("\" height=\"").append(num(b.height())).append("\" rx=\"").append(num(rx)).append("\"/>");
        if (n.kind() == NetGraph.Kind.LAYER) {
            double y = 16;
            text(h, b.width() / 2, y, "name", n.title());
            y += LINE_HEIGHT;
            text(h, b.width() / 2, y, "type", n.type());
            for (String l : n.lines()) {
                y += LINE_HEIGHT;
                text(h, b.width() / 2, y, l.startsWith("→") ? "shape" : "param", l);
            }
        } else {
            text(h, b.width() / 2, 15, "name", n.title());
            text(h, b.width() / 2, 30, "shape", n.lines().isEmpty() ? "" : n.lines().get(0));
        }
        h.append("</g>\n");
    }

    private static void text(StringBuilder h, double x, double y, String cls, String s) {
        h.append("<text class=\"").append(cls).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\">")
                .append(esc(s)).append("</text>");
    }

    private static double[] size(NetGraph.Node n) {
        int chars = n.title().length();
        if (n.kind() == NetGraph.Kind.LAYER) {
            chars = Math.max(chars, n.type().length());
            for (String l : n.lines()) chars = Math.max(chars, l.length());
            return new double[] {Math.max(90, chars * CHAR_WIDTH + 20), 10 + LINE_HEIGHT * (2 + n.lines().size())};
        }
        for (String l : n.lines()) chars = Math.max(chars, l.length());
        return new double[] {Math.max(70, chars * CHAR_WIDTH + 24), 38};
    }

    /** A colour family per kind of layer. */
    private static String category(String type) {
        return switch (type) {
            case "Convolution", "Deconvolution", "DepthwiseConv" -> "conv";
            case "Pooling", "ROIPooling", "PSROIPooling", "Upsample" -> "pool";
            case "BatchNorm", "Scale", "Bias", "LRN", "Normalize", "MVN" -> "norm";
            case "ReLU", "PReLU", "Sigmoid", "TanH", "ELU", "AbsVal", "BNLL", "Power", "Exp", "Log", "Threshold", "Dropout" -> "act";
            case "InnerProduct" -> "fc";
            case "Softmax", "ArgMax" -> "out";
            case "Input" -> "input";
            default -> "shape-op";
        };
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') sb.append('\uFFFD'); // XML forbids most control characters
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #223; background: #fafbfc; }
            header { padding: 12px 20px; border-bottom: 1px solid #dde; background: #fff; position: relative; }
            h1 { font-size: 18px; margin: 0 0 4px; }
            .facts { margin: 0; color: #445; }
            .ok { color: #1a7f37; font-weight: 600; }
            .bad { color: #c62828; font-weight: 600; }
            .zoom { position: absolute; right: 20px; top: 14px; }
            .zoom button { font: inherit; min-width: 36px; margin-left: 4px; }
            .problems { margin: 8px 0 0; padding-left: 20px; max-height: 30vh; overflow: auto; font-size: 13px; }
            .problems li.error b { color: #c62828; }
            .problems li.warning b { color: #b26a00; }
            .help { color: #556; }
            main { padding: 16px; overflow: auto; }
            svg { display: block; margin: 0 auto; }
            .edges path { fill: none; stroke: #667; stroke-width: 1.2; }
            .node rect { stroke: #556; stroke-width: 1; }
            .node text { font: 11.5px ui-monospace, "DejaVu Sans Mono", monospace; text-anchor: middle; fill: #223; }
            .node text.name { font-weight: 700; }
            .node text.type { fill: #445; font-style: italic; }
            .node text.shape { fill: #1f4e99; }
            .layer.conv rect { fill: #dbe9ff; }
            .layer.pool rect { fill: #dff5e3; }
            .layer.norm rect { fill: #eeeef2; }
            .layer.act rect { fill: #fff0d9; }
            .layer.fc rect { fill: #eadcff; }
            .layer.out rect { fill: #ffdede; }
            .layer.input rect { fill: #e8f7f7; }
            .layer.shape-op rect { fill: #fdf6c8; }
            .layer.problem rect { stroke: #c62828; stroke-width: 2.5; }
            .blob rect { fill: #ffffff; stroke: #99a; stroke-dasharray: 0; }
            .blob.missing rect { fill: #fff5f5; stroke: #c62828; stroke-dasharray: 4 3; }
            """;

    private static final String SCRIPT = """
            (function () {
              var svg = document.getElementById('net');
              var natural = parseFloat(svg.getAttribute('data-width'));
              var ratio = parseFloat(svg.getAttribute('height')) / natural;
              var scale = 1;
              function apply() {
                svg.setAttribute('width', String(natural * scale));
                svg.setAttribute('height', String(natural * ratio * scale));
              }
              document.getElementById('zoom-in').addEventListener('click', function () { scale *= 1.25; apply(); });
              document.getElementById('zoom-out').addEventListener('click', function () { scale /= 1.25; apply(); });
              document.getElementById('zoom-fit').addEventListener('click', function () {
                var room = document.getElementById('canvas').clientWidth - 32;
                scale = Math.min(4, Math.max(0.05, room / natural));
                apply();
              });
            })();
            """;
}
