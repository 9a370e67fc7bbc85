package io.wkforge.run;

import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.plan.Stamp;
import io.wkforge.plan.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes the outputs and stamps of tasks that are no longer in the recipe (a video removed, say).
 * Only {@code frames} has a task per input; every other stage has one task, replaced by its next
 * commit.
 */
final class Pruner {
    private final Layout layout;
    private final StampStore store;
    private final RunListener listener;

    Pruner(Layout layout, StampStore store, RunListener listener) {
        this.layout = layout;
        this.store = store;
        this.listener = listener;
    }

    void prune(StageId stage, List<TaskSpec> current) throws IOException {
        if (stage != StageId.FRAMES) return;
        Set<String> keep = new HashSet<>();
        for (TaskSpec t : current) keep.add(t.id());
        for (String id : store.taskIdsOf(stage.id())) {
            if (keep.contains(id)) continue;
            Stamp s = store.stamp(id);
            // outputs first: a kill in between leaves the stamp, and the next run prunes the rest
            if (s != null) {
                for (String rel : s.outputs().keySet()) Files.deleteIfExists(layout.outDir().resolve(rel));
            }
            store.remove(id);
            listener.pruned(id);
        }
    }
}
