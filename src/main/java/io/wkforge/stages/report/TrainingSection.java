package io.wkforge.stages.report;

import io.wkforge.lang.schema.StageId;
import io.wkforge.stages.model.ModelCard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Training curves (loss, top-1, learning rate per epoch) and the best epoch, from {@code model/metrics.json}. */
final class TrainingSection implements Section {
    @Override
    public String id() {
        return "training";
    }

    @Override
    public String title() {
        return "Training";
    }

    @Override
    public List<StageId> stages() {
        return List.of(StageId.TRAIN);
    }

    @Override
    public void write(Html h, ReportInputs in, Map<String, Object> charts) throws JsonFiles.Unreadable {
        Map<?, ?> metrics = JsonFiles.object(in, "model/metrics.json");
        if (metrics == null) {
            h.raw("<p class=\"empty\">No trained model yet (<code>model/metrics.json</code> is written by <code>train</code>).</p>\n");
            return;
        }
        ModelCard card = modelCard(in);
        StringBuilder line = new StringBuilder();
        if (card != null) line.append(card.architecture()).append(", ").append(card.width()).append('×').append(card.height()).append(" input. ");
        line.append("Best epoch ").append(JsonFiles.show(metrics.get("best_epoch"))).append(" of ")
                .append(JsonFiles.show(metrics.get("epochs_run")));
        if (!String.valueOf(metrics.get("epochs_run")).equals(String.valueOf(metrics.get("epochs_planned")))) {
            line.append(" (").append(JsonFiles.show(metrics.get("epochs_planned"))).append(" planned")
                    .append(Boolean.TRUE.equals(metrics.get("stopped_early")) ? ", stopped early: no better val accuracy" : "").append(')');
        }
        line.append(": val top-1 ").append(Html.percent(JsonFiles.num(metrics, "val_top1")))
                .append(", val loss ").append(Html.number(JsonFiles.num(metrics, "val_loss"))).append('.');
        h.raw("<p class=\"headline\">").text(line.toString()).raw("</p>\n");
        importedLine(h, metrics);

        List<Object> epochs = new ArrayList<>();
        Map<String, List<Object>> series = new LinkedHashMap<>();
        for (String k : List.of("train_loss", "val_loss", "train_top1", "val_top1", "lr", "images_per_second", "seconds")) {
            series.put(k, new ArrayList<>());
        }
        for (Object o : JsonFiles.list(metrics, "epochs")) {
            if (!(o instanceof Map<?, ?> e)) continue;
            epochs.add(e.get("epoch"));
            series.forEach((k, list) -> list.add(e.get(k)));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("epochs", epochs);
        chart.putAll(series);
        chart.put("best_epoch", metrics.get("best_epoch"));
        charts.put("training", chart);
        h.raw("<div class=\"charts3\"><div class=\"chart\" data-chart=\"training-loss\"></div>"
                + "<div class=\"chart\" data-chart=\"training-top1\"></div><div class=\"chart\" data-chart=\"training-lr\"></div></div>\n");
        double ips = series.get("images_per_second").stream().filter(v -> v instanceof Number).mapToDouble(v -> ((Number) v).doubleValue())
                .average().orElse(Double.NaN);
        h.raw("<p class=\"note\">");
        if (!Double.isNaN(ips)) h.text(String.format(java.util.Locale.ROOT, "%.0f training images per second on average", ips));
        if (card != null && card.extra().get("device") != null) h.text(" on " + card.extra().get("device"));
        h.text(". ");
        links(h, in, "model/train.log", "model/metrics.csv", "model/model.json");
        h.raw("</p>\n");
    }

    /**
     * Imported weights (train.pretrained): val top-1 as the checkpoint was trained and with NNIE's
     * stem pool (what the board runs), and what training since recovered.
     */
    private static void importedLine(Html h, Map<?, ?> metrics) {
        Map<?, ?> imported = JsonFiles.map(metrics, "imported");
        if (imported == null || imported.isEmpty()) return;
        StringBuilder sb = new StringBuilder("Imported weights (").append(JsonFiles.show(imported.get("format"))).append(", sha256 ")
                .append(String.valueOf(imported.get("sha256")).substring(0, Math.min(12, String.valueOf(imported.get("sha256")).length())))
                .append("…): ");
        if (!(imported.get("val_top1_nnie_pool") instanceof Number nnie)) {
            sb.append("not measured before training (").append(JsonFiles.show(imported.get("why_not_measured"))).append(").");
        } else {
            double asTrained = ((Number) imported.get("val_top1_as_trained")).doubleValue();
            sb.append("val top-1 ").append(Html.percent(asTrained)).append(" as trained (")
                    .append(JsonFiles.show(imported.get("pretrained_pool"))).append(" stem pool), ").append(Html.percent(nnie.doubleValue()))
                    .append(" with NNIE's pool");
            Object run = metrics.get("epochs_run");
            if (run instanceof Number n && n.intValue() > 0) {
                double now = JsonFiles.num(metrics, "val_top1");
                sb.append("; after ").append(n.intValue()).append(" epochs of fine-tuning ").append(Html.percent(now)).append(" (")
                        .append(String.format(java.util.Locale.ROOT, "%+.2f", 100 * (now - nnie.doubleValue())))
                        .append(" points recovered against NNIE's pool).");
            } else {
                sb.append("; deployed as they are (epochs 0).");
            }
        }
        h.raw("<p class=\"note\">").text(sb.toString()).raw("</p>\n");
    }

    /** Links to the stage's own files that exist, for the details the page leaves out. */
    static void links(Html h, ReportInputs in, String... relPaths) {
        List<String> present = new ArrayList<>();
        for (String p : relPaths) if (in.file(p) != null) present.add(p);
        if (present.isEmpty()) return;
        h.text("Files: ");
        for (int i = 0; i < present.size(); i++) {
            if (i > 0) h.text(", ");
            h.raw("<a ").raw(Html.attr("href", present.get(i))).raw(">").text(present.get(i)).raw("</a>");
        }
        h.text(".");
    }

    /** The model card, read by its owner; null when train has not written one. */
    private static ModelCard modelCard(ReportInputs in) throws JsonFiles.Unreadable {
        String rel = ModelCard.relPath();
        Path p = in.file(rel);
        if (p == null) return null;
        try {
            return ModelCard.parse(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new JsonFiles.Unreadable(rel + ": " + e.getMessage());
        }
    }
}
