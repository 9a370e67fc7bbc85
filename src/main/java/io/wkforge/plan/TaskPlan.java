package io.wkforge.plan;

import java.util.List;
import java.util.Map;

/**
 * The plan's verdict for one task: run or cached, and why.
 *
 * @param components the key's components as far as known now; an upstream that will re-run is
 *                   known only after it has run ({@link Planner#PENDING})
 * @param reasons    human-readable reasons to run (empty when cached)
 */
public record TaskPlan(TaskSpec task, boolean willRun, List<String> reasons, Map<String, String> components) {

    public String reasonText() {
        return willRun ? String.join("; ", reasons) : "up to date";
    }
}
