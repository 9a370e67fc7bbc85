package io.wkforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.Recipes;
import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.plan.Plan;
import io.wkforge.plan.Planner;
import io.wkforge.run.Executor;
import io.wkforge.run.RunRecord;
import io.wkforge.run.StageRegistry;
import io.wkforge.run.StageRunner;
import io.wkforge.run.StampStore;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.deploy.DeployStage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without nnie_mapper there is no .wk: plan and run say that deploy is skipped, and why. */
class SkippedDeployTest {
    @TempDir
    Path dir;

    /** The wk stage as it is on a machine without the vendor mapper. */
    static final class WkWithoutMapper implements StageRunner {
        @Override
        public StageId stage() {
            return StageId.WK;
        }

        @Override
        public String unavailableReason(EffectiveRecipe recipe) {
            return "nnie_mapper_12 not found on PATH (quantize.mapper)";
        }

        @Override
        public void run(TaskContext ctx) {
            throw new AssertionError("never runs");
        }
    }

    @Test
    void planAndRunShowDeploySkippedWithTheMappersReason() throws Exception {
        Recipes.touch(dir, "v/a.avi", "v/bg.avi");
        Path nfs = dir.resolve("nfs");
        Path recipe = Recipes.write(dir, "r.recipe", "use \"targets/hi3516dv300\"\n" + Recipes.CLASSES.replace("v/tree.avi", "v/a.avi")
                .replace("v/bg.avi", "v/bg.avi") + "deploy taurus {\n  via dir \"" + nfs + "\"\n}\n");
        CheckResult r = Recipes.check(recipe, true);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        StageRegistry registry = new StageRegistry().register(new WkWithoutMapper()).register(new DeployStage());
        Layout layout = Layout.forRecipe(r.recipe(), null);
        StampStore store = new StampStore(layout);

        Plan plan = new Planner(r.recipe(), store, "test", Set.of()).withUnavailable(registry.unavailable(r.recipe())).plan(layout);
        StringWriter planOut = new StringWriter();
        PlanPrinter.print(plan, List.of(StageId.values()), registry, new PrintWriter(planOut));
        assertTrue(planOut.toString().contains("  wk        skip    nnie_mapper_12 not found on PATH (quantize.mapper)\n"), planOut::toString);
        assertTrue(planOut.toString().contains("  deploy    skip    needs the outputs of `wk`, which is skipped: "
                + "nnie_mapper_12 not found on PATH (quantize.mapper)\n"), planOut::toString);

        StringWriter runOut = new StringWriter();
        ConsoleListener console = new ConsoleListener(new PrintWriter(runOut));
        Executor.Result result = new Executor(r.recipe(), store, registry, console, "test")
                .run(new Executor.Options(List.of(StageId.WK, StageId.DEPLOY), Set.of(), 1),
                        new RunRecord(layout.runsDir(), r.recipe(), "test", List.of()));
        assertEquals(Executor.Outcome.OK, result.outcome(), "a missing mapper is not a failure");
        assertEquals("==> wk: skipped: nnie_mapper_12 not found on PATH (quantize.mapper)\n"
                + "==> deploy: skipped: needs the outputs of `wk`, which is skipped: nnie_mapper_12 not found on PATH (quantize.mapper)\n",
                runOut.toString());
        assertEquals(List.of("wk", "deploy"), console.skipped());
        assertFalse(Files.exists(nfs), "nothing is pushed without a .wk");
        assertFalse(Files.exists(layout.outDir().resolve("deploy")));
    }

    /** The wk stage as it is with {@code quantize.is_check_prototxt true}: the mapper ran, and wrote no .wk. */
    static final class WkCheckingOnly implements StageRunner {
        @Override
        public StageId stage() {
            return StageId.WK;
        }

        @Override
        public void run(TaskContext ctx) {
            ctx.note("nnie_mapper checked the prototxt; no .wk (quantize.is_check_prototxt true)");
        }
    }

    @Test
    void withIsCheckPrototxtDeployIsSkippedWithThatReasonAndTheRunSucceeds() throws Exception {
        Recipes.touch(dir, "v/a.avi", "v/bg.avi");
        Path nfs = dir.resolve("nfs");
        Path recipe = Recipes.write(dir, "r.recipe", "use \"targets/hi3516dv300\"\n" + Recipes.CLASSES.replace("v/tree.avi", "v/a.avi")
                + "quantize {\n  is_check_prototxt true\n}\ndeploy taurus {\n  via dir \"" + nfs + "\"\n}\n");
        CheckResult r = Recipes.check(recipe, true);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        StageRegistry registry = new StageRegistry().register(new WkCheckingOnly()).register(new DeployStage());
        Layout layout = Layout.forRecipe(r.recipe(), null);
        StampStore store = new StampStore(layout);
        String reason = "quantize.is_check_prototxt is true: nnie_mapper only checks the prototxt and writes no .wk, so there is nothing to deploy";

        Plan plan = new Planner(r.recipe(), store, "test", Set.of()).withUnavailable(registry.unavailable(r.recipe())).plan(layout);
        StringWriter planOut = new StringWriter();
        PlanPrinter.print(plan, List.of(StageId.values()), registry, new PrintWriter(planOut));
        assertTrue(planOut.toString().contains("  deploy    skip    " + reason + "\n"), planOut::toString);

        StringWriter runOut = new StringWriter();
        ConsoleListener console = new ConsoleListener(new PrintWriter(runOut));
        Executor.Result result = new Executor(r.recipe(), store, registry, console, "test")
                .run(new Executor.Options(List.of(StageId.WK, StageId.DEPLOY), Set.of(), 1),
                        new RunRecord(layout.runsDir(), r.recipe(), "test", List.of()));
        assertEquals(Executor.Outcome.OK, result.outcome(), "checking the prototxt only is not a failed deploy");
        assertTrue(runOut.toString().contains("==> deploy: skipped: " + reason + "\n"), runOut::toString);
        assertEquals(List.of("deploy"), console.skipped());
        assertFalse(Files.exists(nfs), "nothing is pushed");
    }
}
