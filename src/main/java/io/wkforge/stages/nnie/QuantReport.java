package io.wkforge.stages.nnie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code nnie/quant.json} and the per-layer table printed with it, worst layers first. */
final class QuantReport {
    static final String FILE_NAME = "quant.json";
    static final String ESTIMATE_NOTE = "an estimate: NNIE's exact quantization scheme is not public, so wkforge quantizes the "
            + "exported network its own documented way (see docs/stages/quantize.md); only the board measures the real accuracy";
    /** Rows printed to the console; quant.json has them all. */
    static final int PRINTED_ROWS = 12;

    private QuantReport() {}

    /**
     * The estimate as computed. The gate's limit and verdict are not in it: {@code max_top1_drop}
     * is judged after the task ({@link AccuracyGate}), so changing it never re-runs the estimate.
     */
    static Map<String, Object> json(QuantEstimate.Result r, String compileMode, String boardInput, DataScale dataScale, int listImages) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", 1);
        m.put("estimate", true);
        m.put("note", ESTIMATE_NOTE);
        m.put("compile_mode", compileMode);
        m.put("precision_bits", r.precision().contains("/") ? r.precision() : Integer.parseInt(r.precision()));
        m.put("method", r.method());
        m.put("float_top1", r.floatTop1());
        m.put("float_board_input_top1", r.floatBoardTop1());
        m.put("quantized_top1", r.quantizedTop1());
        m.put("top1_drop", r.drop());
        m.put("board_input_drop", r.boardInputDrop());
        m.put("quantization_drop", r.quantizationDrop());
        m.put("top1_agreement", r.agreement());
        m.put("images", r.images());
        m.put("calibration_images", r.calibrationImages());
        m.put("image_list_images", listImages);
        m.put("board_input", boardInput);
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("written", dataScale.cfgText());
        ds.put("export", dataScale.expected().toPlainString());
        ds.put("source", dataScale.fromRecipe() ? "recipe" : "export");
        ds.put("agrees_with_export", dataScale.agrees());
        m.put("data_scale", ds);
        List<Object> layers = new ArrayList<>();
        for (LayerCosines.Row row : r.layers()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", row.name());
            l.put("type", row.type());
            l.put("bits", row.bits());
            l.put("cosine", row.cosine());
            l.put("min_cosine", row.minCosine());
            layers.add(l);
        }
        m.put("layers", layers);
        m.put("seconds", Math.round(r.seconds() * 10) / 10.0);
        return m;
    }

    /** The summary lines and the worst layers, as printed. */
    static List<String> table(QuantEstimate.Result r) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "quantization ESTIMATE (%s-bit; NNIE's exact scheme is not public): top-1 on %d val images: "
                        + "float %.2f%%, quantized %.2f%% (drop %.2f points), quantized agrees with float on %.1f%%",
                r.precision(), r.images(), 100 * r.floatTop1(), 100 * r.quantizedTop1(), 100 * r.drop(), 100 * r.agreement()));
        out.add("  " + parts(r.boardInputDrop(), r.quantizationDrop(), r.floatBoardTop1(), r.precision()));
        List<LayerCosines.Row> worst = sortWorst(r.layers());
        out.add(String.format(Locale.ROOT, "  %-30s %-13s %4s  %8s  %8s", "layer (worst first)", "type", "bits", "cosine", "worst img"));
        for (int i = 0; i < Math.min(PRINTED_ROWS, worst.size()); i++) {
            LayerCosines.Row row = worst.get(i);
            out.add(String.format(Locale.ROOT, "  %-30s %-13s %4d  %8.5f  %8.5f", row.name(), row.type(), row.bits(), row.cosine(), row.minCosine()));
        }
        if (worst.size() > PRINTED_ROWS) out.add("  ... " + (worst.size() - PRINTED_ROWS) + " more layers in nnie/" + FILE_NAME);
        return out;
    }

    /** The drop in its two parts, in the order the picture meets them: the board's input path, then quantization. */
    static String parts(double boardInputDrop, double quantizationDrop, double floatBoardTop1, String precision) {
        return String.format(Locale.ROOT, "of the drop: board input path %s points (float network on board input: %.2f%%), "
                + "%s-bit quantization %s points", points(boardInputDrop), 100 * floatBoardTop1, precision, points(quantizationDrop));
    }

    /** A drop in points with two decimals; a gain shows as negative, and nothing never as -0.00. */
    static String points(double drop) {
        String s = String.format(Locale.ROOT, "%.2f", 100 * drop);
        return s.equals("-0.00") ? "0.00" : s;
    }

    private static List<LayerCosines.Row> sortWorst(List<LayerCosines.Row> rows) {
        List<LayerCosines.Row> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparingDouble(LayerCosines.Row::cosine));
        return sorted;
    }
}
