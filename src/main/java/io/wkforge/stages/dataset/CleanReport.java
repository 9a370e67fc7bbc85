package io.wkforge.stages.dataset;

import io.wkforge.util.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code clean/report.json} (every dropped frame with its reasons and measurements, counts per
 * class) and {@code clean/report.html}, a contact sheet of the dropped frames: each thumbnail
 * with its reasons, and for a duplicate the kept frame it repeats beside it, so a person can
 * check the cleaner's work in seconds.
 */
final class CleanReport {
    private final Map<String, List<CleanDecision>> byClass;
    private final Cleaner.Thresholds thresholds;
    private final List<String> exclude;

    CleanReport(Map<String, List<CleanDecision>> byClass, Cleaner.Thresholds thresholds, List<String> exclude) {
        this.byClass = byClass;
        this.thresholds = thresholds;
        this.exclude = exclude;
    }

    String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("duplicates", thresholds.duplicates());
        settings.put("blur", thresholds.blur());
        settings.put("uniform", thresholds.uniform());
        settings.put("exclude", exclude);
        root.put("settings", settings);
        Map<String, Object> classes = new LinkedHashMap<>();
        List<Object> dropped = new ArrayList<>();
        byClass.forEach((folder, decisions) -> {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("frames", decisions.size());
            counts.put("kept", decisions.stream().filter(CleanDecision::kept).count());
            for (CleanDecision.Reason r : CleanDecision.Reason.values()) {
                counts.put(r.key(), decisions.stream().filter(d -> !d.kept() && d.reasons().get(0) == r).count());
            }
            classes.put(folder, counts);
            for (CleanDecision d : decisions) {
                if (d.kept()) continue;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("frame", d.frame().relPath());
                m.put("reasons", d.reasons().stream().map(CleanDecision.Reason::key).toList());
                if (d.metrics() != null) {
                    m.put("sharpness", round(d.metrics().sharpness()));
                    m.put("grey_std", round(d.metrics().greyStd()));
                }
                if (d.original() != null) {
                    m.put("duplicate_of", d.original().relPath());
                    m.put("similarity", round(d.similarity()));
                }
                dropped.add(m);
            }
        });
        root.put("classes", classes);
        root.put("dropped", dropped);
        return Json.write(root) + "\n";
    }

    /** @param thumbDir the thumbnails' folder relative to the report */
    String html(String thumbDir) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>clean: dropped frames</title><style>\n")
          .append("body{font:14px system-ui,sans-serif;margin:16px;background:#fafafa;color:#222}\n")
          .append("h2{margin:24px 0 8px;font-size:16px}.sum{color:#555}\n")
          .append(".grid{display:flex;flex-wrap:wrap;gap:10px}\n")
          .append(".card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:6px;width:")
          .append(Thumbnails.WIDTH).append("px}\n.card.dup{width:").append(2 * Thumbnails.WIDTH + 6).append("px}\n")
          .append(".pair{display:flex;gap:6px}.card img{display:block;width:").append(Thumbnails.WIDTH).append("px}\n")
          .append(".why{font-weight:600;margin-top:4px}.why.excluded{color:#666}.why.uniform{color:#8a4b00}")
          .append(".why.blurry{color:#b00020}.why.duplicate,.why.near_duplicate{color:#1a55a8}\n")
          .append(".name{font:11px monospace;word-break:break-all;color:#555}.keep{font:11px monospace;color:#2e7d32}\n")
          .append("</style></head><body>\n<h1>Frames dropped by <code>clean</code></h1>\n<p class=\"sum\">")
          .append(esc(String.format(Locale.ROOT, "duplicates %s · blur %s · uniform %s · %d exclude patterns",
                  num(thresholds.duplicates()), num(thresholds.blur()), num(thresholds.uniform()), exclude.size())))
          .append("</p>\n");
        byClass.forEach((folder, decisions) -> {
            long kept = decisions.stream().filter(CleanDecision::kept).count();
            sb.append("<h2>").append(esc(folder)).append(" <span class=\"sum\">").append(decisions.size() - kept)
              .append(" dropped of ").append(decisions.size()).append("</span></h2>\n<div class=\"grid\">\n");
            for (CleanDecision d : decisions) {
                if (d.kept()) continue;
                boolean dup = d.original() != null;
                sb.append("<div class=\"card").append(dup ? " dup" : "").append("\"><div class=\"pair\">")
                  .append(img(thumbDir, d.frame()));
                if (dup) sb.append(img(thumbDir, d.original()));
                sb.append("</div>");
                for (CleanDecision.Reason r : d.reasons()) {
                    sb.append("<div class=\"why ").append(r.key()).append("\">").append(esc(r.text()))
                      .append(esc(detail(d, r))).append("</div>");
                }
                sb.append("<div class=\"name\">").append(esc(d.frame().fileName())).append("</div>");
                if (dup) sb.append("<div class=\"keep\">kept: ").append(esc(d.original().fileName())).append("</div>");
                sb.append("</div>\n");
            }
            sb.append("</div>\n");
        });
        return sb.append("</body></html>\n").toString();
    }

    private String detail(CleanDecision d, CleanDecision.Reason r) {
        return switch (r) {
            case UNIFORM -> " (grey std " + num(d.metrics().greyStd()) + " < " + num(thresholds.uniform()) + ")";
            case BLURRY -> " (sharpness " + num(d.metrics().sharpness()) + " < " + num(thresholds.blur()) + ")";
            case NEAR_DUPLICATE -> " (similarity " + num(d.similarity()) + ")";
            default -> "";
        };
    }

    private static String img(String thumbDir, FrameRef f) {
        return "<img loading=\"lazy\" src=\"" + esc(thumbDir + "/" + Thumbnails.nameOf(f)) + "\" alt=\"" + esc(f.fileName()) + "\">";
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
