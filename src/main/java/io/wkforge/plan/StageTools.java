package io.wkforge.plan;

import io.wkforge.lang.schema.StageId;
import java.util.Map;

/**
 * What computes a stage's outputs, as cache-key components: a digest of the stage's code, the
 * libraries it calls and an algorithm version the stage bumps by hand. A new build whose stage
 * code is unchanged keeps its caches; one that changes a stage re-runs that stage (and what reads
 * outputs that came out different).
 */
public interface StageTools {
    Map<String, String> componentsOf(StageId stage);

    /** Every stage computed by the same fixed version (tests, and stages with no implementation). */
    static StageTools fixed(String version) {
        return stage -> Map.of("tool version", version);
    }
}
