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
import java.util.Map;
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
    boolean touchVideoWhileRunning;

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
                Files.writeString(out, "fps=" + ctx.setting("frames.fps").text() + " video=" + Files.readString(ctx.task().video()));
                if (touchVideoWhileRunning) Files.writeString(ctx.task().video(), "changed while it was read");
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

    int cleanAlgorithm = 1;

    final class FakeClean implements StageRunner {
        public StageId stage() { return StageId.CLEAN; }
        public int algorithmVersion() { return cleanAlgorithm; }

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

    StageRegistry registry() {
        return new StageRegistry().register(new FakeFrames()).register(new FakeClean());
    }

    private Executor.Result run(Set<StageId> forced, String... sets) throws IOException {
        EffectiveRecipe r = recipe(sets);
        Layout layout = Layout.forRecipe(r, null);
        RunListener listener = new RunListener() {
            @Override
            public void warning(io.wkforge.plan.TaskSpec task, String message) {
                warnings.add(task.id() + ": " + message);
            }
        };
        Executor ex = new Executor(r, layout, registry(), listener);
        ran.clear();
        warnings.clear();
        return ex.run(new Executor.Options(List.of(StageId.FRAMES, StageId.CLEAN), forced, 2),
                new RunRecord(layout.runsDir(), r, "test", List.of()));
    }

    private Executor.Result run(String... sets) throws IOException {
        return run(Set.of(), sets);
    }

    private Plan plan(String... sets) {
        EffectiveRecipe r = recipe(sets);
        Layout layout = Layout.forRecipe(r, null);
        StageRegistry reg = registry();
        return new Planner(r, new StampStore(layout), reg, Set.of()).withUnavailable(reg.unavailable(r)).plan(layout);
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
        Plan p = plan("frames.fps=2");
        TaskPlan a = p.tasks(StageId.FRAMES).get(0);
        assertTrue(a.willRun());
        assertEquals(List.of("frames.fps: 1 -> 2"), a.reasons());
        assertTrue(p.tasks(StageId.CLEAN).get(0).reasonText().startsWith("waits for frames"), p.tasks(StageId.CLEAN).toString());
        assertFalse(plan().stageWillRun(StageId.FRAMES));
    }

    @Test
    void aStageThatBumpsItsAlgorithmVersionRunsAgainAlone() throws IOException {
        run();
        cleanAlgorithm = 2;
        assertEquals(List.of("tool algorithm: 1 -> 2"), plan().tasks(StageId.CLEAN).get(0).reasons());
        assertFalse(plan().stageWillRun(StageId.FRAMES));
        run();
        assertEquals(List.of("clean"), ran);
    }

    @Test
    void keysHoldADigestOfTheStageCodeNotTheWkforgeVersion() throws IOException {
        run();
        Map<String, String> components = new StampStore(Layout.forRecipe(recipe(), null)).stamp("clean").components();
        assertTrue(components.get("tool code").matches("[0-9a-f]{16}"), components.toString());
        assertEquals("1", components.get("tool algorithm"));
        assertFalse(components.containsKey("tool version"), "the manifest version is not what computes outputs");
        Map<String, String> fromRegistry = registry().componentsOf(StageId.CLEAN);
        assertEquals(components.get("tool code"), fromRegistry.get("tool code"), "stable within a build");
    }

    @Test
    void anInputThatChangesWhileItsTaskRunsFailsTheTaskInsteadOfStampingIt() throws IOException {
        touchVideoWhileRunning = true;
        Executor.Result r = run();
        touchVideoWhileRunning = false;
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        assertEquals(3, r.failures().size(), r.failures()::toString);
        assertTrue(r.failures().get(0).contains("changed while it was being read"), r.failures().get(0));
        assertNull(new StampStore(Layout.forRecipe(recipe(), null)).stamp("frames/01_scene_thing/a"));
        assertEquals(Executor.Outcome.OK, run().outcome(), "the complete file runs normally");
    }

    @Test
    void filesNoStampOwnsAreDeletedAtTheStartOfARun() throws IOException {
        run();
        Path stray = out("frames/01_scene_thing/left-by-a-killed-run.txt");
        Files.writeString(stray, "stray");
        Path strayFolder = out("dataset/train/01_scene_thing/x.png");
        Files.createDirectories(strayFolder.getParent());
        Files.writeString(strayFolder, "stray");
        run();
        assertFalse(Files.exists(stray));
        assertFalse(Files.exists(out("dataset")), "emptied folders go too");
        assertTrue(Files.exists(out("frames/01_scene_thing/a.txt")));
        assertTrue(ran.isEmpty(), "owned outputs were left alone");
    }

    @Test
    void readingAnUpstreamOutputTheStageDoesNotDeclareFailsLoudly() throws IOException {
        run();
        List<String> read = new ArrayList<>();
        StageRunner split = new StageRunner() {
            public StageId stage() { return StageId.SPLIT; }

            public void run(TaskContext ctx) throws StageException {
                read.add(ctx.layout().outDir().relativize(ctx.input(StageId.CLEAN, "clean/kept.txt")).toString());
                ctx.input(StageId.CLEAN, "clean/report.json"); // not declared: its key does not cover it
            }
        };
        EffectiveRecipe r = recipe();
        Layout layout = Layout.forRecipe(r, null);
        Executor ex = new Executor(r, layout, registry().register(split), RunListener.SILENT);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ex.run(
                new Executor.Options(List.of(StageId.FRAMES, StageId.CLEAN, StageId.SPLIT), Set.of(), 1),
                new RunRecord(layout.runsDir(), r, "test", List.of())));
        assertTrue(e.getMessage().contains("clean/report.json") && e.getMessage().contains("StageReads"), e.getMessage());
        assertEquals(List.of("clean/kept.txt"), read);
    }

    @Test
    void aFolderWkforgeDidNotMakeIsRefusedAsAnOutputFolder() throws IOException {
        Path mine = out("model/my-notes.txt");
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "mine");
        Layout layout = Layout.forRecipe(recipe(), null);
        Executor.ForeignFolder e = assertThrows(Executor.ForeignFolder.class, () -> Executor.refuseForeignFolder(layout));
        assertTrue(e.getMessage().contains("model/") && e.getMessage().contains("no .wkforge/"), e.getMessage());
        run();
        Executor.refuseForeignFolder(layout); // once wkforge has state there, the folder is its own
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
        List<String> reasons = plan().tasks(StageId.FRAMES).get(1).reasons();
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
        assertTrue(plan("frames.fps=3").tasks(StageId.FRAMES).stream().allMatch(TaskPlan::willRun), () -> plan("frames.fps=3").tasks(StageId.FRAMES).toString());
        Executor.Result r = run("frames.fps=3");
        assertEquals(Executor.Outcome.OK, r.outcome());
        assertEquals("fps=3 video=A", Files.readString(out("frames/01_scene_thing/a.txt")));
        assertFalse(Files.exists(out(".wkforge/staging")) && Files.list(out(".wkforge/staging")).findAny().isPresent());
    }

    @Test
    void outputsDeletedOnDiskAreRebuilt() throws IOException {
        run();
        Files.delete(out("frames/01_scene_thing/a.txt"));
        assertEquals(List.of("outputs missing or changed on disk"), plan().tasks(StageId.FRAMES).get(0).reasons());
        run();
        assertTrue(ran.contains("frames/01_scene_thing/a"));
        assertTrue(Files.exists(out("frames/01_scene_thing/a.txt")));
    }

    @Test
    void forceRerunsAStage() throws IOException {
        run();
        run(Set.of(StageId.CLEAN));
        assertEquals(List.of("clean"), ran);
    }

    @Test
    void damagedStampMeansNotDone() throws IOException {
        run();
        Files.writeString(out(".wkforge/stamps/clean.json"), "{{{ not json");
        assertNull(new StampStore(Layout.forRecipe(recipe(), null)).stamp("clean"));
        run();
        assertEquals(List.of("clean"), ran);
    }

    @Test
    void aStampOfAnOlderVersionIsNotReadAndGoesWhenTheTaskRunsAgain() throws IOException {
        run();
        Path legacy = out(".wkforge/stamps/clean.yaml");
        Files.move(out(".wkforge/stamps/clean.json"), legacy);
        run();
        assertEquals(List.of("clean"), ran);
        assertFalse(Files.exists(legacy));
        assertTrue(Files.exists(out(".wkforge/stamps/clean.json")));
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
        assertFalse(plan("frames.on_error=fail").stageWillRun(StageId.FRAMES));
    }

    @Test
    void aVerdictMayReadOnlyItsVerdictSettings() {
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
        Executor ex = new Executor(r, layout, new StageRegistry().register(reader), RunListener.SILENT);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ex.run(
                new Executor.Options(List.of(StageId.FRAMES), Set.of(), 1), new RunRecord(layout.runsDir(), r, "1", List.of())));
        assertTrue(e.getMessage().contains("frames.on_error"), e.getMessage());
    }
}
