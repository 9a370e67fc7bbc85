package io.wkforge.cli;

import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Plan;
import io.wkforge.plan.TaskPlan;
import io.wkforge.run.StageRegistry;
import java.io.PrintWriter;
import java.util.List;

/** Prints a plan: one line per stage (id, run or cached, why), per-video tasks below frames. */
final class PlanPrinter {
    private static final int MAX_TASK_LINES = 12;

    private PlanPrinter() {}

    static void print(Plan plan, List<StageId> selected, StageRegistry registry, PrintWriter out) {
        out.println("outputs: " + plan.layout().outDir());
        for (StageId stage : StageId.values()) {
            List<TaskPlan> tasks = plan.tasks(stage);
            boolean inScope = selected.contains(stage);
            String verdict;
            String reason;
            if (!tasks.isEmpty() && tasks.get(0).skipped()) {
                verdict = "skip";
                reason = tasks.get(0).skipReason();
            } else if (tasks.isEmpty()) {
                verdict = "-";
                reason = "nothing to do: no video matches the class table";
            } else if (tasks.size() == 1) {
                verdict = tasks.get(0).willRun() ? "run" : "cached";
                reason = tasks.get(0).reasonText();
            } else {
                long running = tasks.stream().filter(TaskPlan::willRun).count();
                verdict = running > 0 ? "run" : "cached";
                reason = running > 0 ? running + " of " + tasks.size() + " tasks" : "all " + tasks.size() + " tasks up to date";
            }
            if (!inScope) {
                verdict = "skip";
                reason = "outside --only/--until";
            }
            String note = registry.has(stage) ? "" : "  [not built yet in this version]";
            out.printf("  %-9s %-7s %s%s%n", stage.id(), verdict, reason, note);
            if (inScope && tasks.size() > 1) {
                int shown = 0;
                for (TaskPlan t : tasks) {
                    if (!t.willRun()) continue;
                    if (shown++ == MAX_TASK_LINES) {
                        out.println("              ... and more");
                        break;
                    }
                    out.printf("              %s: %s%n", t.task().id().substring(stage.id().length() + 1), t.reasonText());
                }
            }
        }
    }
}
