package io.wkforge.stages.nnie;

import io.wkforge.run.StageException;
import io.wkforge.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code max_top1_drop} gate, judged after quantize's task on the {@code nnie/quant.json} it
 * committed. It is a verdict setting: a changed limit judges the same estimate again and never
 * computes it again. The drop it limits runs from the export's input (the float network fed as
 * verify feeds it) to the quantized network fed through the board's input path; it has two parts,
 * the board's input path (YUV conversion, channel order, normalisation) and quantization, and a
 * failure says which part is to blame with the fix that fits that part.
 */
final class AccuracyGate {
    /** What the gate reads of quant.json. */
    record Figures(double floatTop1, double boardTop1, double quantizedTop1, String precision, String compileMode, long images) {
        double drop() {
            return floatTop1 - quantizedTop1;
        }

        double boardInputDrop() {
            return floatTop1 - boardTop1;
        }

        double quantizationDrop() {
            return boardTop1 - quantizedTop1;
        }

        static Figures read(Path quantJson) throws StageException {
            try {
                if (!(Json.read(Files.readString(quantJson, StandardCharsets.UTF_8)) instanceof Map<?, ?> m)) {
                    throw new StageException(quantJson + ": not a JSON object; run quantize again (wkforge run --force quantize)");
                }
                return new Figures(number(m, "float_top1", quantJson), number(m, "float_board_input_top1", quantJson),
                        number(m, "quantized_top1", quantJson), String.valueOf(m.get("precision_bits")), String.valueOf(m.get("compile_mode")),
                        (long) number(m, "images", quantJson));
            } catch (IOException | IllegalArgumentException e) {
                throw new StageException("cannot read the quantization estimate " + quantJson + ": " + e.getMessage()
                        + "; run quantize again (wkforge run --force quantize)");
            }
        }

        private static double number(Map<?, ?> m, String field, Path file) throws StageException {
            if (m.get(field) instanceof Number n) return n.doubleValue();
            throw new StageException(file + ": no number `" + field + "`; run quantize again (wkforge run --force quantize)");
        }
    }

    private AccuracyGate() {}

    /**
     * Passes quietly, or fails (a gate failure: exit 4) naming the part that costs the accuracy.
     *
     * @param maxDrop   the limit as a fraction
     * @param limitText the limit as the recipe wrote it, and where
     */
    static void judge(Figures f, double maxDrop, String limitText, Path quantJson) throws StageException {
        double drop = f.drop();
        if (drop <= maxDrop + 1e-12) return;
        boolean board = f.boardInputDrop() > maxDrop + 1e-12;
        boolean quant = f.quantizationDrop() > maxDrop + 1e-12;
        String blame;
        List<String> fixes = new ArrayList<>();
        if (board && quant) {
            blame = "each part alone exceeds the limit";
        } else if (board) {
            blame = "the board's input path exceeds it on its own";
        } else if (quant) {
            blame = "quantization exceeds it on its own";
        } else {
            blame = "neither part alone exceeds it, the two together do";
        }
        if (board || !quant && f.boardInputDrop() > 0) {
            fixes.add("for the board's input path: make quantize's image_type, rgb_order and norm_type match the input the network was "
                    + "trained on (see the warnings above and docs/stages/quantize.md), or train on pictures that went through the same path");
        }
        if (quant || !board && f.quantizationDrop() > 0) {
            fixes.add(f.compileMode().equals("high_precision")
                    ? "for quantization: more reference pictures (quantize.calibration), chosen like the board's camera frames"
                    : "for quantization: `compile_mode high_precision` (16-bit: a larger, slower .wk) or more reference pictures "
                            + "(quantize.calibration), chosen like the board's camera frames");
        }
        String message = String.format(Locale.ROOT, "accuracy gate: the estimated top-1 drop from the export's input to the quantized network "
                        + "through the board's input path is %s points, more than quantize.max_top1_drop %s; of it the board's input path "
                        + "costs %s points and %s-bit quantization %s: %s", QuantReport.points(drop), limitText,
                QuantReport.points(f.boardInputDrop()), f.precision(), QuantReport.points(f.quantizationDrop()), blame);
        List<String> details = new ArrayList<>();
        details.add(String.format(Locale.ROOT, "top-1 on %d val images: float %.2f%% -> through the board's input path %.2f%% -> %s-bit quantized %.2f%%",
                f.images(), 100 * f.floatTop1(), 100 * f.boardTop1(), f.precision(), 100 * f.quantizedTop1()));
        for (String fix : fixes) details.add("fix " + fix);
        details.add("the whole estimate, layer by layer: " + quantJson);
        throw new StageException(message, details, true);
    }
}
