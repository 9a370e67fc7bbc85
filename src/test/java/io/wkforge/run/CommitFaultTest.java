package io.wkforge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.Recipes;
import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.plan.Planner;
import io.wkforge.plan.Stamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed between any two steps of a commit, then run again: the folder and the stamps must
 * agree (every stamped output present with its recorded content, no file that no stamp owns, no
 * journal or staging left), and the outputs must be exactly those of an uninterrupted run.
 */
class CommitFaultTest {
    @TempDir
    Path dir;

    /** Stands for the process dying: nothing after it runs, no cleanup, no catch. */
    static final class Kill extends Error {
        Kill(String step) {
            super("killed after: " + step);
        }
    }

    /** Per video: a file whose name depends on fps (replaced by a commit) and one whose name does not (overwritten). */
    static final class Frames implements StageRunner {
        public StageId stage() { return StageId.FRAMES; }

        public void run(TaskContext ctx) throws StageException {
            try {
                String fps = ctx.setting("frames.fps").text();
                Files.writeString(ctx.workDir().resolve("checkpoint"), "resumable work"); // kept until the commit
                Path dir = Files.createDirectories(ctx.stagingDir(StageId.FRAMES).resolve(ctx.task().classDef().folderName()));
                Files.writeString(dir.resolve(ctx.task().videoStem() + "_fps" + fps + ".txt"), "at fps " + fps);
                Files.writeString(dir.resolve(ctx.task().videoStem() + "_info.txt"), "video " + Files.readString(ctx.task().video()) + " fps " + fps);
            } catch (IOException e) {
                throw new StageException(e.getMessage());
            }
        }
    }

    static final class Clean implements StageRunner {
        public StageId stage() { return StageId.CLEAN; }

        public void run(TaskContext ctx) throws StageException {
            StringBuilder sb = new StringBuilder();
            for (Path p : ctx.outputsOf(StageId.FRAMES)) sb.append(ctx.layout().outDir().relativize(p)).append('\n');
            try {
                Files.writeString(ctx.stagingDir(StageId.CLEAN).resolve("kept.txt"), sb.toString());
            } catch (IOException e) {
                throw new StageException(e.getMessage());
            }
        }
    }

    private Path project(String name) {
        Path p = dir.resolve(name);
        Recipes.write(p, "v/a.avi", "A");
        Recipes.write(p, "v/bg.avi", "G");
        Recipes.write(p, "r.recipe", """
                classes {
                  1 scene thing videos "v/a.avi"
                  2 other background videos "v/bg.avi" background
                }
                """);
        return p;
    }

    private Executor.Result run(Path project, Committer.Steps steps, String... sets) throws IOException {
        CheckResult c = Recipes.check(project.resolve("r.recipe"), true, sets);
        EffectiveRecipe r = c.recipe();
        Layout layout = Layout.forRecipe(r, null);
        Executor ex = new Executor(r, layout, new StageRegistry().register(new Frames()).register(new Clean()), RunListener.SILENT)
                .onCommitStep(steps);
        return ex.run(new Executor.Options(List.of(StageId.FRAMES, StageId.CLEAN), Set.of(), 1),
                new RunRecord(layout.runsDir(), r, "test", List.of()));
    }

    @Test
    void aKillBetweenAnyTwoCommitStepsIsRepairedByTheNextRun() throws IOException {
        Path reference = project("reference");
        run(reference, Committer.Steps.NONE, "frames.fps=1");
        List<String> steps = new ArrayList<>();
        run(reference, steps::add, "frames.fps=2");
        Map<String, String> expected = outputs(reference);
        assertTrue(steps.size() >= 20, steps::toString);
        assertTrue(steps.contains("moved frames/01_scene_thing/a_fps2.txt") && steps.contains("old outputs removed"), steps::toString);

        Path base = project("base");
        run(base, Committer.Steps.NONE, "frames.fps=1");
        for (int i = 0; i < steps.size(); i++) {
            Path p = copy(base, dir.resolve("killed-after-step-" + i));
            int killAt = i;
            int[] seen = {0};
            String at = steps.get(i);
            assertThrows(Kill.class, () -> run(p, step -> {
                if (seen[0]++ == killAt) throw new Kill(step);
            }, "frames.fps=2"));
            if (at.equals("journal written") || at.startsWith("old") || at.startsWith("moved")) {
                assertTrue(Files.isDirectory(p.resolve("build/r/.wkforge/journal")), "journaled before anything changed: " + at);
            }
            Layout layout = Layout.forRecipe(Recipes.check(p.resolve("r.recipe"), true).recipe(), null);
            new Planner(Recipes.check(p.resolve("r.recipe"), true, "frames.fps=2").recipe(), new StampStore(layout), "x", Set.of())
                    .plan(layout); // plan copes with the half-done folder

            assertEquals(Executor.Outcome.OK, run(p, Committer.Steps.NONE, "frames.fps=2").outcome(), at);
            assertConsistent(p, at);
            assertEquals(expected, outputs(p), "outputs after a kill at: " + at);
        }
    }

    @Test
    void aCommitWhoseStagedFilesAreLostIsUndoneAndRunsAgain() throws IOException {
        Path p = project("lost");
        run(p, Committer.Steps.NONE, "frames.fps=1");
        assertThrows(Kill.class, () -> run(p, step -> {
            if (step.equals("moved frames/01_scene_thing/a_fps2.txt")) throw new Kill(step);
        }, "frames.fps=2"));
        // as after a power loss that kept the journal but not the staged files
        AtomicFiles.deleteTree(p.resolve("build/r/.wkforge/staging"));
        assertEquals(Executor.Outcome.OK, run(p, Committer.Steps.NONE, "frames.fps=2").outcome());
        assertConsistent(p, "lost staging");
        assertEquals("at fps 2", Files.readString(p.resolve("build/r/frames/01_scene_thing/a_fps2.txt")));
    }

    @Test
    void resumableWorkSurvivesAKillAndGoesWithTheCommit() throws IOException {
        Path p = project("work");
        Path work = p.resolve("build/r/.wkforge/work/frames_01_scene_thing_a/checkpoint");
        assertThrows(Kill.class, () -> run(p, step -> {
            if (step.equals("stamp written")) throw new Kill(step);
        }));
        assertTrue(Files.exists(work), "the checkpoint outlives the killed run");
        run(p, Committer.Steps.NONE);
        assertFalse(Files.exists(work.getParent()), "removed once the task committed");
    }

    @Test
    void anInterruptLetsTheCommitInFlightFinishAndStartsNoOtherTask() throws Exception {
        Path p = project("interrupt");
        EffectiveRecipe r = Recipes.check(p.resolve("r.recipe"), true).recipe();
        Layout layout = Layout.forRecipe(r, null);
        Executor[] ex = new Executor[1];
        Thread[] interrupter = new Thread[1];
        ex[0] = new Executor(r, layout, new StageRegistry().register(new Frames()).register(new Clean()), RunListener.SILENT)
                .onCommitStep(step -> {
                    if (!step.startsWith("moved") || interrupter[0] != null) return;
                    interrupter[0] = new Thread(ex[0]::interrupt); // Ctrl-C in the middle of the first commit
                    interrupter[0].start();
                    try {
                        interrupter[0].join(300);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    assertTrue(interrupter[0].isAlive(), "the interrupt waits for the commit in flight");
                });
        RunRecord record = new RunRecord(layout.runsDir(), r, "test", List.of());
        Executor.Result result = ex[0].run(new Executor.Options(List.of(StageId.FRAMES, StageId.CLEAN), Set.of(), 1), record);
        interrupter[0].join(10_000);
        assertEquals(Executor.Outcome.INTERRUPTED, result.outcome());
        assertEquals(1, result.ran(), "the task being committed finished; nothing started after");
        StampStore store = new StampStore(layout);
        assertEquals(1, store.all().size());
        assertConsistent(p, "interrupted");
        assertTrue(Files.readString(record.file()).contains("status: interrupted"));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.copy(f, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return to;
    }

    /** Relative path -> content of every file in the stage folders. */
    private static Map<String, String> outputs(Path project) throws IOException {
        Path out = project.resolve("build/r");
        Map<String, String> m = new TreeMap<>();
        for (String folder : Layout.outputFolders()) {
            Path root = out.resolve(folder);
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) m.put(out.relativize(f).toString(), Files.readString(f));
            }
        }
        return m;
    }

    private static void assertConsistent(Path project, String when) throws IOException {
        Path out = project.resolve("build/r");
        StampStore store = new StampStore(new Layout(out));
        Map<String, String> owned = new TreeMap<>();
        for (Stamp s : store.all()) {
            for (Map.Entry<String, String> e : s.outputs().entrySet()) {
                Path f = out.resolve(e.getKey());
                assertTrue(Files.isRegularFile(f), when + ": stamped output missing: " + e.getKey());
                assertEquals(e.getValue(), Files.size(f) + ":" + FileHasher.hashContent(f), when + ": " + e.getKey());
                owned.put(e.getKey(), s.taskId());
            }
        }
        for (String rel : outputs(project).keySet()) assertTrue(owned.containsKey(rel), when + ": no stamp owns " + rel);
        assertFalse(Files.exists(out.resolve(".wkforge/journal")) && Files.list(out.resolve(".wkforge/journal")).findAny().isPresent(),
                when + ": journal left");
        assertFalse(Files.exists(out.resolve(".wkforge/staging")) && Files.list(out.resolve(".wkforge/staging")).findAny().isPresent(),
                when + ": staging left");
        assertFalse(Files.exists(out.resolve(".wkforge/work")) && Files.list(out.resolve(".wkforge/work")).findAny().isPresent(),
                when + ": work folders left");
    }
}
