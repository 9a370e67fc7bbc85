package io.wkforge.cli;

import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.TaskSpec;
import io.wkforge.run.RunListener;
import io.wkforge.run.StageException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Progress of a run on the terminal, one line per event so it reads the same in a log file.
 * Progress inside a long task is printed at most every two seconds per task.
 */
final class ConsoleListener implements RunListener {
    private static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, Long> lastProgress = new ConcurrentHashMap<>();
    private final java.util.List<String> skipped = new java.util.ArrayList<>();

    ConsoleListener(PrintWriter out) {
        this(out, out);
    }

    ConsoleListener(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void waitingForLock(io.wkforge.run.RunLock.Holder holder) {
        err.println("wkforge: waiting for the run that is using this build folder (" + (holder == null ? "holder unknown" : holder) + ")");
        err.flush();
    }

    @Override
    public synchronized void recovered(String message) {
        out.println("==> recovery: " + message);
        out.flush();
    }

    @Override
    public synchronized void stageStarted(StageId stage, int toRun, int cached) {
        out.printf("==> %s: %s%n", stage.id(), toRun == 0 ? "cached (" + cached + " task" + (cached == 1 ? "" : "s") + ")"
                : toRun + " to run" + (cached > 0 ? ", " + cached + " cached" : ""));
        out.flush();
    }

    @Override
    public synchronized void stageSkipped(StageId stage, String reason) {
        skipped.add(stage.id());
        out.printf("==> %s: skipped: %s%n", stage.id(), reason);
        out.flush();
    }

    @Override
    public void taskProgress(TaskSpec task, long done, long total, String unit) {
        long now = System.nanoTime();
        Long last = lastProgress.get(task.id());
        if (last != null && now - last < PROGRESS_INTERVAL_NANOS) return;
        lastProgress.put(task.id(), now);
        synchronized (this) {
            out.printf("    ... %s: %d%s %s%n", shortId(task), done, total > 0 ? "/" + total : "", unit);
            out.flush();
        }
    }

    @Override
    public synchronized void taskFinished(TaskSpec task, long millis) {
        out.printf("    done %s (%.1f s)%n", shortId(task), millis / 1000.0);
        out.flush();
    }

    @Override
    public synchronized void taskFailed(TaskSpec task, StageException failure) {
        out.printf("    FAILED %s: %s%n", shortId(task), failure.getMessage());
        for (String d : failure.details()) out.println("        " + d);
        out.flush();
    }

    @Override
    public synchronized void warning(TaskSpec task, String message) {
        out.printf("    warning: %s: %s%n", shortId(task), message);
        out.flush();
    }

    @Override
    public synchronized void note(TaskSpec task, String message) {
        for (String line : message.split("\n")) out.println("    " + line);
        out.flush();
    }

    @Override
    public synchronized void pruned(String taskId) {
        out.printf("    removed outputs of %s (no longer in the recipe)%n", taskId);
        out.flush();
    }

    /** The stages skipped so far (their tool is missing, or one they need was skipped). */
    synchronized java.util.List<String> skipped() {
        return java.util.List.copyOf(skipped);
    }

    private static String shortId(TaskSpec t) {
        return t.id().equals(t.stage().id()) ? t.id() : t.id().substring(t.stage().id().length() + 1);
    }
}
