package io.wkforge.cli;

import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.TaskSpec;
import io.wkforge.run.RunListener;
import io.wkforge.run.StageException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * A run on the console: one line per event (stage started, task done, warnings, notes), and the
 * progress of long work through {@link LiveProgress}: a bar redrawn in place on a terminal, a
 * plain line every ten seconds in a log.
 */
final class ConsoleListener implements RunListener {
    private final PrintWriter err;
    private final LiveProgress live;
    private final java.util.List<String> skipped = new java.util.ArrayList<>();
    /** Tasks still running per stage, to take the bar down when the stage's last task ends. */
    private final Map<StageId, Integer> running = new HashMap<>();

    ConsoleListener(PrintWriter out) {
        this(out, out);
    }

    /** Plain lines, no bar (tests, logs). */
    ConsoleListener(PrintWriter out, PrintWriter err) {
        this(err, new LiveProgress(out, false, 100, false, System::nanoTime));
    }

    ConsoleListener(PrintWriter err, LiveProgress live) {
        this.err = err;
        this.live = live;
    }

    @Override
    public void waitingForLock(io.wkforge.run.RunLock.Holder holder) {
        err.println("wkforge: waiting for the run that is using this build folder (" + (holder == null ? "holder unknown" : holder) + ")");
        err.flush();
    }

    @Override
    public synchronized void recovered(String message) {
        live.println("==> recovery: " + message);
    }

    @Override
    public synchronized void stageStarted(StageId stage, int toRun, int cached) {
        live.println(String.format("==> %s: %s", stage.id(), toRun == 0 ? "cached (" + cached + " task" + (cached == 1 ? "" : "s") + ")"
                : toRun + " to run" + (cached > 0 ? ", " + cached + " cached" : "")));
        running.put(stage, toRun);
        live.stageStarted(stage.id(), toRun, stage == StageId.FRAMES ? "videos" : "tasks");
    }

    @Override
    public synchronized void stageSkipped(StageId stage, String reason) {
        skipped.add(stage.id());
        live.println(String.format("==> %s: skipped: %s", stage.id(), reason));
    }

    @Override
    public void taskProgress(TaskSpec task, long done, long total, String unit) {
        live.update(task.id(), done, total, unit);
    }

    @Override
    public synchronized void taskFinished(TaskSpec task, long millis) {
        live.taskFinished(task.id());
        live.println(String.format("    done %s (%.1f s)", shortId(task), millis / 1000.0));
        taskEnded(task);
    }

    @Override
    public synchronized void taskFailed(TaskSpec task, StageException failure) {
        live.taskFinished(task.id());
        live.println(String.format("    FAILED %s: %s", shortId(task), failure.getMessage()));
        for (String d : failure.details()) live.println("        " + d);
        taskEnded(task);
    }

    @Override
    public synchronized void warning(TaskSpec task, String message) {
        live.println(String.format("    warning: %s: %s", shortId(task), message));
    }

    @Override
    public synchronized void note(TaskSpec task, String message) {
        for (String line : message.split("\n")) live.println("    " + line);
    }

    @Override
    public synchronized void pruned(String taskId) {
        live.println(String.format("    removed outputs of %s (no longer in the recipe)", taskId));
    }

    /** The stages skipped so far (their tool is missing, or one they need was skipped). */
    synchronized java.util.List<String> skipped() {
        return java.util.List.copyOf(skipped);
    }

    /** Takes the bar down (the end of a run, or an interruption). */
    synchronized void close() {
        live.stageEnded();
    }

    private void taskEnded(TaskSpec task) {
        int left = running.merge(task.stage(), -1, Integer::sum);
        if (left <= 0) live.stageEnded();
    }

    private static String shortId(TaskSpec t) {
        return t.id().equals(t.stage().id()) ? t.id() : t.id().substring(t.stage().id().length() + 1);
    }
}
