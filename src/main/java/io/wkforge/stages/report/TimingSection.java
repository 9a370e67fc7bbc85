package io.wkforge.stages.report;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.RunSoFar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How long each stage took in this run, and which came from the cache (with what they cost when computed). */
final class TimingSection implements Section {
    @Override
    public String id() {
        return "timings";
    }

    @Override
    public String title() {
        return "Timings and the cache";
    }

    @Override
    public List<StageId> stages() {
        return List.of();
    }

    @Override
    public void write(Html h, ReportInputs in, Map<String, Object> charts) {
        RunSoFar run = in.run();
        if (run.id() == null) {
            h.raw("<p class=\"empty\">This page was not written by a run, so it has no timings.</p>\n");
            return;
        }
        h.raw("<table class=\"grid timings\"><thead><tr><th>stage</th><th>this run</th><th>time</th><th>details</th></tr></thead><tbody>\n");
        List<Object> names = new ArrayList<>();
        List<Object> ran = new ArrayList<>();
        List<Object> cached = new ArrayList<>();
        long total = 0;
        long saved = 0;
        for (StageId s : StageId.values()) {
            if (s == StageId.REPORT) continue; // this page: being written now
            StageStatus st = StageStatus.of(s, run, false);
            List<RunSoFar.TaskOutcome> tasks = run.tasks().stream().filter(t -> t.stage() == s).toList();
            String when = tasks.stream().map(RunSoFar.TaskOutcome::lastRanAt).filter(w -> w != null).max(String::compareTo)
                    .map(StageStatus::shortTime).orElse("");
            long cachedMillis = tasks.stream().filter(t -> t.status().equals("cached")).mapToLong(RunSoFar.TaskOutcome::lastRanMillis).sum();
            String details = switch (st.kind()) {
                case "cached" -> "computed " + when + (cachedMillis > 0 ? " in " + Html.seconds(cachedMillis) : "");
                case "skipped", "failed" -> st.text().substring(st.text().indexOf(':') + 1).strip();
                case "ran" -> tasks.size() > 1 ? st.text().substring(st.text().indexOf('(') + 1, st.text().length() - 1) : "";
                default -> "";
            };
            h.raw("<tr><td>").text(s.id()).raw("</td><td>").raw(st.shortBadge()).raw("</td><td>")
                    .text(st.millis() > 0 ? Html.seconds(st.millis()) : "").raw("</td><td>").text(details).raw("</td></tr>\n");
            total += st.millis();
            saved += cachedMillis;
            names.add(s.id());
            ran.add(st.millis() / 1000.0);
            cached.add(cachedMillis / 1000.0);
        }
        h.raw("</tbody></table>\n");
        h.raw("<p class=\"headline\">").text("Stages ran for " + Html.seconds(total) + " in this run"
                + (saved > 0 ? "; the cache saved about " + Html.seconds(saved) + " (what the cached stages took when they were computed)" : "")
                + ".").raw("</p>\n");
        h.raw("<div class=\"chart wide\" data-chart=\"timings\"></div>\n");
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("stages", names);
        chart.put("ran", ran);
        chart.put("cached", cached);
        charts.put("timings", chart);
    }
}
