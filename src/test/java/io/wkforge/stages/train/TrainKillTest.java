package io.wkforge.stages.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.Executor;
import io.wkforge.stages.StageHarness;
import io.wkforge.stages.TestVideos;
import io.wkforge.util.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's path: `wkforge run --until train` on videos, killed with SIGKILL in the middle of
 * training, then run again: it resumes from the last checkpoint and ends with exactly the
 * weights of a run nobody interrupted.
 */
class TrainKillTest {
    static final String RECIPE = """
            classes {
              1 kitchen    red_disk      videos "v/red.mp4"
              2 harmful    green_square  videos "v/green.mp4"
              3 recyclable blue_triangle videos "v/blue.mp4"
              4 other      background    videos "v/bg.mp4"  background
            }
            frames { fps 8 }
            split { val 25%; seed 1 }
            preprocess { resize 36x36; crop 32x32 }
            train resnet18 { epochs 3; batch 8; lr 0.05; seed 2 }
            """;

    @TempDir
    Path dir;

    private void prepare(Path where) throws Exception {
        Files.createDirectories(where);
        Files.writeString(where.resolve("test.recipe"), RECIPE);
        String[] names = {"red", "green", "blue", "bg"};
        for (int c = 0; c < 4; c++) {
            int cls = c;
            Random r = new Random(40 + c);
            TestVideos.write(where.resolve("v/" + names[c] + ".mp4"), 24, 8, i -> ShapeImages.paint(cls, 160, 120, r));
        }
    }

    @Test
    void sigkillInTheMiddleOfTrainingThenRunAgainGivesTheUninterruptedWeights() throws Exception {
        prepare(dir.resolve("whole"));
        StageHarness whole = new StageHarness(dir.resolve("whole/test.recipe"));
        Executor.Result ref = whole.run(StageId.FRAMES, StageId.CLEAN, StageId.SPLIT, StageId.TRAIN);
        assertEquals(Executor.Outcome.OK, ref.outcome(), String.valueOf(ref.failures()));

        Path killedDir = dir.resolve("killed");
        prepare(killedDir);
        Process first = wkforge(killedDir);
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                seen.add(line);
                if (line.contains("epoch 1/3")) {
                    first.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
                    break;
                }
            }
        }
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        assertEquals(137, first.exitValue(), "killed by SIGKILL; output: " + String.join("\n", seen));
        assertTrue(Files.exists(killedDir.resolve("build/.wkforge/work/train/checkpoint.safetensors")));

        Process second = wkforge(killedDir);
        String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(second.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue(), output);
        assertTrue(output.contains("resumed from the checkpoint after epoch"), output);
        assertTrue(output.contains("==> frames: cached") && output.contains("==> split: cached"), output);

        assertArrayEquals(Files.readAllBytes(dir.resolve("whole/build/model/model.safetensors")),
                Files.readAllBytes(killedDir.resolve("build/model/model.safetensors")), "same best weights");
        assertEquals(epochs(dir.resolve("whole/build/model/metrics.json")), epochs(killedDir.resolve("build/model/metrics.json")));
    }

    private static Process wkforge(Path where) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.wkforge.cli.Main", "run", "test.recipe",
                "--until", "train", "--threads", "2", "--out", "build")
                .directory(where.toFile()).redirectErrorStream(true).start();
    }

    private static List<?> epochs(Path metrics) throws Exception {
        List<Object> out = new ArrayList<>();
        for (Object e : (List<?>) ((Map<?, ?>) Json.read(Files.readString(metrics))).get("epochs")) {
            Map<?, ?> m = new java.util.LinkedHashMap<>((Map<?, ?>) e);
            m.remove("seconds");
            m.remove("images_per_second");
            m.remove("train_seconds");
            m.remove("compute_seconds");
            out.add(m);
        }
        return out;
    }
}
