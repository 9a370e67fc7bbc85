package io.wkforge.stages.report;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.schema.StageId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frames per class, what {@code clean} dropped and why, the train/val split, and a few pictures
 * of every class, so a wrong folder or a bad video shows at a glance.
 */
final class DatasetSection implements Section {
    static final int SAMPLES_PER_CLASS = 4;
    static final int SAMPLE_WIDTH = 96;
    static final int DROPPED_EXAMPLES = 8;
    /** Dropping reasons as clean/report.json names them, in the order the table shows them. */
    static final List<String> REASONS = List.of("uniform", "blurry", "duplicate", "near_duplicate", "excluded");

    @Override
    public String id() {
        return "dataset";
    }

    @Override
    public String title() {
        return "Dataset";
    }

    @Override
    public List<StageId> stages() {
        return List.of(StageId.FRAMES, StageId.CLEAN, StageId.SPLIT);
    }

    @Override
    public void write(Html h, ReportInputs in, Map<String, Object> charts) throws JsonFiles.Unreadable {
        Map<?, ?> clean = JsonFiles.object(in, "clean/report.json");
        Map<?, ?> split = JsonFiles.object(in, "dataset/summary.json");
        if (clean == null && split == null) {
            h.raw("<p class=\"empty\">No dataset yet: <code>frames</code>, <code>clean</code> and <code>split</code> build it.</p>\n");
            return;
        }
        Map<?, ?> cleanClasses = JsonFiles.map(clean, "classes");
        Map<String, Map<?, ?>> splitClasses = new LinkedHashMap<>();
        for (Object o : JsonFiles.list(split, "classes")) {
            if (o instanceof Map<?, ?> m) splitClasses.put(String.valueOf(m.get("class")), m);
        }
        if (split != null) {
            h.raw("<p>").text(String.format(java.util.Locale.ROOT, "Split: %s of each class to validation, by %s, seed %s.",
                    Html.percent(JsonFiles.num(split, "val")), JsonFiles.str(split, "by"), JsonFiles.str(split, "seed"))).raw("</p>\n");
        }
        h.raw("<div class=\"chart wide\" data-chart=\"dataset\"></div>\n");
        h.raw("<table class=\"grid dataset\"><thead><tr><th>class</th><th>frames</th>");
        for (String r : REASONS) h.raw("<th>").text(r.replace('_', ' ')).raw("</th>");
        h.raw("<th>kept</th><th>train</th><th>val</th><th>videos<br><small>train/val</small></th><th>samples</th></tr></thead><tbody>\n");

        List<String> names = new ArrayList<>();
        List<Long> train = new ArrayList<>();
        List<Long> val = new ArrayList<>();
        Map<String, List<Long>> dropped = new LinkedHashMap<>();
        for (String r : REASONS) dropped.put(r, new ArrayList<>());
        long[] totals = new long[4 + REASONS.size()];
        for (ClassDef c : in.classes()) {
            String folder = c.folderName();
            Map<?, ?> cc = cleanClasses.get(folder) instanceof Map<?, ?> m ? m : null;
            Map<?, ?> sc = splitClasses.get(folder);
            names.add(c.name());
            h.raw("<tr><td class=\"name\">").text(folder).raw("</td>");
            h.raw("<td>").text(count(cc, "frames")).raw("</td>");
            totals[0] += asLong(cc, "frames");
            for (int i = 0; i < REASONS.size(); i++) {
                String r = REASONS.get(i);
                long n = asLong(cc, r);
                dropped.get(r).add(n);
                totals[1 + i] += n;
                h.raw("<td class=\"" + (n > 0 ? "dropped" : "zero") + "\">").text(count(cc, r)).raw("</td>");
            }
            h.raw("<td>").text(count(cc, "kept")).raw("</td>");
            totals[1 + REASONS.size()] += asLong(cc, "kept");
            h.raw("<td>").text(count(sc, "train")).raw("</td><td>").text(count(sc, "val")).raw("</td>");
            totals[2 + REASONS.size()] += asLong(sc, "train");
            totals[3 + REASONS.size()] += asLong(sc, "val");
            train.add(asLong(sc, "train"));
            val.add(asLong(sc, "val"));
            h.raw("<td>").text(sc == null ? "—" : sc.get("train_videos") + "/" + sc.get("val_videos")).raw("</td>");
            h.raw("<td class=\"samples\">");
            for (Path p : samples(in, folder)) {
                String uri = Thumbs.dataUri(p, SAMPLE_WIDTH);
                if (uri != null) h.raw("<img ").raw(Html.attr("src", uri)).raw(" ").raw(Html.attr("alt", p.getFileName().toString()))
                        .raw(" ").raw(Html.attr("title", p.getFileName().toString())).raw(">");
            }
            h.raw("</td></tr>\n");
        }
        h.raw("<tr class=\"total\"><td>total</td>");
        for (int i = 0; i < totals.length; i++) h.raw("<td>").text(Long.toString(totals[i])).raw("</td>");
        h.raw("<td></td><td></td></tr>\n</tbody></table>\n");

        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("classes", names);
        chart.put("train", train);
        chart.put("val", val);
        chart.put("dropped", dropped);
        charts.put("dataset", chart);

        droppedExamples(h, in, clean);
    }

    /** A few of the dropped frames, one of each reason first, and the link to the full contact sheet. */
    private static void droppedExamples(Html h, ReportInputs in, Map<?, ?> clean) {
        if (clean == null) return;
        List<?> all = JsonFiles.list(clean, "dropped");
        h.raw("<h3>What <code>clean</code> dropped</h3>\n");
        if (all.isEmpty()) {
            h.raw("<p>Nothing: every frame was kept.</p>\n");
            return;
        }
        List<Map<?, ?>> picked = new ArrayList<>();
        // up to two of each reason, from different classes where there are several
        for (String reason : REASONS) {
            List<Map<?, ?>> ofReason = new ArrayList<>();
            for (Object o : all) if (o instanceof Map<?, ?> m && reason.equals(firstReason(m))) ofReason.add(m);
            java.util.Set<String> classesSeen = new java.util.HashSet<>();
            List<Map<?, ?>> chosen = new ArrayList<>();
            for (Map<?, ?> m : ofReason) if (chosen.size() < 2 && classesSeen.add(classOf(m))) chosen.add(m);
            for (Map<?, ?> m : ofReason) if (chosen.size() < 2 && !chosen.contains(m)) chosen.add(m);
            picked.addAll(chosen);
        }
        h.raw("<div class=\"dropped-examples\">");
        for (Map<?, ?> m : picked.subList(0, Math.min(DROPPED_EXAMPLES, picked.size()))) {
            String frame = JsonFiles.str(m, "frame");
            Path thumb = in.file("clean/thumbs/" + thumbName(frame));
            String uri = Thumbs.dataUri(thumb, SAMPLE_WIDTH + 24);
            h.raw("<figure>");
            if (uri != null) h.raw("<img ").raw(Html.attr("src", uri)).raw(" alt=\"\">");
            h.raw("<figcaption><b>").text(String.join(", ", JsonFiles.list(m, "reasons").stream().map(String::valueOf).toList()))
                    .raw("</b><br>").text(frame.substring(frame.lastIndexOf('/') + 1)).raw("</figcaption></figure>");
        }
        h.raw("</div>\n");
        h.raw("<p>").text(all.size() + " frames dropped in all; ")
                .raw(in.file("clean/report.html") != null ? "<a href=\"clean/report.html\">the contact sheet</a> shows every one with its reason."
                        : "the contact sheet (clean/report.html) is missing.").raw("</p>\n");
    }

    /** The class folder of a dropped frame ({@code frames/CLASS/file}). */
    private static String classOf(Map<?, ?> dropped) {
        String[] parts = String.valueOf(dropped.get("frame")).split("/");
        return parts.length > 1 ? parts[1] : "";
    }

    private static String firstReason(Map<?, ?> dropped) {
        List<?> reasons = JsonFiles.list(dropped, "reasons");
        return reasons.isEmpty() ? null : String.valueOf(reasons.get(0));
    }

    /** The contact sheet's thumbnail name of a frame: {@code frames/A/B.png} is {@code A~B.jpg}. */
    static String thumbName(String framePath) {
        String p = framePath.startsWith("frames/") ? framePath.substring("frames/".length()) : framePath;
        int dot = p.lastIndexOf('.');
        return (dot > 0 ? p.substring(0, dot) : p).replace('/', '~') + ".jpg";
    }

    /** A few training images of a class, spread over its list (so over its videos). */
    private static List<Path> samples(ReportInputs in, String folder) {
        List<Path> files = in.filesUnder("dataset/train/" + folder);
        if (files.isEmpty()) files = in.filesUnder("dataset/val/" + folder);
        List<Path> out = new ArrayList<>();
        int n = Math.min(SAMPLES_PER_CLASS, files.size());
        for (int i = 0; i < n; i++) out.add(files.get((int) ((i + 0.5) * files.size() / n)));
        return out;
    }

    private static long asLong(Map<?, ?> m, String key) {
        double v = JsonFiles.num(m, key);
        return Double.isNaN(v) ? 0 : (long) v;
    }

    private static String count(Map<?, ?> m, String key) {
        double v = JsonFiles.num(m, key);
        return Double.isNaN(v) ? "—" : Long.toString((long) v);
    }
}
