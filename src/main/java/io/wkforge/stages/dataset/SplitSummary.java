package io.wkforge.stages.dataset;

import io.wkforge.util.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The per-class count table of a split, as JSON ({@code dataset/summary.json}) and as text. */
final class SplitSummary {
    /**
     * Below this many images a class cannot be learned or measured in any useful way; the seed
     * recorded a few minutes of video per class, i.e. hundreds of frames at 1 fps.
     */
    static final int FEW_IMAGES = 20;

    private final List<ClassCounts> rows;
    private final double valFraction;
    private final String by;
    private final long seed;

    SplitSummary(List<ClassCounts> rows, double valFraction, String by, long seed) {
        this.rows = rows;
        this.valFraction = valFraction;
        this.by = by;
        this.seed = seed;
    }

    /** Problems worth a warning, one line each. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        for (ClassCounts c : rows) {
            if (c.total() == 0) {
                out.add("class " + c.folder() + " has no images at all: training cannot learn it");
                continue;
            }
            if (c.total() < FEW_IMAGES) {
                out.add("class " + c.folder() + " has only " + c.total() + " images (fewer than " + FEW_IMAGES + ")");
            }
            if (valFraction > 0 && c.val() == 0) {
                out.add("class " + c.folder() + " has no validation images"
                        + (by.equals("video") && c.trainVideos() <= 1 ? " (one video only: split by video needs two or more)" : "")
                        + "; its accuracy will not be measured");
            }
        }
        return out;
    }

    String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("val", valFraction);
        root.put("by", by);
        root.put("seed", seed);
        List<Object> classes = new ArrayList<>();
        int train = 0;
        int val = 0;
        for (ClassCounts c : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("index", c.index());
            m.put("class", c.folder());
            m.put("train", c.train());
            m.put("val", c.val());
            m.put("train_videos", c.trainVideos());
            m.put("val_videos", c.valVideos());
            classes.add(m);
            train += c.train();
            val += c.val();
        }
        root.put("classes", classes);
        Map<String, Object> total = new LinkedHashMap<>(); // a fixed order: same inputs, same bytes
        total.put("train", train);
        total.put("val", val);
        root.put("total", total);
        return Json.write(root) + "\n";
    }

    /** A fixed-width table, one row per class and a total row. */
    String table() {
        int width = "class".length();
        for (ClassCounts c : rows) width = Math.max(width, c.folder().length());
        String fmt = "%-" + width + "s  %7s  %7s  %7s%n";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, fmt, "class", "train", "val", "videos"));
        int train = 0;
        int val = 0;
        for (ClassCounts c : rows) {
            sb.append(String.format(Locale.ROOT, fmt, c.folder(), c.train(), c.val(), c.trainVideos() + "/" + c.valVideos()));
            train += c.train();
            val += c.val();
        }
        sb.append(String.format(Locale.ROOT, fmt, "total", train, val, ""));
        return sb.toString();
    }
}
