package io.wkforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.run.RunHistory;
import io.wkforge.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `wkforge runs` and `runs diff` over run records written as the executor writes them. */
class RunsCommandTest extends InProcessCli {
    @TempDir Path dir;

    /** A run record as the executor writes it, in the runs folder of {@code build}. */
    Path record(Path build, String id, String recipe, String started, String epochs, double top1, String extra) throws IOException {
        Path f = build.resolve(".wkforge/runs/" + id + "/run.yaml");
        Files.createDirectories(f.getParent());
        Files.writeString(f, """
                id: %s
                status: ok
                exit_code: 0
                recipe: %s
                recipe_sha256: %s
                git: {commit: 0123456789abcdef, dirty: %s}
                overrides: [%s]
                arguments: [run, x.recipe]
                started_at: '%s'
                finished_at: '%s'
                params: {epochs: '%s'}
                settings: {train.epochs: '%s', train.lr: '0.002', frames.fps: '3'}
                tasks:
                - {id: frames/01_a/v1, status: cached, key: k-frames}
                - {id: train, status: ran, key: k-train-%s}
                metrics: {val_top1: %s, verify_max_abs_diff: 2.4e-06, top1_drop: 0.0125}
                %s
                """.formatted(id, recipe, epochs.equals("8") ? "aaaa1111" : "bbbb2222", !epochs.equals("8"),
                epochs.equals("8") ? "" : "train.epochs=" + epochs, started, java.time.Instant.parse(started).plusSeconds(180).toString(),
                epochs, epochs, epochs, top1, extra));
        return f;
    }

    @Test
    void listsNewestFirstWithMetricsAndKeepsRecipesApart() throws IOException {
        Path a = Files.writeString(dir.resolve("a.recipe"), "");
        Path b = Files.writeString(dir.resolve("b.recipe"), "");
        Path shared = dir.resolve("shared-out");
        record(dir.resolve("build/a"), "20261128-100000-1", a.toString(), "2026-11-28T10:00:00Z", "8", 0.8, "");
        record(dir.resolve("build/a"), "20261128-110000-2", a.toString(), "2026-11-28T11:00:00Z", "12", 0.91, "");
        // two recipes run with the same --out: their records share a folder but not a listing
        record(shared, "20261128-120000-3", a.toString(), "2026-11-28T12:00:00Z", "8", 0.5, "");
        record(shared, "20261128-130000-4", b.toString(), "2026-11-28T13:00:00Z", "8", 0.6, "");

        assertEquals(0, run("runs", a.toString()));
        assertTrue(out.startsWith(a + ": 2 runs, newest first\n"), out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(2).startsWith("  20261128-110000-2") && lines.get(3).startsWith("  20261128-100000-1"), out);
        assertTrue(lines.get(2).contains("91.0%") && lines.get(2).contains("2.4e-06") && lines.get(2).contains("1.3 pt")
                && lines.get(2).contains("bbbb2222") && lines.get(2).contains("01234567*") && lines.get(2).endsWith("train.epochs=12"), out);
        assertTrue(lines.get(2).contains("3m00s"), "the run's wall time: " + out);

        assertEquals(0, run("runs", b.toString(), "--out", shared.toString()));
        assertTrue(out.contains("20261128-130000-4") && !out.contains("20261128-120000-3"), "only b's runs: " + out);

        assertEquals(0, run("runs", "--json", a.toString()));
        Map<?, ?> json = (Map<?, ?>) Json.read(out);
        List<?> runs = (List<?>) ((Map<?, ?>) ((List<?>) json.get("recipes")).get(0)).get("runs");
        assertEquals(List.of("20261128-110000-2", "20261128-100000-1"), runs.stream().map(r -> ((Map<?, ?>) r).get("id")).toList());
        assertEquals(0.91, ((Map<?, ?>) ((Map<?, ?>) runs.get(0)).get("metrics")).get("val_top1"));
    }

    @Test
    void everyRecipeBuiltUnderAFolderIsListedApart() throws IOException {
        record(dir.resolve("build/a"), "20261128-100000-1", dir.resolve("a.recipe").toString(), "2026-11-28T10:00:00Z", "8", 0.8, "");
        record(dir.resolve("build/b"), "20261128-100500-5", dir.resolve("b.recipe").toString(), "2026-11-28T10:05:00Z", "8", 0.7, "");
        RunFolders.Found f = RunFolders.find(null, null, dir);
        assertEquals(List.of(dir.resolve("a.recipe").toString(), dir.resolve("b.recipe").toString()),
                f.groups().stream().map(RunFolders.Group::recipe).toList());
    }

    @Test
    void diffShowsSettingsMetricDeltasAndStagesWithNewKeys() throws IOException {
        Path a = Files.writeString(dir.resolve("a.recipe"), "");
        record(dir.resolve("build/a"), "20261128-100000-1", a.toString(), "2026-11-28T10:00:00Z", "8", 0.8, "");
        record(dir.resolve("build/a"), "20261128-110000-2", a.toString(), "2026-11-28T11:00:00Z", "12", 0.91, "");
        assertEquals(0, run("runs", "diff", "latest~1", "latest", a.toString()));
        assertTrue(out.contains("recipe text: edited (aaaa1111 -> bbbb2222)"), out);
        assertTrue(out.contains("--set: (none) -> train.epochs=12"), out);
        assertTrue(out.matches("(?s).*param epochs +8 +12\n.*"), out);
        assertTrue(out.matches("(?s).*train.epochs +8 +12\n.*"), out);
        assertTrue(!out.contains("train.lr"), "equal settings are not listed: " + out);
        assertTrue(out.matches("(?s).*val top-1 +80.0% +91.0% +\\+11.0 pt\n.*"), out);
        assertTrue(out.matches("(?s).*verify max diff +2.4e-06 +2.4e-06 +same\n.*"), out);
        assertTrue(out.contains("stages whose cache key differs: train"), out);

        assertEquals(0, run("runs", "diff", "latest~1", a.toString()));
        assertTrue(out.contains("B 20261128-110000-2"), "B defaults to latest: " + out);

        assertEquals(0, run("runs", "diff", "20261128-10", "20261128-11", a.toString(), "--json"));
        Map<?, ?> json = (Map<?, ?>) Json.read(out);
        assertEquals(List.of("train"), json.get("stages_with_new_keys"));
        Map<?, ?> top1 = (Map<?, ?>) ((List<?>) json.get("metrics")).get(0);
        assertEquals("val_top1", top1.get("name"));
        assertEquals(0.11, (Double) top1.get("delta"), 1e-12);
    }

    @Test
    void unknownOrAmbiguousRunsAreUsageErrors() throws IOException {
        Path a = Files.writeString(dir.resolve("a.recipe"), "");
        record(dir.resolve("build/a"), "20261128-100000-1", a.toString(), "2026-11-28T10:00:00Z", "8", 0.8, "");
        record(dir.resolve("build/a"), "20261128-100001-2", a.toString(), "2026-11-28T10:00:01Z", "8", 0.875, "");
        assertEquals(2, run("runs", "diff", "2026", "latest", a.toString()));
        assertTrue(err.contains("2026 matches 2 runs"), err);
        assertEquals(2, run("runs", "diff", "nope", "latest", a.toString()));
        assertTrue(err.contains("no run nope (`wkforge runs` lists them)"), err);
        assertEquals(2, run("runs", "diff", "latest~5", "latest", a.toString()));
        assertTrue(err.contains("latest~5: only 2 runs are recorded"), err);
    }

    @Test
    void aDamagedRecordIsNamedAndTheRestListed() throws IOException {
        Path a = Files.writeString(dir.resolve("a.recipe"), "");
        record(dir.resolve("build/a"), "20261128-100000-1", a.toString(), "2026-11-28T10:00:00Z", "8", 0.8, "");
        Path bad = dir.resolve("build/a/.wkforge/runs/20261128-090000-9/run.yaml");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "id: [unclosed\n");
        assertEquals(0, run("runs", a.toString()));
        assertTrue(out.contains("20261128-100000-1"), out);
        assertTrue(err.contains("cannot read " + bad), err);
        assertEquals(1, RunHistory.load(dir.resolve("build/a/.wkforge/runs")).unreadable().size());
    }
}
