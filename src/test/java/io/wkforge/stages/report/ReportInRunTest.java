package io.wkforge.stages.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.Recipes;
import io.wkforge.lang.schema.StageId;
import io.wkforge.run.Executor;
import io.wkforge.run.RunHistory;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRegistry;
import io.wkforge.run.StageRunner;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.FrameCode;
import io.wkforge.stages.StageHarness;
import io.wkforge.stages.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report stage inside real runs of the executor: it describes each run, and runs after a failure too. */
class ReportInRunTest {
    private static final String RECIPE = """
            classes {
              1 scene red videos "v/red_*.mp4"
              2 other background videos "v/bg.mp4" background
            }
            frames { fps 2 }
            split { val 40%; by frame; seed 1 }
            """;

    @TempDir Path dir;
    StageHarness h;

    @BeforeEach
    void videos() throws Exception {
        System.setProperty("wkforge.stdlib", Recipes.repoRoot().resolve("stdlib").toString());
        TestVideos.write(dir.resolve("v/red_a.mp4"), 30, 15, FrameCode::paint);
        TestVideos.write(dir.resolve("v/red_b.mp4"), 30, 15, i -> FrameCode.paint(i + 40));
        TestVideos.write(dir.resolve("v/bg.mp4"), 30, 15, i -> FrameCode.paint(i + 90));
        h = StageHarness.write(dir, RECIPE);
    }

    private static StageRegistry registry(StageRunner... extra) {
        StageRegistry r = StageRegistry.discover();
        for (StageRunner s : extra) r.register(s);
        return r;
    }

    @Test
    void theReportDescribesEachRunAndRunsEvenWhenNothingElseDoes() throws Exception {
        Executor.Result first = h.run(registry(), StageId.FRAMES, StageId.CLEAN, StageId.SPLIT, StageId.REPORT);
        assertEquals(Executor.Outcome.OK, first.outcome(), first.failures().toString());
        String page = Files.readString(h.out.resolve("report.html"));
        assertTrue(page.contains("<span class=\"badge ran\">ran in"), "this run's timings");
        assertTrue(page.contains("test.recipe"), "the recipe, from the run record");
        assertTrue(page.contains("<title>wkforge report: test</title>") && page.contains("<h1>test <small>"),
                "the recipe's name, not the output folder's (build/, as under --out)");
        assertTrue(page.contains("01_scene_red"), "the dataset table");

        Executor.Result second = h.run(registry(), StageId.FRAMES, StageId.CLEAN, StageId.SPLIT, StageId.REPORT);
        assertEquals(1, second.ran(), "only the report ran again");
        assertEquals(first.ran() - 1, second.cached());
        page = Files.readString(h.out.resolve("report.html"));
        assertTrue(page.contains("<span class=\"badge cached\">from the cache (computed "), "the second page says what came from the cache");

        RunHistory.Run record = RunHistory.load(h.out.resolve(".wkforge/runs")).runs().get(0);
        assertEquals(record.id(), second.runRecord().getParent().getFileName().toString(), "newest first");
        assertEquals(64, record.recipeSha256().length());
        assertTrue(record.durationMs() >= 0);
        assertEquals("", record.settings().get("train.pretrained"), "unset settings are recorded too");
        assertEquals("2", record.settings().get("frames.fps"));
        Map<?, ?> cleanTask = ((List<?>) record.data().get("tasks")).stream().map(t -> (Map<?, ?>) t)
                .filter(t -> "clean".equals(t.get("id"))).findFirst().orElseThrow();
        assertEquals("cached", cleanTask.get("status"));
        assertNotNull(cleanTask.get("computed_at"), "when the cached outputs were computed");
        Map<?, ?> tools = (Map<?, ?>) record.data().get("tools");
        assertTrue(((Map<?, ?>) ((Map<?, ?>) tools.get("stages")).get("frames")).containsKey("code"), "each stage's code digest: " + tools);
    }

    /** A failing stage still gets its report, which names the failure; a gate failure keeps its exit. */
    @Test
    void aFailedRunStillWritesItsReport() throws Exception {
        StageRunner failingTrain = new StageRunner() {
            @Override
            public StageId stage() {
                return StageId.TRAIN;
            }

            @Override
            public void run(TaskContext ctx) throws StageException {
                throw new StageException("the accuracy gate says no", List.of(), true);
            }
        };
        Executor.Result r = h.run(registry(failingTrain), StageId.FRAMES, StageId.CLEAN, StageId.SPLIT, StageId.TRAIN, StageId.REPORT);
        assertEquals(Executor.Outcome.GATE_FAILED, r.outcome());
        String page = Files.readString(h.out.resolve("report.html"));
        assertTrue(page.contains("failed: the accuracy gate says no"), "the report names the failure");
        RunHistory.Run record = RunHistory.load(h.out.resolve(".wkforge/runs")).runs().get(0);
        assertEquals("gate_failed", record.status());
        assertNull(record.metrics().get("val_top1"));
    }
}
