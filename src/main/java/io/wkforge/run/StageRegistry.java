package io.wkforge.run;

import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.StageTools;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The stages this build of wkforge implements, found with {@link ServiceLoader} so that heavy
 * stage code (FFmpeg, libtorch) is only loaded when a run needs it. A stage with no
 * implementation is refused by name; it is never faked.
 */
public final class StageRegistry implements StageTools {
    private final Map<StageId, StageRunner> runners = new EnumMap<>(StageId.class);

    public static StageRegistry discover() {
        StageRegistry r = new StageRegistry();
        for (StageRunner s : ServiceLoader.load(StageRunner.class)) r.register(s);
        return r;
    }

    public StageRegistry register(StageRunner runner) {
        runners.put(runner.stage(), runner);
        return this;
    }

    public StageRunner get(StageId stage) {
        return runners.get(stage);
    }

    /** Warms up the given stages on this thread (see {@link StageRunner#warmUp()}); failures are ignored. */
    public void warmUp(java.util.List<StageId> stages) {
        for (StageId s : stages) {
            StageRunner r = runners.get(s);
            if (r == null) continue;
            try {
                r.warmUp();
            } catch (RuntimeException | LinkageError ignored) {
                // the stage's own task reports whatever is wrong, in its own words
            }
        }
    }

    /** Starts warming up the given stages on a daemon thread (see {@link StageRunner#warmUp()}). */
    public void warmUpInBackground(java.util.List<StageId> stages) {
        java.util.List<StageRunner> targets = stages.stream().map(runners::get).filter(java.util.Objects::nonNull).toList();
        if (targets.isEmpty()) return;
        Thread t = new Thread(() -> {
            for (StageRunner r : targets) {
                try {
                    r.warmUp();
                } catch (RuntimeException | LinkageError ignored) {
                    // the stage's own task reports whatever is wrong, in its own words
                }
            }
        }, "wkforge-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** The stages that cannot run for this recipe on this machine, each with its one-line reason. */
    public java.util.Map<StageId, String> unavailable(io.wkforge.lang.model.EffectiveRecipe recipe) {
        java.util.Map<StageId, String> out = new EnumMap<>(StageId.class);
        runners.forEach((stage, runner) -> {
            String why = runner.unavailableReason(recipe);
            if (why != null) out.put(stage, why);
        });
        return out;
    }

    public boolean has(StageId stage) {
        return runners.containsKey(stage);
    }

    /** What computes a stage's outputs, for its tasks' keys (see {@link StageFingerprint}). */
    @Override
    public Map<String, String> componentsOf(StageId stage) {
        StageRunner r = runners.get(stage);
        return r == null ? Map.of("tool code", "not built") : StageFingerprint.of(r);
    }

    @Override
    public Map<String, java.nio.file.Path> programsOf(StageId stage, io.wkforge.lang.model.EffectiveRecipe recipe) {
        StageRunner r = runners.get(stage);
        return r == null ? Map.of() : r.externalPrograms(recipe);
    }
}
