package io.wkforge.stages.report;

import io.wkforge.lang.schema.StageId;
import io.wkforge.stages.common.wk.WkDescription;
import io.wkforge.stages.common.wk.WkFile;
import io.wkforge.stages.common.wk.WkFormatException;
import io.wkforge.stages.common.wk.WkReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The row of cards at the top of the page: the few numbers a person looks for first. */
final class Summary {
    private Summary() {}

    static String cards(ReportInputs in) {
        Html h = new Html();
        h.raw("<div class=\"cards\">\n");
        try {
            Map<?, ?> split = JsonFiles.object(in, "dataset/summary.json");
            Map<?, ?> total = JsonFiles.map(split, "total");
            card(h, "dataset", split == null ? "—" : JsonFiles.show(total.get("train")) + " / " + JsonFiles.show(total.get("val")),
                    split == null ? "not built" : "train / val images, " + in.classes().size() + " classes", null);
        } catch (JsonFiles.Unreadable e) {
            card(h, "dataset", "?", e.getMessage(), "bad");
        }
        try {
            Map<?, ?> metrics = JsonFiles.object(in, "model/metrics.json");
            double top1 = JsonFiles.num(metrics, "val_top1");
            card(h, "val top-1", Double.isNaN(top1) ? "—" : Html.percent(top1),
                    metrics == null ? "not trained" : "best epoch " + JsonFiles.show(metrics.get("best_epoch")), null,
                    earlier(in, StageId.TRAIN, metrics != null));
        } catch (JsonFiles.Unreadable e) {
            card(h, "val top-1", "?", e.getMessage(), "bad");
        }
        try {
            Map<?, ?> verify = JsonFiles.object(in, "caffe/verify.json");
            Boolean passed = JsonFiles.bool(verify, "passed");
            card(h, "Caffe check", verify == null ? "—" : Html.number(JsonFiles.num(verify, "max_abs_diff")),
                    verify == null ? "not verified" : "largest difference" + (passed == null ? "" : passed ? ", passed" : ", FAILED"),
                    passed == null ? null : passed ? "good" : "bad", earlier(in, StageId.VERIFY, verify != null));
        } catch (JsonFiles.Unreadable e) {
            card(h, "Caffe check", "?", e.getMessage(), "bad");
        }
        try {
            Map<?, ?> q = JsonFiles.object(in, "nnie/quant.json");
            double drop = JsonFiles.num(q, "top1_drop");
            double board = JsonFiles.num(q, "float_board_input_top1");
            // the precision quant.json records: 16-bit under compile_mode high_precision, never "int8" for everything
            String bits = q == null || q.get("precision_bits") == null ? "quantization" : JsonFiles.show(q.get("precision_bits")) + "-bit";
            String detail = q == null ? "not quantized"
                    : Double.isNaN(board) ? "top-1 change after quantization"
                    : "board input " + signedPoints(-(JsonFiles.num(q, "float_top1") - board) * 100) + ", " + bits + " quantization "
                            + signedPoints(-(board - JsonFiles.num(q, "quantized_top1")) * 100);
            card(h, q == null ? "quantization estimate" : bits + " estimate", Double.isNaN(drop) ? "—" : signedPoints(-drop * 100), detail, null,
                    earlier(in, StageId.QUANTIZE, q != null));
        } catch (JsonFiles.Unreadable e) {
            card(h, "quantization estimate", "?", e.getMessage(), "bad");
        }
        Path wkFile = in.filesUnder("nnie").stream().filter(p -> p.getFileName().toString().endsWith(".wk")).findFirst().orElse(null);
        if (wkFile == null) {
            card(h, ".wk", "none", BoardSection.absence(in.run(), StageId.WK, "not built"), null);
        } else {
            try {
                WkFile wk = WkReader.read(wkFile);
                card(h, ".wk", WkDescription.size(wk.size()), WkDescription.oneLine(wk), "good");
            } catch (WkFormatException | IOException e) {
                card(h, ".wk", "unreadable", e.getMessage(), "bad");
            }
        }
        boolean deployed = in.file("deploy/deploy.json") != null;
        List<String> app = in.boardAppWarnings();
        String detail = deployed ? "see Mapper and board" : BoardSection.absence(in.run(), StageId.DEPLOY, "deploy has not run");
        if (!app.isEmpty()) detail = "the board app: " + String.join("; ", app);
        card(h, "board", deployed ? "deployed" : "not deployed", detail, !app.isEmpty() ? "warn" : deployed ? "good" : null);
        h.raw("</div>\n");
        return h.toString();
    }

    private static void card(Html h, String title, String value, String detail, String tone) {
        card(h, title, value, detail, tone, null);
    }

    /**
     * @param earlier null for a figure of this run; else this run's status of the stage, shown as
     *                the section badges show it, since the figure is an earlier run's
     */
    private static void card(Html h, String title, String value, String detail, String tone, StageStatus earlier) {
        h.raw("<div class=\"card" + (earlier != null ? " stale" : tone == null ? "" : " " + tone) + "\"><div class=\"title\">").text(title)
                .raw("</div><div class=\"value\">").text(value).raw("</div><div class=\"detail\">");
        if (earlier != null) h.raw(earlier.shortBadge()).text(" in this run; an earlier run's figure: ");
        h.text(detail).raw("</div></div>\n");
    }

    /** This run's status of the stage when the card's file is left from an earlier run (it failed, was skipped or did not run); else null. */
    static StageStatus earlier(ReportInputs in, StageId stage, boolean hasFile) {
        if (!hasFile) return null;
        StageStatus status = StageStatus.of(stage, in.run(), true);
        return switch (status.kind()) {
            case "failed", "skipped", "not_run" -> status;
            default -> null;
        };
    }

    /** "+1.5 pt", "-0.4 pt"; a change that rounds to nothing reads "0.0 pt", never "-0.0 pt". */
    static String signedPoints(double points) {
        double tenths = Math.round(points * 10) / 10.0;
        return tenths == 0 ? "0.0 pt" : String.format(java.util.Locale.ROOT, "%+.1f pt", tenths);
    }
}
