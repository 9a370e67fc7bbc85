package io.wkforge.run;

import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.model.Setting;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.plan.Stamp;
import io.wkforge.plan.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stage's verdict on the problems its tasks reported (all of them stamped by then, whether
 * they ran or were cached): {@link StageRunner#judge} fails the stage or turns them into
 * warnings, reading only the stage's verdict settings, which no task's key covers.
 */
final class Verdicts {
    private final EffectiveRecipe recipe;
    private final StampStore store;
    private final StageRegistry registry;
    private final RunListener listener;
    private final Layout layout;

    Verdicts(EffectiveRecipe recipe, StampStore store, StageRegistry registry, RunListener listener, Layout layout) {
        this.recipe = recipe;
        this.layout = layout;
        this.store = store;
        this.registry = registry;
        this.listener = listener;
    }

    /** The stage's failure, or null when it passes. */
    TaskFailure judge(StageId stage, List<TaskSpec> tasks, RunRecord record) {
        List<StageVerdict.Problem> problems = new ArrayList<>();
        for (TaskSpec t : tasks) {
            Stamp s = store.stamp(t.id());
            if (s != null) for (String p : s.problems()) problems.add(new StageVerdict.Problem(t, p));
        }
        StageRunner runner = registry.get(stage);
        if (runner == null) return null;
        Map<String, String> allowed = recipe.verdictSettingsOf(stage);
        if (problems.isEmpty() && allowed.isEmpty()) return null; // a stage with verdict settings judges even a clean result
        StageVerdict verdict = new StageVerdict() {
            @Override
            public List<Problem> problems() {
                return List.copyOf(problems);
            }

            @Override
            public Setting setting(String qualifiedName) {
                if (!allowed.containsKey(qualifiedName)) {
                    throw new IllegalStateException("the verdict of stage " + stage.id() + " read setting " + qualifiedName
                            + ", which the schema does not declare as its verdict setting");
                }
                return recipe.setting(qualifiedName);
            }

            @Override
            public java.nio.file.Path outputDir() {
                return layout.stageDir(stage);
            }

            @Override
            public void warn(TaskSpec task, String message) {
                record.warning(task.id(), message);
                listener.warning(task, message);
            }
        };
        try {
            runner.judge(verdict);
            return null;
        } catch (StageException e) {
            return TaskFailure.of(stage.id(), e);
        }
    }
}
