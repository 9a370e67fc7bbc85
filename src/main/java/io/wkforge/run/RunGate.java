package io.wkforge.run;

/**
 * How a run ends, and what an interrupt may still let finish: commits and the run's end are
 * taken under one lock, so Ctrl-C lets a commit in flight finish, then closes the gate; no commit
 * starts after that and the record says {@code interrupted}.
 */
final class RunGate {
    /** Guards commits and the end of a run. */
    private final Object lock = new Object();
    private volatile boolean stopping;
    private boolean closed; // under lock: no commit may start any more
    private RunRecord record; // under lock

    /** A run starts: open for commits, ending in this record. */
    void open(RunRecord record) {
        synchronized (lock) {
            stopping = false;
            closed = false;
            this.record = record;
        }
    }

    /** Whether an interrupt came: no task should start any more. */
    boolean stopping() {
        return stopping;
    }

    /** Ctrl-C: stops new tasks, waits for a commit in flight, and records the run as interrupted. */
    void interrupt() {
        stopping = true;
        synchronized (lock) {
            if (closed || record == null) return;
            closed = true;
            record.finish("interrupted", 130);
            record.save();
        }
    }

    /** A step that changes committed state; it must not be cut by an interrupt. */
    interface Step {
        void run() throws java.io.IOException;
    }

    /** Runs a step unless the run has ended; false when it has (nothing was done). */
    boolean whileOpen(Step step) throws java.io.IOException {
        synchronized (lock) {
            if (closed) return false;
            step.run();
            return true;
        }
    }

    /** Records how the run ended, unless an interrupt got there first; false in that case. */
    boolean end(String status, int exitCode) {
        synchronized (lock) {
            if (closed) return false;
            closed = true;
            record.finish(status, exitCode);
            record.save();
            return true;
        }
    }
}
