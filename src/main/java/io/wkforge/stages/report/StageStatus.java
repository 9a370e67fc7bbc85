package io.wkforge.stages.report;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.RunSoFar;
import java.util.List;

/**
 * What happened to one stage in this run, in words: ran (and how long), came from the cache (and
 * when it was computed), was skipped (and why), failed, or did not run at all.
 *
 * @param kind one of ran, cached, skipped, failed, not_run; also the CSS class of its badge
 */
record StageStatus(StageId stage, String kind, String text, long millis, long lastMillis) {

    static StageStatus of(StageId stage, RunSoFar run, boolean hasOutputs) {
        List<RunSoFar.TaskOutcome> tasks = run.tasks().stream().filter(t -> t.stage() == stage).toList();
        if (tasks.isEmpty()) {
            if (run == RunSoFar.NONE || run.id() == null) {
                return new StageStatus(stage, hasOutputs ? "cached" : "not_run", hasOutputs ? "outputs present" : "not run", 0, 0);
            }
            return new StageStatus(stage, "not_run", hasOutputs ? "not run in this run (showing earlier outputs)" : "not run", 0, 0);
        }
        long millis = tasks.stream().mapToLong(RunSoFar.TaskOutcome::millis).sum();
        long last = tasks.stream().mapToLong(RunSoFar.TaskOutcome::lastRanMillis).sum();
        RunSoFar.TaskOutcome failed = tasks.stream().filter(t -> t.status().equals("failed")).findFirst().orElse(null);
        if (failed != null) return new StageStatus(stage, "failed", "failed: " + failed.reason(), millis, last);
        RunSoFar.TaskOutcome skipped = tasks.stream().filter(t -> t.status().equals("skipped")).findFirst().orElse(null);
        if (skipped != null) return new StageStatus(stage, "skipped", "skipped: " + skipped.reason(), 0, 0);
        long ran = tasks.stream().filter(t -> t.status().equals("ran")).count();
        if (ran == 0) {
            String when = tasks.stream().map(RunSoFar.TaskOutcome::lastRanAt).filter(w -> w != null).max(String::compareTo).orElse(null);
            return new StageStatus(stage, "cached", "from the cache" + (when != null ? " (computed " + shortTime(when)
                    + (last > 0 ? " in " + Html.seconds(last) : "") + ")" : ""), 0, last);
        }
        String n = tasks.size() > 1 ? " (" + ran + " of " + tasks.size() + " tasks; the rest cached)" : "";
        if (ran == tasks.size() && tasks.size() > 1) n = " (" + ran + " tasks)";
        return new StageStatus(stage, "ran", "ran in " + Html.seconds(millis) + n, millis, last);
    }

    /** {@code 2026-11-28T01:49:54.123Z} as {@code 2026-11-28 01:49 UTC}. */
    static String shortTime(String iso) {
        if (iso.length() >= 16 && iso.charAt(10) == 'T') return iso.substring(0, 10) + " " + iso.substring(11, 16) + " UTC";
        return iso;
    }

    String badge() {
        return "<span class=\"badge " + kind + "\">" + Html.esc(text) + "</span>";
    }

    /** The badge with one word or two (for a table that gives the details in other columns). */
    String shortBadge() {
        String word = switch (kind) {
            case "ran" -> "ran";
            case "cached" -> "from the cache";
            case "skipped" -> "skipped";
            case "failed" -> "failed";
            default -> "not run";
        };
        return "<span class=\"badge " + kind + "\">" + word + "</span>";
    }
}
