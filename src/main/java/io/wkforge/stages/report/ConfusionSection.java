package io.wkforge.stages.report;

import io.wkforge.lang.schema.StageId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The best epoch's validation confusion matrix as a heat map, and the pairs it confuses most, by name. */
final class ConfusionSection implements Section {
    static final int PAIRS_NAMED = 3;

    @Override
    public String id() {
        return "confusion";
    }

    @Override
    public String title() {
        return "Confusion matrix (validation)";
    }

    @Override
    public List<StageId> stages() {
        return List.of(StageId.TRAIN);
    }

    /** One off-diagonal cell: {@code count} images of {@code actual} were predicted as {@code predicted}. */
    record Pair(String actual, String predicted, long count, long ofActual) {
        double fraction() {
            return ofActual == 0 ? 0 : (double) count / ofActual;
        }
    }

    @Override
    public void write(Html h, ReportInputs in, Map<String, Object> charts) throws JsonFiles.Unreadable {
        Map<?, ?> confusion = JsonFiles.object(in, "model/confusion.json");
        if (confusion == null) {
            h.raw("<p class=\"empty\">No confusion matrix yet (<code>model/confusion.json</code> is written by <code>train</code>).</p>\n");
            return;
        }
        List<String> classes = JsonFiles.list(confusion, "classes").stream().map(String::valueOf).toList();
        long[][] m = matrix(JsonFiles.list(confusion, "matrix"), classes.size());
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("classes", classes);
        chart.put("names", shortNames(classes, in));
        List<Object> rows = new ArrayList<>();
        for (long[] row : m) {
            List<Object> r = new ArrayList<>();
            for (long v : row) r.add(v);
            rows.add(r);
        }
        chart.put("matrix", rows);
        charts.put("confusion", chart);
        h.raw("<p class=\"note\">Rows: the true class; columns: what the network said (best epoch, ")
                .text(JsonFiles.show(confusion.get("epoch"))).raw("). The colour is the share of the row.</p>\n");
        h.raw("<div class=\"chart square\" data-chart=\"confusion\"></div>\n");

        List<Pair> pairs = mostConfused(classes, m, PAIRS_NAMED);
        if (pairs.isEmpty()) {
            h.raw("<p class=\"headline\">No confusion: every validation image was classified correctly.</p>\n");
            return;
        }
        h.raw("<p>Most confused:</p><ol class=\"pairs\">\n");
        for (Pair p : pairs) {
            h.raw("<li><b>").text(p.actual()).raw("</b> taken for <b>").text(p.predicted()).raw("</b>: ")
                    .text(p.count() + " of " + p.ofActual() + " (" + Html.percent(p.fraction()) + ")").raw("</li>\n");
        }
        h.raw("</ol>\n");
    }

    /** Class names without the id and nature (the axes are narrow); the folder name where the class table lacks it. */
    private static List<String> shortNames(List<String> folders, ReportInputs in) {
        Map<String, String> byFolder = new java.util.HashMap<>();
        in.classes().forEach(c -> byFolder.put(c.folderName(), c.name()));
        return folders.stream().map(f -> byFolder.getOrDefault(f, f)).toList();
    }

    static long[][] matrix(List<?> rows, int n) {
        long[][] m = new long[n][n];
        for (int i = 0; i < Math.min(n, rows.size()); i++) {
            if (!(rows.get(i) instanceof List<?> row)) continue;
            for (int j = 0; j < Math.min(n, row.size()); j++) {
                if (row.get(j) instanceof Number x) m[i][j] = x.longValue();
            }
        }
        return m;
    }

    /** The largest off-diagonal cells, by count and then by share of their row. */
    static List<Pair> mostConfused(List<String> classes, long[][] m, int limit) {
        List<Pair> all = new ArrayList<>();
        for (int i = 0; i < m.length; i++) {
            long total = 0;
            for (long v : m[i]) total += v;
            for (int j = 0; j < m.length; j++) {
                if (i != j && m[i][j] > 0) all.add(new Pair(classes.get(i), classes.get(j), m[i][j], total));
            }
        }
        all.sort(Comparator.comparingLong(Pair::count).thenComparingDouble(Pair::fraction).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }
}
