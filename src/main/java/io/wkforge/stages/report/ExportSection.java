package io.wkforge.stages.report;

import io.wkforge.lang.schema.StageId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The Caffe export and its check: what was written ({@code caffe/export.json}), how close the
 * Caffe model's outputs are to the trained network's ({@code caffe/verify.json}), and the network
 * drawn ({@code caffe/graph.html}, embedded on demand so the page stays light).
 */
final class ExportSection implements Section {
    @Override
    public String id() {
        return "export";
    }

    @Override
    public String title() {
        return "Caffe export and its check";
    }

    @Override
    public List<StageId> stages() {
        return List.of(StageId.EXPORT, StageId.VERIFY);
    }

    @Override
    public void write(Html h, ReportInputs in, Map<String, Object> charts) throws JsonFiles.Unreadable {
        Map<?, ?> export = JsonFiles.object(in, "caffe/export.json");
        Map<?, ?> verify = JsonFiles.object(in, "caffe/verify.json");
        if (export == null && verify == null) {
            h.raw("<p class=\"empty\">No Caffe model yet (<code>export</code> writes <code>caffe/</code>, <code>verify</code> checks it).</p>\n");
            return;
        }
        if (verify != null) headline(h, verify);
        h.raw("<table class=\"facts\">\n");
        if (verify != null) verifyFacts(h, verify);
        if (export != null) exportFacts(h, export);
        h.raw("</table>\n<p class=\"note\">");
        TrainingSection.links(h, in, "caffe/model.prototxt", "caffe/model.caffemodel", "caffe/export.json", "caffe/verify.json");
        h.raw("</p>\n");
        graph(h, in.file("caffe/graph.html"));
    }

    private static void headline(Html h, Map<?, ?> v) {
        Boolean passed = JsonFiles.bool(v, "passed");
        double diff = JsonFiles.num(v, "max_abs_diff");
        double tol = JsonFiles.num(v, "tolerance");
        h.raw("<p class=\"headline\">").raw(passed == null ? "" : passed ? "<span class=\"pass\">passed</span> " : "<span class=\"fail\">FAILED</span> ")
                .text(String.format(java.util.Locale.ROOT, "OpenCV's Caffe runtime against the trained network on %s images: "
                        + "largest difference %s (tolerance %s), top-1 agreement %s.", JsonFiles.show(v.get("images")),
                        Html.number(diff), Html.number(tol), agreement(v.get("top1_agreement"))))
                .raw("</p>\n");
    }

    private static void verifyFacts(Html h, Map<?, ?> v) {
        fact(h, "largest difference, probabilities", v.get("max_abs_diff"));
        fact(h, "largest difference, logits", v.get("max_abs_diff_logits"));
        fact(h, "top-1 agreement", agreement(v.get("top1_agreement")));
        Object worst = v.get("worst_image");
        if (worst instanceof Map<?, ?> w) worst = JsonFiles.show(w.get("path")) + " (" + JsonFiles.show(w.get("max_abs_diff")) + ")";
        fact(h, "worst image", worst);
    }

    private static String agreement(Object a) {
        if (a instanceof Number n && n.doubleValue() <= 1) return Html.percent(n.doubleValue());
        return JsonFiles.show(a);
    }

    private static void exportFacts(Html h, Map<?, ?> e) {
        Map<?, ?> input = JsonFiles.map(e, "input");
        Map<?, ?> lint = JsonFiles.map(e, "lint");
        fact(h, "network", JsonFiles.str(e, "architecture") + ", " + JsonFiles.show(e.get("num_classes")) + " classes, "
                + JsonFiles.show(e.get("layer_count")) + " layers");
        fact(h, "input", JsonFiles.show(input.get("shape")) + " (" + JsonFiles.show(input.get("channel_order")) + ")");
        fact(h, "data_scale", e.get("data_scale"));
        if (Boolean.TRUE.equals(e.get("std_folded_into_conv1"))) fact(h, "per-channel std", "folded into conv1");
        fact(h, "batch norm", Boolean.TRUE.equals(e.get("fold_batchnorm")) ? "folded into the convolutions" : "BatchNorm + Scale layers");
        if (!lint.isEmpty()) {
            fact(h, "NNIE rules (lint-caffe)", Boolean.TRUE.equals(lint.get("valid"))
                    ? "clean for " + JsonFiles.show(lint.get("target")) + " (" + JsonFiles.show(lint.get("warning_count")) + " warnings)"
                    : JsonFiles.show(lint.get("error_count")) + " errors");
        }
        if (e.get("layer_types") instanceof Map<?, ?> types) {
            StringBuilder sb = new StringBuilder();
            types.forEach((k, v) -> sb.append(sb.length() > 0 ? ", " : "").append(k).append(" ").append(v));
            fact(h, "layer types", sb.toString());
        }
    }

    /** A button that shows graph.html inside the page (base64 in the page, decoded on click) and a link to it. */
    private static void graph(Html h, Path graph) {
        if (graph == null) return;
        String b64;
        try {
            b64 = Base64.getEncoder().encodeToString(Files.readString(graph, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            h.raw("<p class=\"warn\">").text("caffe/graph.html cannot be read: " + e.getMessage()).raw("</p>\n");
            return;
        }
        h.raw("<h3>The network</h3>\n<p><button type=\"button\" id=\"show-graph\">Show the network here</button> or open "
                + "<a href=\"caffe/graph.html\">caffe/graph.html</a> on its own.</p>\n");
        h.raw("<div id=\"graph-frame\" hidden data-page=\"").raw(b64).raw("\"></div>\n");
    }

    private static void fact(Html h, String name, Object value) {
        if (value == null) return;
        h.raw("<tr><th>").text(name).raw("</th><td>").text(value instanceof String s ? s : JsonFiles.show(value)).raw("</td></tr>\n");
    }
}
