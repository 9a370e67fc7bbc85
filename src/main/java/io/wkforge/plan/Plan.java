package io.wkforge.plan;

import io.wkforge.lang.schema.StageId;
import java.util.List;
import java.util.Map;

/** The execution plan of a recipe: every stage in order with its tasks' verdicts. */
public record Plan(Layout layout, Map<StageId, List<TaskPlan>> stages) {

    public List<TaskPlan> tasks(StageId stage) {
        return stages.getOrDefault(stage, List.of());
    }

    public boolean stageWillRun(StageId stage) {
        return tasks(stage).stream().anyMatch(TaskPlan::willRun);
    }
}
