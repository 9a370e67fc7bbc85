package io.wkforge.plan;

import java.util.List;

/**
 * The plan's verdict for one task: run or cached, and why.
 *
 * @param reasons human-readable reasons to run (empty when cached)
 */
public record TaskPlan(TaskSpec task, boolean willRun, List<String> reasons) {

    public String reasonText() {
        return willRun ? String.join("; ", reasons) : "up to date";
    }
}
