package io.wkforge.cli;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.plan.Plan;
import io.wkforge.plan.Planner;
import io.wkforge.run.Executor;
import io.wkforge.run.StageRegistry;
import io.wkforge.run.StampStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", description = "Run the recipe's plan: every stage whose inputs or settings changed, in order, with caching.")
final class RunCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    PlanOptions options;

    @Option(names = "--threads", paramLabel = "N", description = "Tasks run at once (default: number of cores).")
    Integer threads;

    @Option(names = "--wait", description = "When another run is using the build folder, wait for it to finish "
            + "instead of exiting with 2.")
    boolean waitForLock;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var console = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        List<StageId> selected = options.selectedStages();
        Set<StageId> forced = options.forcedStages();
        StageRegistry registry = StageRegistry.discover();
        // Native libraries load while the recipe is checked, for the stages that never ran into this
        // output folder (their tasks will run). A stage that did may well be all cached: its
        // libraries (FFmpeg: ~0.3 s of CPU) load only once the plan says a task of it runs.
        Layout before = Layout.forRecipeFile(options.file, options.out);
        List<StageId> fresh = selected.stream().filter(s -> !before.hasStampsOf(s)).toList();
        registry.warmUpInBackground(fresh);
        io.wkforge.run.RunRecord.warmUpInBackground();
        CheckResult r = RecipeLoader.check(options.file, options.sets, true);
        if (!RecipeLoader.report(r, err)) return ExitCodes.USAGE;
        if (r.fragment()) throw new UserError(options.file + " has no classes block: it is a fragment to `use`, not a recipe to run");

        Layout layout = Layout.forRecipe(r.recipe(), options.out);
        if (options.out != null) {
            try {
                Executor.refuseForeignFolder(layout);
            } catch (Executor.ForeignFolder e) {
                throw new UserError(e.getMessage());
            }
        }
        StampStore store = new StampStore(layout);
        Plan plan = new Planner(r.recipe(), store, registry, forced)
                .withUnavailable(registry.unavailable(r.recipe())).plan(layout);
        refuseMissingStages(plan, selected, registry);
        registry.warmUpInBackground(selected.stream().filter(s -> !fresh.contains(s) && plan.stageWillRun(s)).toList());
        if (options.only != null) requireUpToDateUpstream(plan, selected.get(0));

        int threadCount = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        return RunSession.run(r, layout, store, registry, selected, forced, threadCount, waitForLock, args, console, err).exitCode();
    }

    /** A stage this build cannot run is refused by name before anything runs; it is never faked. */
    private void refuseMissingStages(Plan plan, List<StageId> selected, StageRegistry registry) {
        StageId lastAvailable = null;
        for (StageId s : StageId.values()) {
            if (!registry.has(s)) break;
            lastAvailable = s;
        }
        for (StageId s : selected) {
            if (registry.has(s) || !plan.stageWillRun(s)) continue;
            String hint = lastAvailable == null ? "no stage is built in this version"
                    : "run the stages that are built with `--until " + lastAvailable.id() + "`";
            throw new UserError("stage `" + s.id() + "` (" + s.summary() + ") is not built yet in wkforge "
                    + Version.current() + "; " + hint);
        }
    }

    private void requireUpToDateUpstream(Plan plan, StageId stage) {
        for (StageId up : Planner.upstreamOf(stage)) {
            if (plan.stageWillRun(up)) {
                throw new UserError("--only " + stage.id() + ": its input stage `" + up.id() + "` is not up to date ("
                        + plan.tasks(up).stream().filter(t -> t.willRun()).findFirst().map(t -> t.reasonText()).orElse("")
                        + "); run it first or use --until " + stage.id());
            }
        }
    }
}
