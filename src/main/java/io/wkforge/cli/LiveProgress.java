package io.wkforge.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows the running stage's progress. On a terminal: one bar line at the bottom, redrawn in place
 * (at most a few times a second), with the run's other lines printed above it. Elsewhere (a CI
 * log, a pipe): a plain line every {@link #PLAIN_INTERVAL_NANOS}, so logs stay readable.
 */
final class LiveProgress {
    static final long REDRAW_NANOS = 150_000_000L;
    static final long PLAIN_INTERVAL_NANOS = 10_000_000_000L;
    private static final int BAR_CELLS = 24;

    private final PrintWriter out;
    private final boolean terminal;
    private final int width;
    private final boolean unicode;
    private final LongSupplier clock;
    private ProgressLine line;
    private boolean barShown;
    private long lastDraw;
    private long lastPlain;

    LiveProgress(PrintWriter out, boolean terminal, int width, boolean unicode, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.width = Math.max(40, width);
        this.unicode = unicode;
        this.clock = clock;
    }

    /** For this process's standard output: a bar when it is a terminal (and WKFORGE_PROGRESS is not {@code plain}). */
    static LiveProgress forConsole(PrintWriter out) {
        String mode = System.getenv("WKFORGE_PROGRESS");
        String term = System.getenv("TERM");
        boolean terminal = "bar".equals(mode)
                || (!"plain".equals(mode) && System.console() != null && term != null && !term.equals("dumb"));
        String lang = (System.getenv("LC_ALL") + " " + System.getenv("LC_CTYPE") + " " + System.getenv("LANG")).toUpperCase(Locale.ROOT);
        return new LiveProgress(out, terminal, terminal ? Terminal.columns() : 100, lang.contains("UTF-8") || lang.contains("UTF8"),
                System::nanoTime);
    }

    boolean terminal() {
        return terminal;
    }

    synchronized void stageStarted(String stage, int tasksToRun) {
        stageStarted(stage, tasksToRun, "tasks");
    }

    /** @param taskNoun what the stage's tasks are, in the plural ("videos" for frames) */
    synchronized void stageStarted(String stage, int tasksToRun, String taskNoun) {
        clearBar();
        line = tasksToRun > 0 ? new ProgressLine(stage, tasksToRun, taskNoun, clock.getAsLong()) : null;
        lastPlain = clock.getAsLong();
    }

    synchronized void update(String taskId, long done, long total, String unit) {
        if (line == null) return;
        long now = clock.getAsLong();
        line.update(taskId, done, total, unit, now);
        if (terminal) {
            if (now - lastDraw >= REDRAW_NANOS || !barShown) draw(now);
        } else if (now - lastPlain >= PLAIN_INTERVAL_NANOS) {
            lastPlain = now;
            double f = line.fraction();
            out.println("    ... " + line.stage() + ": " + (Double.isNaN(f) || !line.overallFraction() ? "" : percent(f) + ", ") + line.text(now));
            out.flush();
        }
    }

    synchronized void taskFinished(String taskId) {
        if (line == null) return;
        line.taskFinished(taskId);
        if (terminal && barShown) draw(clock.getAsLong());
    }

    /** A line of the run's output, printed above the bar. */
    synchronized void println(String text) {
        boolean redraw = barShown;
        clearBar();
        out.println(text);
        if (redraw && line != null) draw(clock.getAsLong());
        out.flush();
    }

    synchronized void stageEnded() {
        clearBar();
        line = null;
        out.flush();
    }

    private void draw(long now) {
        lastDraw = now;
        double f = line.fraction();
        String head = String.format(Locale.ROOT, "  %-9s %s %4s  ", line.stage(), ProgressLine.bar(f, BAR_CELLS, unicode),
                Double.isNaN(f) ? "" : percent(f));
        String text = head + line.text(now);
        if (text.length() > width - 1) text = text.substring(0, width - 2) + (unicode ? "…" : ">");
        out.print("\r" + text + "\033[K");
        out.flush();
        barShown = true;
    }

    private void clearBar() {
        if (!barShown) return;
        out.print("\r\033[K");
        barShown = false;
    }

    private static String percent(double f) {
        return (int) Math.floor(f * 100) + "%";
    }
}
