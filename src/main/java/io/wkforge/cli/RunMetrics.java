package io.wkforge.cli;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.RunSoFar;
import io.wkforge.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The key metrics of a run, read from the stages' committed outputs at its end (the contracts of
 * docs/architecture.md) for its record, and how {@code wkforge runs} shows them.
 */
final class RunMetrics {
    /** One metric: where it comes from and how it reads. */
    record Metric(String name, String label, StageId stage, String file, String field, Kind kind) {}

    enum Kind { FRACTION, NUMBER, BOOLEAN, POINTS, BITS }

    static final List<Metric> ALL = List.of(
            new Metric("val_top1", "val top-1", StageId.TRAIN, "model/metrics.json", "val_top1", Kind.FRACTION),
            new Metric("best_epoch", "best epoch", StageId.TRAIN, "model/metrics.json", "best_epoch", Kind.NUMBER),
            new Metric("verify_max_abs_diff", "verify max diff", StageId.VERIFY, "caffe/verify.json", "max_abs_diff", Kind.NUMBER),
            new Metric("verify_top1_agreement", "verify top-1 agreement", StageId.VERIFY, "caffe/verify.json", "top1_agreement", Kind.FRACTION),
            new Metric("verify_passed", "verify passed", StageId.VERIFY, "caffe/verify.json", "passed", Kind.BOOLEAN),
            // the precision quant.json records (8, 16, or 8/16 under user_specify): the figures below are not all "int8"
            new Metric("quantize_bits", "quantization bits", StageId.QUANTIZE, "nnie/quant.json", "precision_bits", Kind.BITS),
            new Metric("quantized_top1", "quantized top-1 (estimate)", StageId.QUANTIZE, "nnie/quant.json", "quantized_top1", Kind.FRACTION),
            new Metric("top1_drop", "top-1 drop (estimate)", StageId.QUANTIZE, "nnie/quant.json", "top1_drop", Kind.POINTS),
            new Metric("board_input_drop", "of it: board input path", StageId.QUANTIZE, "nnie/quant.json", "board_input_drop", Kind.POINTS),
            new Metric("quantization_drop", "of it: quantization", StageId.QUANTIZE, "nnie/quant.json", "quantization_drop", Kind.POINTS));

    private RunMetrics() {}

    /**
     * The metrics of the stages whose outputs this run stands behind (they ran or were up to date
     * in it): a model left over from an earlier run is not this run's result. A file that cannot
     * be read is left out.
     */
    static Map<String, Object> read(Path outDir, RunSoFar run) {
        java.util.Set<StageId> current = java.util.EnumSet.noneOf(StageId.class);
        for (RunSoFar.TaskOutcome t : run.tasks()) {
            if (t.stage() != null && (t.status().equals("ran") || t.status().equals("cached"))) current.add(t.stage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Map<?, ?>> files = new LinkedHashMap<>();
        for (Metric m : ALL) {
            if (!current.contains(m.stage())) continue;
            Map<?, ?> json = files.computeIfAbsent(m.file(), f -> object(outDir.resolve(f)));
            if (json == null) continue;
            Object v = json.get(m.field());
            if (v instanceof Number || v instanceof Boolean || m.kind() == Kind.BITS && v instanceof String) out.put(m.name(), v);
        }
        return out;
    }

    private static Map<?, ?> object(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            return Json.read(Files.readString(file, StandardCharsets.UTF_8)) instanceof Map<?, ?> m ? m : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    static Metric byName(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    /** A metric's value as people read it: 87.6%, 2.4e-6, 1.3 pt. */
    static String show(String name, Object v) {
        if (v == null) return "—";
        Metric m = byName(name);
        if (m != null && m.kind() == Kind.BITS) return (v instanceof Number n ? number(n.doubleValue()) : String.valueOf(v)) + "-bit";
        if (!(v instanceof Number n) || m == null) return String.valueOf(v);
        double d = n.doubleValue();
        return switch (m.kind()) {
            case FRACTION -> String.format(Locale.ROOT, "%.1f%%", d * 100);
            case POINTS -> String.format(Locale.ROOT, "%.1f pt", d * 100);
            case NUMBER, BITS -> number(d);
            case BOOLEAN -> String.valueOf(v);
        };
    }

    /**
     * The estimate's drop as the listing shows it: the total, then its two parts in the order a
     * camera frame meets them, "4.3 pt = 4.3 board input + 0.0 8-bit"; the total alone for a run
     * recorded before the parts were.
     */
    static String showDrop(Map<String, Object> metrics) {
        Object total = metrics.get("top1_drop");
        Object board = metrics.get("board_input_drop");
        Object quant = metrics.get("quantization_drop");
        if (!(total instanceof Number) || !(board instanceof Number b) || !(quant instanceof Number q)) return show("top1_drop", total);
        Object bits = metrics.get("quantize_bits");
        return show("top1_drop", total) + " = " + String.format(Locale.ROOT, "%.1f", b.doubleValue() * 100).replace("-0.0", "0.0") + " board input + "
                + String.format(Locale.ROOT, "%.1f", q.doubleValue() * 100).replace("-0.0", "0.0") + " " + (bits == null ? "quantization" : show("quantize_bits", bits));
    }

    /** A change of a metric: +3.6 pt for fractions and points, a signed number otherwise. */
    static String showDelta(String name, double delta) {
        Metric m = byName(name);
        if (m != null && (m.kind() == Kind.FRACTION || m.kind() == Kind.POINTS)) return String.format(Locale.ROOT, "%+.1f pt", delta * 100);
        return (delta >= 0 ? "+" : "") + number(delta);
    }

    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e12) return Long.toString((long) d);
        double a = Math.abs(d);
        if (a < 1e-3 || a >= 1e6) return String.format(Locale.ROOT, "%.2g", d);
        return String.format(Locale.ROOT, "%.4g", d);
    }
}
