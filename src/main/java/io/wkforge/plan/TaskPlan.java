package io.wkforge.plan;

import java.util.List;

/**
 * The plan's verdict for one task: run, cached or skipped, and why.
 *
 * @param reasons    human-readable reasons to run (empty when cached or skipped)
 * @param skipReason why the task cannot run here (a tool that is not installed), else null
 */
public record TaskPlan(TaskSpec task, boolean willRun, List<String> reasons, String skipReason) {

    public TaskPlan(TaskSpec task, boolean willRun, List<String> reasons) {
        this(task, willRun, reasons, null);
    }

    public static TaskPlan skipped(TaskSpec task, String reason) {
        return new TaskPlan(task, false, List.of(), reason);
    }

    public boolean skipped() {
        return skipReason != null;
    }

    public String reasonText() {
        if (skipReason != null) return skipReason;
        return willRun ? String.join("; ", reasons) : "up to date";
    }
}
