package io.wkforge.stages.train;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting on work submitted to the loader threads. */
final class Batches {
    private Batches() {}

    /** Waits for every future; a failure inside one is rethrown as it was thrown. */
    static void await(List<? extends Future<?>> futures) throws InterruptedException {
        for (Future<?> f : futures) get(f);
    }

    static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }
}
