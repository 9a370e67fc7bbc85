package io.wkforge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.Recipes;
import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.plan.Plan;
import io.wkforge.plan.Planner;
import io.wkforge.plan.TaskPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run engine's contract, exercised with two small stages defined here: a per-video "frames"
 * stage that writes one file per video derived from its settings, and a "clean" stage that lists
 * what frames committed.
 */
class ExecutorTest {
    @TempDir
    Path dir;

    final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    String failOn;
    String problemOn;
    boolean crashOn;
    /** When set, the fake frames stage judges like the real one: on_error skip turns problems into warnings. */
    boolean judgeByOnError;
    String verdictReads = "frames.on_error";
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    final class FakeFrames implements StageRunner {
        public StageId stage() { return StageId.FRAMES; }
        public boolean parallelTasks() { return true; }

        public void run(TaskContext ctx) throws StageException {
            ran.add(ctx.task().id());
            String stem = ctx.task().videoStem();
            if (stem.equals(failOn)) throw new StageException(ctx.task().video() + ": not a video", List.of("detail line"));
            if (stem.equals(problemOn)) ctx.problem(stem + " is damaged");
            try {
                Path out = ctx.stagingDir(StageId.FRAMES).resolve(ctx.task().classDef().folderName()).resolve(stem + ".txt");
                Files.createDirectories(out.getParent());
                // the output depends on fps but not on format: changing format re-runs frames with the same result
                Files.writeString(out, "fps=" + ctx.recipe().setting("frames.fps").text() + " video=" + Files.readString(ctx.task().video()));
                if (crashOn) throw new IllegalStateException("simulated crash after writing part of the output");
            } catch (IOException e) {
                throw new StageException("io: " + e.getMessage());
            }
        }

        @Override
        public void judge(StageVerdict verdict) throws StageException {
            if (!judgeByOnError) {
                StageRunner.super.judge(verdict);
                return;
            }
            if (!"skip".equals(verdict.setting(verdictReads).asString())) StageRunner.super.judge(verdict);
            else for (StageVerdict.Problem p : verdict.problems()) verdict.warn(p.task(), p.message());
        }
    }

    final class FakeClean implements StageRunner {
        public StageId stage() { return StageId.CLEAN; }

        public void run(TaskContext ctx) throws StageException {
            ran.add(ctx.task().id());
            StringBuilder sb = new StringBuilder();
            for (Path p : ctx.outputsOf(StageId.FRAMES)) sb.append(ctx.layout().outDir().relativize(p)).append('\n');
            try {
                Files.writeString(ctx.stagingDir(StageId.CLEAN).resolve("kept.txt"), sb.toString());
            } catch (IOException e) {
                throw new StageException("io: " + e.getMessage());
            }
        }
    }

    Path recipe;

    @BeforeEach
    void setUp() {
        Recipes.write(dir, "v/a.avi", "A");
        Recipes.write(dir, "v/b.avi", "B");
        Recipes.write(dir, "v/bg.avi", "G");
        recipe = Recipes.write(dir, "r.recipe", """
                classes {
                  1 scene thing videos "v/a.avi" "v/b.avi"
                  2 other background videos "v/bg.avi" background
                }
                frames {
                  fps 1
                }
                """);
    }

    private EffectiveRecipe recipe(String... sets) {
        CheckResult r = Recipes.check(recipe, true, sets);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        return r.recipe();
    }

    private Executor.Result run(String version, Set<StageId> forced, String... sets) throws IOException {
        EffectiveRecipe r = recipe(sets);
        Layout layout = Layout.forRecipe(r, null);
        StageRegistry reg = new StageRegistry().register(new FakeFrames()).register(new FakeClean());
        RunListener listener = new RunListener() {
            @Override
            public void warning(io.wkforge.plan.TaskSpec task, String message) {
                warnings.add(task.id() + ": " + message);
            }
        };
        Executor ex = new Executor(r, layout, reg, listener, version);
        ran.clear();
        warnings.clear();
        return ex.run(new Executor.Options(List.of(StageId.FRAMES, StageId.CLEAN), forced, 2),
                new RunRecord(layout.runsDir(), r, version, List.of()));
    }

    private Executor.Result run(String... sets) throws IOException {
        return run("1", Set.of(), sets);
    }

    private Plan plan(String version, String... sets) {
        EffectiveRecipe r = recipe(sets);
        Layout layout = Layout.forRecipe(r, null);
        return new Planner(r, new StampStore(layout), version, Set.of()).plan(layout);
    }

    private Path out(String rel) {
        return dir.resolve("build/r").resolve(rel);
    }

    @Test
    void secondRunIsFullyCached() throws IOException {
        Executor.Result first = run();
        assertEquals(Executor.Outcome.OK, first.outcome());
        assertEquals(4, first.ran());
        assertEquals("fps=1 video=A", Files.readString(out("frames/01_scene_thing/a.txt")));
        assertEquals(List.of("frames/01_scene_thing/a.txt", "frames/01_scene_thing/b.txt", "frames/02_other_background/bg.txt"),
                Files.readAllLines(out("clean/kept.txt")));
        Executor.Result second = run();
        assertEquals(0, second.ran());
        assertEquals(4, second.cached());
        assertTrue(ran.isEmpty());
        assertTrue(Files.readString(second.runRecord()).contains("status: ok"));
    }

    @Test
    void planSaysWhichSettingChanged() throws IOException {
        run();
        Plan p = plan("1", "frames.fps=2");
        TaskPlan a = p.tasks(StageId.FRAMES).get(0);
        assertTrue(a.willRun());
        assertEquals(List.of("frames.fps: 1 -> 2"), a.reasons());
        assertTrue(p.tasks(StageId.CLEAN).get(0).reasonText().startsWith("waits for frames"), p.tasks(StageId.CLEAN).toString());
        assertFalse(plan("1").stageWillRun(StageId.FRAMES));
        assertEquals("tool version: 1 -> 2", plan("2").tasks(StageId.CLEAN).get(0).reasons().get(0));
    }

    @Test
    void aChangedSettingRerunsWhatReadsIt() throws IOException {
        run();
        Executor.Result r = run("frames.fps=2");
        assertEquals(4, r.ran());
        assertEquals("fps=2 video=A", Files.readString(out("frames/01_scene_thing/a.txt")));
    }

    @Test
    void identicalUpstreamOutputStopsTheCascade() throws IOException {
        run();
        Executor.Result r = run("frames.format=jpg");
        assertEquals(3, r.ran(), "frames re-ran");
        assertFalse(ran.contains("clean"), "clean saw the same committed frames and stayed cached");
    }

    @Test
    void addingAVideoRunsOnlyThatVideo() throws IOException {
        run();
        Recipes.write(dir, "v/c.avi", "C");
        Files.writeString(recipe, Files.readString(recipe).replace("\"v/b.avi\"", "\"v/b.avi\" \"v/c.avi\""));
        run();
        assertEquals(List.of("frames/01_scene_thing/c", "clean"), ran);
    }

    @Test
    void changedVideoContentRerunsIt() throws IOException {
        run();
        Recipes.write(dir, "v/b.avi", "B2");
        List<String> reasons = plan("1").tasks(StageId.FRAMES).get(1).reasons();
        assertEquals(List.of("input video changed"), reasons);
        run();
        assertEquals(List.of("frames/01_scene_thing/b", "clean"), ran);
    }

    @Test
    void removedVideoLosesItsOutputs() throws IOException {
        run();
        Files.writeString(recipe, Files.readString(recipe).replace(" \"v/b.avi\"", ""));
        run();
        assertFalse(Files.exists(out("frames/01_scene_thing/b.txt")));
        assertEquals(List.of("frames/01_scene_thing/a.txt", "frames/02_other_background/bg.txt"),
                Files.readAllLines(out("clean/kept.txt")));
    }

    @Test
    void aFailedTaskLetsTheOthersFinishAndIsNotCached() throws IOException {
        failOn = "b";
        Executor.Result r = run();
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        assertEquals(1, r.failures().size());
        assertTrue(r.failures().get(0).contains("not a video") && r.failures().get(0).contains("detail line"));
        assertTrue(Files.exists(out("frames/01_scene_thing/a.txt")), "good videos are committed");
        assertFalse(Files.exists(out("frames/01_scene_thing/b.txt")));
        assertFalse(ran.contains("clean"), "later stages do not run");
        failOn = null;
        run();
        assertEquals(List.of("frames/01_scene_thing/b", "clean"), ran, "only the failed task re-runs");
    }

    @Test
    void aTaskKilledMidWayLeavesNothingThatCountsAsDone() throws IOException {
        run();
        crashOn = true;
        assertThrows(IllegalStateException.class, () -> run("frames.fps=3"));
        crashOn = false;
        assertEquals("fps=1 video=A", Files.readString(out("frames/01_scene_thing/a.txt")), "old output untouched");
        assertTrue(plan("1", "frames.fps=3").tasks(StageId.FRAMES).stream().allMatch(TaskPlan::willRun), () -> plan("1", "frames.fps=3").tasks(StageId.FRAMES).toString());
        Executor.Result r = run("frames.fps=3");
        assertEquals(Executor.Outcome.OK, r.outcome());
        assertEquals("fps=3 video=A", Files.readString(out("frames/01_scene_thing/a.txt")));
        assertFalse(Files.exists(out(".wkforge/staging")) && Files.list(out(".wkforge/staging")).findAny().isPresent());
    }

    @Test
    void outputsDeletedOnDiskAreRebuilt() throws IOException {
        run();
        Files.delete(out("frames/01_scene_thing/a.txt"));
        assertEquals(List.of("outputs missing or changed on disk"), plan("1").tasks(StageId.FRAMES).get(0).reasons());
        run();
        assertTrue(ran.contains("frames/01_scene_thing/a"));
        assertTrue(Files.exists(out("frames/01_scene_thing/a.txt")));
    }

    @Test
    void forceRerunsAStage() throws IOException {
        run();
        run("1", Set.of(StageId.CLEAN));
        assertEquals(List.of("clean"), ran);
    }

    @Test
    void damagedStampMeansNotDone() throws IOException {
        run();
        Files.writeString(out(".wkforge/stamps/clean.yaml"), "{{{ not yaml");
        assertNull(new StampStore(Layout.forRecipe(recipe(), null)).stamp("clean"));
        run();
        assertEquals(List.of("clean"), ran);
    }

    @Test
    void aReportedProblemCommitsTheTaskAndTheDefaultVerdictFailsTheStage() throws IOException {
        problemOn = "b";
        Executor.Result r = run();
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        assertEquals(List.of("frames: 1 task reported a problem\n    frames/01_scene_thing/b: b is damaged"), r.failures());
        assertTrue(Files.exists(out("frames/01_scene_thing/b.txt")), "what the task produced is committed");
        assertFalse(ran.contains("clean"), "later stages do not run");
        assertTrue(Files.readString(r.runRecord()).contains("b is damaged"), "the run record says why");

        // the problem lives in the task's stamp: a cached task is judged again
        Executor.Result again = run();
        assertEquals(0, again.ran());
        assertEquals(Executor.Outcome.STAGE_FAILED, again.outcome());
        assertEquals(r.failures(), again.failures());
    }

    @Test
    void aVerdictSettingChangesTheVerdictWithoutRerunningTasks() throws IOException {
        problemOn = "b";
        judgeByOnError = true;
        assertEquals(Executor.Outcome.STAGE_FAILED, run().outcome());
        Executor.Result skip = run("frames.on_error=skip");
        assertEquals(Executor.Outcome.OK, skip.outcome(), String.valueOf(skip.failures()));
        assertEquals(List.of("clean"), ran, "no frames task re-ran: on_error is in no task's key");
        assertEquals(List.of("frames/01_scene_thing/b: b is damaged"), warnings);
        assertFalse(plan("1", "frames.on_error=fail").stageWillRun(StageId.FRAMES));
    }

    @Test
    void aVerdictMayReadOnlyItsVerdictSettings() throws IOException {
        problemOn = "b";
        judgeByOnError = true;
        verdictReads = "frames.fps";
        IllegalStateException e = assertThrows(IllegalStateException.class, this::run);
        assertTrue(e.getMessage().contains("frames.fps"), e.getMessage());
    }

    @Test
    void aTaskMayNotReadAVerdictSetting() {
        StageRunner reader = new StageRunner() {
            public StageId stage() { return StageId.FRAMES; }
            public void run(TaskContext ctx) { ctx.setting("frames.on_error"); }
        };
        EffectiveRecipe r = recipe();
        Layout layout = Layout.forRecipe(r, null);
        Executor ex = new Executor(r, layout, new StageRegistry().register(reader), RunListener.SILENT, "1");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ex.run(
                new Executor.Options(List.of(StageId.FRAMES), Set.of(), 1), new RunRecord(layout.runsDir(), r, "1", List.of())));
        assertTrue(e.getMessage().contains("frames.on_error"), e.getMessage());
    }
}
