package io.wkforge.stages.nnie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.plan.Plan;
import io.wkforge.plan.Planner;
import io.wkforge.run.Doctor;
import io.wkforge.run.Executor;
import io.wkforge.run.Finding;
import io.wkforge.run.StampStore;
import io.wkforge.stages.common.wk.BlobType;
import io.wkforge.stages.common.wk.WkBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wk stage against a stand-in nnie_mapper the test writes (a POSIX shell script): it checks
 * the cfg quantize generated the way the vendor's format documents it (every key known and once,
 * values in range, every file it names there, every image of the list there) and then writes its
 * output or fails the way the test asks. The vendor's mapper itself is not available here: what
 * is tested is the contract between the cfg and a mapper, and the stage's handling of what a
 * mapper does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WkContractTest {
    static final String RECIPE = TrainedShapes.TRAINING + """
            quantize {
              calibration 6 images
              image_type yuv420sp
              instruction_name "resnet_inst"
              mapper_timeout 3
            }
            deploy taurus { via dir "nfs" }
            """;
    /**
     * wk's cache key holds the mapper's content, not its path: tests whose stand-ins differ only in
     * the folder they are written to force wk so that each test sees its own stand-in run.
     */
    static final Set<StageId> FORCE_WK = Set.of(StageId.WK);
    @TempDir
    static Path dir;
    Pipeline p;
    Path bin;

    @BeforeAll
    void quantize() throws Exception {
        fittingWk = WkBuilder.classifier(4, 32, 32, BlobType.YVU420SP).instructionBytes(20_000).write(dir.resolve("fitting.wk"));
        WRITES_WK = writes(fittingWk);
        p = Pipeline.onTrainedShapes(dir.resolve("pipeline"));
        p.recipe(RECIPE);
        p.environment = Pipeline.pathOnly(dir.resolve("empty"));
        Executor.Result r = p.run(StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE);
        assertEquals(Executor.Outcome.OK, r.outcome(), r.failures().toString());
    }

    @BeforeEach
    void freshBin() throws IOException {
        bin = Files.createTempDirectory(dir, "bin");
    }

    /** Writes the stand-in mapper as {@code name} in a folder, with the given action after its checks. */
    static Path standIn(Path folder, String name, String action) throws IOException {
        String template;
        try (InputStream in = WkContractTest.class.getResourceAsStream("stand-in-mapper.sh")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path script = folder.resolve(name);
        Files.writeString(script, template.replace("@ACTION@", action));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /**
     * A .wk that fits RECIPE (4 classes, 32x32 crop, YUV420SP), built by the test builder from the
     * documented layout: the stand-in copies it, so wk's and deploy's checks run on a real layout.
     * Random instruction bytes: never a model.
     */
    static Path fittingWk;

    static String writes(Path wk) {
        return "cp '" + wk + "' \"$name.wk\"\n"
                + "echo \"end quantalizing\"\n"
                + "echo \"===============$cfg Successfully!===============\"\n"
                + "exit 0";
    }

    static String WRITES_WK;

    @Test
    void theMapperAcceptsTheGeneratedCfgAndItsWkReachesTheBoardBundle() throws Exception {
        standIn(bin, "nnie_mapper_12", WRITES_WK);
        p.environment = Pipeline.pathOnly(bin);
        Executor.Result r = p.run(FORCE_WK, StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE, StageId.WK, StageId.DEPLOY);
        assertEquals(Executor.Outcome.OK, r.outcome(), r.failures() + "\n" + log());
        assertEquals(2, r.ran(), "wk and deploy run; everything before is cached");
        assertArrayEquals(Files.readAllBytes(fittingWk), Files.readAllBytes(p.file("nnie/resnet_inst.wk")));
        assertTrue(p.notes.stream().anyMatch(n -> n.startsWith(".wk checked: input data 3x32x32 YVU420SP; output prob 4x1x1 S32; "
                + "version 1.1.1.2; chip;")), p.notes::toString);
        String log = log();
        assertTrue(log.startsWith("Mapper Version 1.2.2.0_B010") && log.contains("Successfully!"), log);
        assertTrue(p.notes.stream().anyMatch(n -> n.startsWith("mapper: Mapper Version")), p.notes::toString);
        assertTrue(p.notes.stream().anyMatch(n -> n.startsWith("wk: nnie/resnet_inst.wk")), p.notes::toString);
        assertTrue(Files.isRegularFile(p.dir.resolve("nfs/wkforge/resnet_inst.wk")) || containsFile(p.dir.resolve("nfs"), "resnet_inst.wk"),
                "deploy pushed the .wk");
    }

    @Test
    void installingAnotherMapperReRunsWkWhileTheSameMapperElsewhereIsCached() throws Exception {
        standIn(bin, "nnie_mapper_12", WRITES_WK);
        p.environment = Pipeline.pathOnly(bin);
        StageId[] upToWk = {StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE, StageId.WK};
        assertEquals(Executor.Outcome.OK, p.run(FORCE_WK, upToWk).outcome());

        Path moved = Files.createTempDirectory(dir, "bin");
        standIn(moved, "nnie_mapper_12", WRITES_WK); // the same program, installed elsewhere
        p.environment = Pipeline.pathOnly(moved);
        assertEquals(0, p.run(upToWk).ran(), "the same mapper in another folder: wk stays cached");

        standIn(moved, "nnie_mapper_12", "echo 'Mapper Version 1.2.2.1 (an update)'\n" + WRITES_WK);
        var recipe = p.check().recipe();
        Layout layout = Layout.forRecipe(recipe, p.out);
        Plan plan = new Planner(recipe, new StampStore(layout), p.registry(), Set.of()).withUnavailable(p.registry().unavailable(recipe)).plan(layout);
        assertEquals("input program nnie_mapper changed", plan.tasks(StageId.WK).get(0).reasonText());
        Executor.Result r = p.run(upToWk);
        assertEquals(Executor.Outcome.OK, r.outcome(), r.failures().toString());
        assertEquals(1, r.ran(), "only wk runs again");
    }

    @Test
    void aMapperErrorThatNamesAKeyPointsAtTheRecipeSetting() throws Exception {
        standIn(bin, "nnie_mapper_12", """
                echo "ERROR: file: Inference::checkDataScale  line: 77"
                echo "data_scale 0.0078431372549019607 puts the input outside the quantization range"
                exit 1""");
        p.environment = Pipeline.pathOnly(bin);
        Executor.Result r = p.run(FORCE_WK, StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE, StageId.WK);
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        String failure = r.failures().get(0);
        assertTrue(failure.contains("nnie_mapper failed (exit code 1)"), failure);
        assertTrue(failure.contains("mapper: ERROR: file: Inference::checkDataScale  line: 77 data_scale 0.0078431372549019607 puts"), failure);
        assertTrue(failure.contains("see quantize.data_scale = (unset) (default)"), failure);
        assertTrue(failure.contains("its output is in " + p.dir.resolve("build/.wkforge/work/wk/mapper.log")), failure);
        assertFalse(log().contains("checkDataScale"), "nothing of the failed run is committed");
    }

    @Test
    void aCfgTheMapperRejectsFailsTheStageWithTheMappersReason() throws Exception {
        // the stand-in's own checks, run on a cfg quantize did not write: an image the list names is gone
        standIn(bin, "nnie_mapper_12", WRITES_WK);
        p.environment = Pipeline.pathOnly(bin);
        Path cfg = p.file("nnie/resnet_inst.cfg");
        String original = Files.readString(cfg);
        try {
            Files.writeString(cfg, original.replace("[RGB_order] RGB", "[RGB_order] GRB"));
            Executor.Result r = p.run(FORCE_WK, StageId.WK);
            assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
            String failure = r.failures().get(0);
            assertTrue(failure.contains("[RGB_order] GRB is not one of: RGB BGR") && failure.contains("see quantize.rgb_order = rgb (default)"), failure);
        } finally {
            Files.writeString(cfg, original);
        }
    }

    /**
     * A mapper that exits 0 with a .wk that is damaged or does not fit the recipe fails wk with the
     * reader's or the check's own message; nothing of it is committed, so deploy never sees it.
     */
    @Test
    void aWkThatIsDamagedOrDoesNotFitTheRecipeFailsWkAndIsNotCommitted() throws Exception {
        byte[] good = Files.readAllBytes(fittingWk);
        byte[] flipped = good.clone();
        flipped[5000] ^= 8;
        Map<String, byte[]> cases = new java.util.LinkedHashMap<>();
        cases.put("corrupted .wk: the CRC-32 of bytes 4 to", flipped);
        cases.put("truncated .wk: " + (good.length - 1000) + " bytes", java.util.Arrays.copyOf(good, good.length - 1000));
        cases.put("not an NNIE .wk: bytes 16-19 are not format version digits", "a text file, not a model\n".repeat(30).getBytes());
        cases.put("the .wk was built for functional simulation (run mode 1)", WkBuilder.classifier(4, 32, 32, BlobType.YVU420SP).runMode(1).build());
        cases.put("the .wk's input `data` is 3x36x36 but the recipe crops 3x32x32", WkBuilder.classifier(4, 36, 36, BlobType.YVU420SP).build());
        cases.put("the .wk's input `data` is U8 but quantize.image_type yuv420sp makes it YVU420SP", WkBuilder.classifier(4, 32, 32, BlobType.U8).build());
        cases.put("the .wk's output `prob` holds 5 values (5x1x1) but the recipe has 4 classes", WkBuilder.classifier(5, 32, 32, BlobType.YVU420SP).build());
        cases.put("the .wk has format version 1.1.1.0 but the target's NNIE loader accepts 1.1.1.2", WkBuilder.classifier(4, 32, 32, BlobType.YVU420SP).version(1, 1, 1, 0).build());
        cases.put("the .wk's output is named `fc` but the exported prototxt's is `prob`", WkBuilder.classifier(4, 32, 32, BlobType.YVU420SP)
                .replaceDestinations(new WkBuilder.BlobSpec("fc", 1, 1, 4, BlobType.S32.code())).build());
        // a good run first, so that a failed one is seen to leave the committed .wk alone
        standIn(bin, "nnie_mapper_12", WRITES_WK);
        p.environment = Pipeline.pathOnly(bin);
        assertEquals(Executor.Outcome.OK, p.run(FORCE_WK, StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE, StageId.WK).outcome());
        int n = 0;
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            Path made = Files.write(dir.resolve("case" + n++ + ".wk"), c.getValue());
            standIn(bin, "nnie_mapper_12", writes(made));
            Executor.Result r = p.run(FORCE_WK, StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE, StageId.WK);
            assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome(), c.getKey());
            String failure = r.failures().get(0);
            assertTrue(failure.contains("nnie_mapper exited 0 but its .wk cannot go to the board: "), failure);
            assertTrue(failure.contains(c.getKey()), c.getKey() + " in\n" + failure);
            assertArrayEquals(good, Files.readAllBytes(p.file("nnie/resnet_inst.wk")), "the failed .wk is not committed");
        }
    }

    @Test
    void exitingWithoutTheWkItNamesOrWithAnEmptyOneFails() throws Exception {
        standIn(bin, "nnie_mapper_12", "exit 0");
        p.environment = Pipeline.pathOnly(bin);
        Executor.Result r = p.run(FORCE_WK, StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE, StageId.WK);
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        assertTrue(r.failures().get(0).contains("nnie_mapper exited 0 but wrote no resnet_inst.wk"), r.failures().get(0));
        assertTrue(r.failures().get(0).contains("files the mapper left in its folder: mapper.log"), r.failures().get(0));

        standIn(bin, "nnie_mapper_12", ": > \"$name.wk\"; exit 0");
        r = p.run(FORCE_WK, StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE, StageId.WK);
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        assertTrue(r.failures().get(0).contains("wrote an empty resnet_inst.wk"), r.failures().get(0));
    }

    @Test
    void aMapperThatHangsIsStoppedAtTheTimeoutWithWhatItStarted() throws Exception {
        Path pids = dir.resolve("pids");
        Path finished = dir.resolve("finished");
        Files.deleteIfExists(finished);
        standIn(bin, "nnie_mapper_12", "sleep 30 & echo \"$$ $!\" > " + pids + "; wait; : > " + finished + "; exit 0");
        p.environment = Pipeline.pathOnly(bin);
        long start = System.nanoTime();
        Executor.Result r = p.run(FORCE_WK, StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE, StageId.WK);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        assertTrue(r.failures().get(0).contains("did not finish within quantize.mapper_timeout 3 s and was stopped"), r.failures().get(0));
        assertFalse(Files.exists(finished), "stopped, not waited for: the mapper never got past its 30 s sleep");
        System.out.println(String.format(java.util.Locale.ROOT, "bench: a hanging mapper was stopped after %.1f s (mapper_timeout 3 s)", seconds));
        for (String pid : Files.readString(pids).strip().split(" ")) {
            assertFalse(running(Long.parseLong(pid)), "process " + pid + " (the mapper, or the child it started) was stopped");
        }
    }

    @Test
    void theEnvironmentVariableWinsOverThePath() throws Exception {
        Path other = Files.createDirectories(dir.resolve("opt-hisi"));
        Path chosen = standIn(other, "my_mapper", WRITES_WK);
        standIn(bin, "nnie_mapper_12", "echo 'ERROR: the PATH one ran'; exit 1");
        Map<String, String> env = new HashMap<>(Map.of("PATH", bin.toString(), "NNIE_MAPPER", chosen.toString()));
        p.environment = env::get;
        Executor.Result r = p.run(FORCE_WK, StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE, StageId.WK);
        assertEquals(Executor.Outcome.OK, r.outcome(), r.failures().toString());
        assertTrue(p.notes.stream().anyMatch(n -> n.contains(chosen + " ") && n.contains("from NNIE_MAPPER")), p.notes::toString);
    }

    @Test
    @Order(1) // before any test has committed a .wk
    void withoutAMapperWkAndDeployAreSkippedWithHowToInstallItAndTheRunSucceeds() throws Exception {
        p.environment = Pipeline.pathOnly(bin); // an empty folder
        var recipe = p.check().recipe();
        Layout layout = Layout.forRecipe(recipe, p.out);
        Plan plan = new Planner(recipe, new StampStore(layout), "test", Set.of()).withUnavailable(p.registry().unavailable(recipe)).plan(layout);
        String why = plan.tasks(StageId.WK).get(0).skipReason();
        assertTrue(why.startsWith("nnie_mapper_12 not found on PATH (quantize.mapper): install HiSilicon's nnie_mapper")
                && why.contains("NNIE_MAPPER=/path/to/nnie_mapper_12"), why);
        Executor.Result r = p.run(StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE, StageId.WK, StageId.DEPLOY);
        assertEquals(Executor.Outcome.OK, r.outcome());
        assertFalse(Files.exists(p.file("nnie/resnet_inst.wk")));
        assertFalse(Files.exists(p.dir.resolve("nfs")));
    }

    @Test
    void doctorNamesTheMapperItsOriginAndVersionOrWhyItCannotRun() throws Exception {
        standIn(bin, "nnie_mapper_12", WRITES_WK);
        List<Finding> found = doctor(Pipeline.pathOnly(bin), true);
        Finding f = found.stream().filter(x -> x.topic().equals("mapper")).findFirst().orElseThrow();
        assertEquals(Finding.Status.OK, f.status(), f.toString());
        assertTrue(f.detail().contains(bin.resolve("nnie_mapper_12") + " (from PATH), Mapper Version 1.2.2.0_B010"), f.detail());

        Path empty = Files.createTempDirectory(dir, "none");
        Finding missing = doctor(Pipeline.pathOnly(empty), true).stream().filter(x -> x.topic().equals("mapper")).findFirst().orElseThrow();
        assertEquals(Finding.Status.FAIL, missing.status());
        assertTrue(missing.detail().equals("nnie_mapper_12 not found on PATH (quantize.mapper); so wk and deploy are skipped (everything up to quantize runs)")
                && missing.fix().contains("Installing the mapper"), missing.toString());
        assertEquals(Finding.Status.WARN, doctor(Pipeline.pathOnly(empty), false).stream()
                .filter(x -> x.topic().equals("mapper")).findFirst().orElseThrow().status(), "without a recipe nothing needs it");

        Path broken = Files.createTempDirectory(dir, "broken");
        Path exe = broken.resolve("nnie_mapper_12");
        Files.writeString(exe, "#!/bin/sh\necho \"nnie_mapper_12: error while loading shared libraries: libprotobuf.so.13: "
                + "cannot open shared object file: No such file or directory\" >&2\nexit 127\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        Finding cannot = doctor(Pipeline.pathOnly(broken), true).stream().filter(x -> x.topic().equals("mapper")).findFirst().orElseThrow();
        assertEquals(Finding.Status.FAIL, cannot.status());
        assertTrue(cannot.detail().contains("cannot start: nnie_mapper_12: error while loading shared libraries: libprotobuf.so.13"), cannot.detail());
    }

    /**
     * Whether a process still runs. A stopped child of the mapper is re-parented and stays a zombie
     * until its new parent reaps it, which ProcessHandle counts as alive; /proc tells them apart.
     */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.isDirectory(Path.of("/proc/self"))) return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (!Files.exists(stat)) return false;
        String s;
        try {
            s = Files.readString(stat);
        } catch (IOException gone) {
            return false;
        }
        char state = s.charAt(s.lastIndexOf(')') + 2); // "pid (name) S ..."
        return state != 'Z' && state != 'X';
    }

    private List<Finding> doctor(Function<String, String> env, boolean withRecipe) throws IOException {
        p.environment = env;
        List<Finding> out = new ArrayList<>();
        new Doctor(new io.wkforge.run.StageRegistry().register(new WkStage(env))).run(withRecipe ? p.check().recipe() : null, out::add);
        return out;
    }

    private String log() throws IOException {
        Path log = p.file("nnie/mapper.log");
        return Files.exists(log) ? Files.readString(log) : "(no mapper.log)";
    }

    private static boolean containsFile(Path root, String name) throws IOException {
        if (!Files.isDirectory(root)) return false;
        try (var s = Files.walk(root)) {
            return s.anyMatch(f -> f.getFileName().toString().equals(name));
        }
    }
}
