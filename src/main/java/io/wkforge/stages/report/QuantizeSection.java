package io.wkforge.stages.report;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.RunSoFar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quantization estimate ({@code nnie/quant.json}): accuracy before and after, the gate, the
 * per-layer similarity table; and the mapper configuration quantize wrote.
 */
final class QuantizeSection implements Section {
    @Override
    public String id() {
        return "quantize";
    }

    @Override
    public String title() {
        return "Quantization";
    }

    @Override
    public List<StageId> stages() {
        return List.of(StageId.QUANTIZE);
    }

    @Override
    public void write(Html h, ReportInputs in, Map<String, Object> charts) throws JsonFiles.Unreadable {
        Map<?, ?> q = JsonFiles.object(in, "nnie/quant.json");
        Path cfg = in.filesUnder("nnie").stream().filter(p -> p.getFileName().toString().endsWith(".cfg")).findFirst().orElse(null);
        if (q == null && cfg == null) {
            h.raw("<p class=\"empty\">No quantization yet (<code>quantize</code> writes the mapper's inputs and <code>nnie/quant.json</code>).</p>\n");
            return;
        }
        if (q != null) estimate(h, q, gateLimit(in), charts);
        if (cfg != null) {
            try {
                h.raw("<details><summary>nnie_mapper configuration: ").text("nnie/" + cfg.getFileName()).raw("</summary><pre class=\"source\">")
                        .text(Files.readString(cfg, StandardCharsets.UTF_8)).raw("</pre></details>\n");
            } catch (IOException e) {
                h.raw("<p class=\"warn\">").text(cfg + " cannot be read: " + e.getMessage()).raw("</p>\n");
            }
        }
        h.raw("<p class=\"note\">");
        TrainingSection.links(h, in, "nnie/quant.json", "nnie/mean.txt", "nnie/imageList.txt");
        h.raw("</p>\n");
    }

    private static void estimate(Html h, Map<?, ?> q, Double limit, Map<String, Object> charts) {
        double before = JsonFiles.num(q, "float_top1");
        double board = JsonFiles.num(q, "float_board_input_top1");
        double after = JsonFiles.num(q, "quantized_top1");
        double drop = JsonFiles.num(q, "top1_drop");
        String bits = JsonFiles.show(q.get("precision_bits"));
        StringBuilder line = new StringBuilder();
        if (Boolean.TRUE.equals(q.get("estimate"))) line.append("Estimate (").append(bits)
                .append("-bit, computed here, not by nnie_mapper) on ").append(JsonFiles.show(q.get("images"))).append(" images: ");
        line.append("top-1 ").append(Double.isNaN(before) ? "—" : Html.percent(before)).append(" → ")
                .append(Double.isNaN(after) ? "—" : Html.percent(after));
        if (!Double.isNaN(drop)) {
            line.append(String.format(java.util.Locale.ROOT, " (a drop of %.1f points", drop * 100));
            // the two causes apart, in the order a camera frame meets them
            if (!Double.isNaN(board)) line.append(": board input path ").append(points(before - board)).append(", ").append(bits)
                    .append("-bit quantization ").append(points(board - after));
            line.append(')');
        }
        line.append('.');
        h.raw("<p class=\"headline\">").raw(limit != null ? gateBadge(limit, drop) : gateBadge(q.get("gate"))).text(line.toString()).raw("</p>\n");
        if (!Double.isNaN(board) && !Double.isNaN(before) && !Double.isNaN(after)) {
            h.raw("<table class=\"grid\"><thead><tr><th>network</th><th>fed</th><th>top-1</th><th>drop, this step</th></tr></thead><tbody>\n");
            h.row("float", "as the export expects (as verify feeds it)", Html.percent(before), "");
            h.row("float", "through the board's input path", Html.percent(board), points(before - board));
            h.row(bits + "-bit quantized", "through the board's input path", Html.percent(after), points(board - after));
            h.raw("</tbody></table>\n");
        }

        List<Object> names = new ArrayList<>();
        List<Object> cosines = new ArrayList<>();
        List<?> layers = JsonFiles.list(q, "layers");
        if (layers.isEmpty()) return;
        h.raw("<div class=\"chart wide\" data-chart=\"quantize\"></div>\n");
        h.raw("<details><summary>Per-layer similarity of the quantized and float outputs (").text(layers.size() + " layers")
                .raw(")</summary><table class=\"grid\"><thead><tr><th>layer</th><th>type</th><th>cosine</th></tr></thead><tbody>\n");
        for (Object o : layers) {
            if (!(o instanceof Map<?, ?> l)) continue;
            names.add(l.get("name"));
            cosines.add(l.get("cosine"));
            double c = JsonFiles.num(l, "cosine");
            h.raw("<tr" + (c < 0.99 ? " class=\"low\"" : "") + "><td>").text(JsonFiles.show(l.get("name"))).raw("</td><td>")
                    .text(JsonFiles.show(l.get("type"))).raw("</td><td>").text(Double.isNaN(c) ? "—" : String.format(java.util.Locale.ROOT, "%.5f", c))
                    .raw("</td></tr>\n");
        }
        h.raw("</tbody></table></details>\n");
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("layers", names);
        chart.put("cosine", cosines);
        charts.put("quantize", chart);
    }

    /** A drop as "4.3 points"; a gain as "-1.2 points", nothing never as "-0.0". */
    static String points(double drop) {
        String s = String.format(java.util.Locale.ROOT, "%.1f", drop * 100);
        return (s.equals("-0.0") ? "0.0" : s) + " points";
    }

    /**
     * This run's {@code quantize.max_top1_drop} as a fraction, or null when unset (or when the
     * report belongs to no run). A verdict setting, so the gate is judged here from the same
     * estimate, as quantize judges it, and never read from an older quant.json.
     */
    static Double gateLimit(ReportInputs in) {
        for (RunSoFar.SettingUse s : in.run().settings()) {
            if (!s.name().equals("quantize.max_top1_drop") || s.value() == null) continue;
            try {
                String v = s.value().strip();
                return v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1)) / 100 : Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String gateBadge(double limit, double drop) {
        if (Double.isNaN(drop)) return "";
        boolean passed = drop <= limit + 1e-12;
        String text = String.format(java.util.Locale.ROOT, "gate: drop at most %.1f points", limit * 100) + (passed ? " ✓" : " ✗");
        return "<span class=\"" + (passed ? "pass" : "fail") + "\">" + Html.esc(text) + "</span> ";
    }

    /** The accuracy gate's verdict as an estimate written before the gate became a verdict setting recorded it: passed, failed, or none set. */
    private static String gateBadge(Object gate) {
        if (gate == null) return "";
        Boolean passed = null;
        String text;
        if (gate instanceof Map<?, ?> g) {
            passed = JsonFiles.bool(g, "passed");
            Object limit = g.containsKey("max_top1_drop") ? g.get("max_top1_drop") : g.get("limit");
            text = limit == null ? "gate" : "gate: drop at most " + (limit instanceof Number n ? String.format(java.util.Locale.ROOT, "%.1f points", n.doubleValue() * 100) : limit);
        } else if (gate instanceof Boolean b) {
            passed = b;
            text = "gate";
        } else {
            text = "gate: " + gate;
        }
        String cls = passed == null ? "badge not_run" : passed ? "pass" : "fail";
        return "<span class=\"" + cls + "\">" + Html.esc(text + (passed == null ? "" : passed ? " ✓" : " ✗")) + "</span> ";
    }
}
