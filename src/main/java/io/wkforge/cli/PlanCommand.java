package io.wkforge.cli;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.plan.Plan;
import io.wkforge.plan.Planner;
import io.wkforge.run.StageRegistry;
import io.wkforge.run.StampStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plan", description = "Show which stages a run would execute and why (which setting or input changed).")
final class PlanCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The recipe.")
    Path file;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a param or a setting (block.key).")
    List<String> sets;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: build/<recipe> beside the recipe).")
    Path out;

    @Option(names = "--only", paramLabel = "STAGE", description = "Plan just this stage.")
    String only;

    @Option(names = "--until", paramLabel = "STAGE", description = "Plan stages up to and including this one.")
    String until;

    @Option(names = "--force", paramLabel = "STAGE", description = "Treat this stage as changed.")
    List<String> force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<StageId> selected = StageSelection.stages(only, until);
        CheckResult r = RecipeLoader.check(file, sets, false);
        if (!RecipeLoader.report(r, spec.commandLine().getErr())) return ExitCodes.USAGE;
        if (r.fragment()) throw new UserError(file + " has no classes block: it is a fragment to `use`, not a recipe to plan");
        Layout layout = Layout.forRecipe(r.recipe(), out);
        StampStore store = new StampStore(layout);
        Plan plan = new Planner(r.recipe(), store, Version.current(), StageSelection.forced(force)).plan(layout);
        PlanPrinter.print(plan, selected, StageRegistry.discover(), spec.commandLine().getOut());
        store.hasher().save();
        return ExitCodes.OK;
    }
}
