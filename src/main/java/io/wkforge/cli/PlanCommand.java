package io.wkforge.cli;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.plan.Plan;
import io.wkforge.plan.Planner;
import io.wkforge.run.RunLock;
import io.wkforge.run.StageRegistry;
import io.wkforge.run.StampStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "plan", description = "Show which stages a run would execute and why (which setting or input changed).")
final class PlanCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    PlanOptions options;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<StageId> selected = options.selectedStages();
        CheckResult r = RecipeLoader.check(options.file, options.sets, false);
        if (!RecipeLoader.report(r, spec.commandLine().getErr())) return ExitCodes.USAGE;
        if (r.fragment()) throw new UserError(options.file + " has no classes block: it is a fragment to `use`, not a recipe to plan");
        Layout layout = Layout.forRecipe(r.recipe(), options.out);
        StampStore store = new StampStore(layout);
        StageRegistry registry = StageRegistry.discover();
        Plan plan = new Planner(r.recipe(), store, registry, options.forcedStages())
                .withUnavailable(registry.unavailable(r.recipe())).plan(layout);
        RunLock.Holder running = RunLock.holder(layout.lockFile());
        if (running != null && running.alive()) {
            spec.commandLine().getErr().println("note: a run is in progress in " + layout.outDir() + " (" + running
                    + "); this plan shows the state before it finishes");
        }
        PlanPrinter.print(plan, selected, registry, spec.commandLine().getOut());
        store.hasher().save();
        return ExitCodes.OK;
    }
}
