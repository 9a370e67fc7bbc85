package io.wkforge.run;

import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Hashing;
import io.wkforge.plan.Planner;
import io.wkforge.plan.Stamp;
import io.wkforge.plan.TaskSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The cache decision for one stage's tasks: a task is cached when it has a stamp whose key equals
 * the key recomputed from the outputs upstream tasks actually committed, and its outputs are
 * intact; otherwise it runs. A task that runs anyway (no stamp, forced, or a stage that runs in
 * every run) works out its key while it runs, since that may hash a large input.
 */
final class CacheCheck {

    /**
     * @param toRun      the tasks that must run, in order
     * @param components each task's key components, worked out on demand
     * @param cached     the tasks found cached (already recorded as such)
     */
    record Decision(List<TaskSpec> toRun, Map<String, Supplier<Map<String, String>>> components, int cached) {}

    private CacheCheck() {}

    static Decision decide(StageId stage, List<TaskSpec> tasks, Planner planner, StampStore store, Set<StageId> forced, RunRecord record) {
        Map<StageId, String> upstream = new EnumMap<>(StageId.class);
        for (StageId up : Planner.upstreamOf(stage)) upstream.put(up, planner.readHash(stage, up));
        List<TaskSpec> toRun = new ArrayList<>();
        Map<String, Supplier<Map<String, String>>> comps = new TreeMap<>();
        int cached = 0;
        for (TaskSpec t : tasks) {
            Stamp s = store.stamp(t.id());
            if (s == null || forced.contains(stage) || Planner.runsEveryRun(stage)) {
                // runs anyway: its key (which may hash a large input) is worked out while it runs
                comps.put(t.id(), () -> planner.components(t, upstream));
                toRun.add(t);
                continue;
            }
            Map<String, String> c = planner.components(t, upstream);
            comps.put(t.id(), () -> c);
            if (s.key().equals(Hashing.ofComponents(c)) && store.outputsIntact(s)) {
                cached++;
                record.cached(t.id(), s.key(), s.finishedAt(), s.durationMs());
            } else {
                toRun.add(t);
            }
        }
        return new Decision(toRun, comps, cached);
    }
}
