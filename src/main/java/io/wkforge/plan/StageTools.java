package io.wkforge.plan;

import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import java.nio.file.Path;
import java.util.Map;

/**
 * What computes a stage's outputs, as cache-key components: a digest of the stage's code, the
 * libraries it calls and an algorithm version the stage bumps by hand. A new build whose stage
 * code is unchanged keeps its caches; one that changes a stage re-runs that stage (and what reads
 * outputs that came out different).
 */
public interface StageTools {
    Map<String, String> componentsOf(StageId stage);

    /**
     * Programs outside wkforge that compute the stage's outputs, found for this recipe on this
     * machine: the planner keys them by content, as input files labelled {@code program NAME}.
     */
    default Map<String, Path> programsOf(StageId stage, EffectiveRecipe recipe) {
        return Map.of();
    }

    /** Every stage computed by the same fixed version (tests, and stages with no implementation). */
    static StageTools fixed(String version) {
        return stage -> Map.of("tool version", version);
    }
}
