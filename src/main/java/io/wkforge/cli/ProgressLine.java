package io.wkforge.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The progress of the stage that is running, as one line: how far it is (a bar on a terminal),
 * what it is counting, how fast, and how long is left. A stage of several tasks (frames: one per
 * video) is summed up: videos done, how many are running, frames per second over all of them.
 * Time left is worked out from the share done and the time taken so far.
 */
final class ProgressLine {
    /** Rates are measured over the last few seconds, so a slow start does not drag them for ever. */
    private static final long RATE_WINDOW_NANOS = 5_000_000_000L;

    private final String stage;
    private final int tasks;
    private final String taskNoun;
    private final long startNanos;
    private final Map<String, TaskState> active = new LinkedHashMap<>();
    private int finished;

    private static final class TaskState {
        long done;
        long total;
        String unit = "";
        final Deque<long[]> samples = new ArrayDeque<>(); // {nanos, done}

        double rate() {
            if (samples.size() < 2) return Double.NaN;
            long[] first = samples.peekFirst();
            long[] last = samples.peekLast();
            double seconds = (last[0] - first[0]) / 1e9;
            return seconds <= 0 || last[1] < first[1] ? Double.NaN : (last[1] - first[1]) / seconds;
        }
    }

    ProgressLine(String stage, int tasks, String taskNoun, long startNanos) {
        this.stage = stage;
        this.tasks = Math.max(1, tasks);
        this.taskNoun = taskNoun;
        this.startNanos = startNanos;
    }

    void update(String taskId, long done, long total, String unit, long now) {
        TaskState t = active.computeIfAbsent(taskId, k -> new TaskState());
        if (done < t.done || total != t.total || !sameSeries(unit, t.unit)) t.samples.clear(); // a new count (the next epoch, say)
        t.done = done;
        t.total = total;
        t.unit = unit;
        t.samples.addLast(new long[] {now, done});
        while (t.samples.size() > 2 && now - t.samples.peekFirst()[0] > RATE_WINDOW_NANOS) t.samples.removeFirst();
    }

    void taskFinished(String taskId) {
        active.remove(taskId);
        finished++;
    }

    /** The share done, 0..1, or NaN when nothing says yet. */
    double fraction() {
        double sum = finished;
        boolean known = finished > 0;
        for (TaskState t : active.values()) {
            if (t.total > 0) {
                sum += Math.min(1.0, (double) t.done / t.total);
                known = true;
            }
        }
        return known ? Math.min(1.0, sum / tasks) : Double.NaN;
    }

    /** What the line says after the bar: counts, rate, time left. */
    String text(long now) {
        StringBuilder sb = new StringBuilder();
        double f = fraction();
        if (tasks > 1) {
            sb.append(finished).append('/').append(tasks).append(' ').append(taskNoun);
            if (!active.isEmpty()) sb.append(", ").append(active.size()).append(" running");
            double rate = 0;
            String unit = null;
            for (TaskState t : active.values()) {
                double r = t.rate();
                if (!Double.isNaN(r) && isPlainUnit(t.unit)) {
                    rate += r;
                    unit = t.unit;
                }
            }
            if (unit != null) sb.append(", ").append(rateText(rate, unit));
        } else if (!active.isEmpty()) {
            TaskState t = active.values().iterator().next();
            sb.append(t.done).append(t.total > 0 ? "/" + t.total : "").append(' ').append(t.unit);
            // a unit with its own details (training: loss, speed, time left) is shown as the stage wrote it
            if (!isPlainUnit(t.unit)) return sb.toString();
            double r = t.rate();
            if (!Double.isNaN(r)) sb.append(", ").append(rateText(r, t.unit));
        }
        double elapsed = (now - startNanos) / 1e9;
        if (!Double.isNaN(f) && f > 0.02 && f < 1 && elapsed > 2) {
            sb.append(", ").append(clock(elapsed * (1 - f) / f)).append(" left");
        }
        return sb.toString();
    }

    String stage() {
        return stage;
    }

    /**
     * Whether the share done is the stage's own: false for one task that counts with its own
     * words (training counts the batches of the current epoch), where a percentage alone would
     * mislead.
     */
    boolean overallFraction() {
        if (tasks > 1 || active.isEmpty()) return true;
        return isPlainUnit(active.values().iterator().next().unit);
    }

    /** A unit that is a plain noun ("frames"), for which a rate means something. */
    static boolean isPlainUnit(String unit) {
        return unit != null && !unit.isBlank() && unit.indexOf(',') < 0 && unit.indexOf('(') < 0;
    }

    private static boolean sameSeries(String a, String b) {
        if (isPlainUnit(a) || isPlainUnit(b)) return a.equals(b);
        return true; // a described count changes its words with every update
    }

    static String rateText(double perSecond, String unit) {
        return (perSecond >= 100 ? String.format(Locale.ROOT, "%.0f", perSecond) : String.format(Locale.ROOT, "%.1f", perSecond))
                + " " + unit + "/s";
    }

    /** Seconds as {@code 0:42}, {@code 12:05} or {@code 1:02:03}. */
    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s >= 3600) return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** A bar {@code width} cells wide, in block characters or plain ASCII. */
    static String bar(double fraction, int width, boolean unicode) {
        if (Double.isNaN(fraction)) fraction = 0;
        int full = (int) Math.floor(fraction * width + 1e-9);
        StringBuilder sb = new StringBuilder(width);
        for (int i = 0; i < width; i++) sb.append(i < full ? (unicode ? '█' : '#') : (unicode ? '░' : '-'));
        return sb.toString();
    }
}
