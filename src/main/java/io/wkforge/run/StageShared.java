package io.wkforge.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What the tasks of one stage share within one run (see {@link TaskContext#shared}): made by
 * the first task that asks, closed once every task of the stage has returned.
 */
final class StageShared implements AutoCloseable {
    private final int threads;
    private final Map<Class<?>, AutoCloseable> objects = new LinkedHashMap<>();

    StageShared(int threads) {
        this.threads = Math.max(1, threads);
    }

    int threads() {
        return threads;
    }

    synchronized <T extends AutoCloseable> T get(Class<T> type, IntFunction<? extends T> make) {
        AutoCloseable o = objects.get(type);
        if (o == null) {
            o = make.apply(threads);
            objects.put(type, o);
        }
        return type.cast(o);
    }

    /** Closes the shared objects, the last made first; the first failure is rethrown unchecked. */
    @Override
    public synchronized void close() {
        List<AutoCloseable> all = new ArrayList<>(objects.values());
        objects.clear();
        RuntimeException first = null;
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                all.get(i).close();
            } catch (Exception e) {
                if (first == null) first = e instanceof RuntimeException re ? re : new IllegalStateException(e);
            }
        }
        if (first != null) throw first;
    }
}
