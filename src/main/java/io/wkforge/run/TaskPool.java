package io.wkforge.run;

import io.wkforge.plan.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Runs the tasks of one stage: one after the other, or on a pool of daemon threads where the
 * stage allows parallel tasks. Every task is waited for, even after one hit a bug, so nothing
 * keeps running behind the caller's back; the first bug is then rethrown.
 */
final class TaskPool {
    /** Runs one task with the threads it may use; returns its failure, or null. */
    interface Task {
        TaskFailure run(TaskSpec task, int threads);
    }

    private TaskPool() {}

    /**
     * @param parallel whether the stage's tasks may run at once (each then gets one thread)
     * @param stopping checked before each task starts: true after an interrupt
     */
    static List<TaskFailure> runAll(List<TaskSpec> tasks, int threads, boolean parallel, BooleanSupplier stopping, Task task) {
        List<TaskFailure> failures = new ArrayList<>();
        if (!parallel || tasks.size() == 1 || threads <= 1) {
            for (TaskSpec t : tasks) {
                if (stopping.getAsBoolean()) break;
                TaskFailure f = task.run(t, threads);
                if (f != null) failures.add(f);
            }
            return failures;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), r -> {
            Thread th = new Thread(r, "wkforge-task");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<TaskFailure>> futures = new ArrayList<>();
            for (TaskSpec t : tasks) futures.add(pool.submit(() -> stopping.getAsBoolean() ? null : task.run(t, 1)));
            RuntimeException bug = null;
            for (Future<TaskFailure> f : futures) {
                try {
                    TaskFailure r = f.get();
                    if (r != null) failures.add(r);
                } catch (ExecutionException e) {
                    if (bug == null) {
                        bug = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (bug != null) throw bug;
        } finally {
            pool.shutdownNow();
        }
        return failures;
    }
}
