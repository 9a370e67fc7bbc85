package io.wkforge.stages.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.cli.Main;
import io.wkforge.lang.Recipes;
import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import io.wkforge.run.Doctor;
import io.wkforge.run.DoctorCheck;
import io.wkforge.run.Finding;
import io.wkforge.run.StageRegistry;
import io.wkforge.run.StageRunner;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.deploy.ssh.SshDoctor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wkforge doctor}: stages bring their own checks; the recipe's board is checked for real. */
class DoctorTest {
    @TempDir
    Path dir;

    DeployFixture f;

    @BeforeEach
    void setUp() throws IOException, GeneralSecurityException {
        f = new DeployFixture(dir);
        System.setProperty("wkforge.stdlib", Recipes.repoRoot().resolve("stdlib").toString());
    }

    /** A stage whose check says its tool is missing, and which cannot run for a recipe. */
    static final class MapperlessWk implements StageRunner {
        @Override
        public StageId stage() {
            return StageId.WK;
        }

        @Override
        public String unavailableReason(EffectiveRecipe recipe) {
            return "nnie_mapper_12 not found on PATH";
        }

        @Override
        public List<DoctorCheck> diagnose(EffectiveRecipe recipe) {
            return List.of(DoctorCheck.of("wk", () -> { throw new IllegalStateException("probe crashed"); }));
        }

        @Override
        public void run(TaskContext ctx) {
            throw new AssertionError("never runs");
        }
    }

    @Test
    void aRecipeNeedsEveryStageAndItsBoard() throws IOException {
        Path nfs = dir.resolve("nfs");
        EffectiveRecipe recipe = recipe(f.dirBlock(nfs));
        StageRegistry registry = new StageRegistry().register(new MapperlessWk()).register(new DeployStage());
        List<Finding> lines = new Doctor(registry).run(recipe, x -> {});
        assertEquals("java", lines.get(0).topic());
        assertEquals(Finding.Status.OK, lines.get(0).status());
        Finding crashed = find(lines, "wk", "the check itself failed");
        assertEquals(Finding.Status.FAIL, crashed.status());
        Finding deploy = find(lines, "deploy", "will be created");
        assertEquals(Finding.Status.OK, deploy.status(), deploy.detail());
        Finding notBuilt = find(lines, "stages", "not built in this version of wkforge: frames, clean");
        assertEquals(Finding.Status.FAIL, notBuilt.status());
        assertEquals("use a build of wkforge that has its stages", notBuilt.fix());
        assertFalse(Doctor.allNeededPresent(lines));
        assertFalse(Files.exists(nfs), "doctor creates nothing");

        // the stage's own check had nothing to say but the stage cannot run: doctor says so, with what follows from it
        StageRegistry quiet = new StageRegistry().register(new SkippedDeployWk()).register(new DeployStage());
        Finding wk = find(new Doctor(quiet).run(recipe, x -> {}), "wk", "cannot run on this machine");
        assertEquals("cannot run on this machine: nnie_mapper_12 not found on PATH; so deploy is skipped too", wk.detail());
        assertTrue(wk.fix().endsWith("`--until quantize`"), wk.fix());
    }

    @Test
    void withoutARecipeOnlyTheMachineIsChecked() {
        StageRegistry registry = new StageRegistry().register(new SkippedDeployWk()).register(new DeployStage());
        List<Finding> lines = new Doctor(registry).run(null, x -> {});
        assertTrue(lines.stream().noneMatch(l -> l.topic().equals("deploy") || l.topic().equals("wk")), lines::toString);
        assertEquals(Finding.Status.WARN, find(lines, "stages", "not built").status());
        assertTrue(Doctor.allNeededPresent(lines));
    }

    @Test
    void theBoardIsCheckedOverSsh() throws Exception {
        try (BoardServer board = new BoardServer(DeployFixture.newKey(), f.userKey.getPublic(), null)) {
            String fp = KeyUtils.getFingerPrint(board.hostKey.getPublic());
            DeploySettings s = settings(f.sshBlock(board.port()));

            List<Finding> unknown = SshDoctor.check(s, name -> null);
            assertEquals(1, unknown.size(), unknown::toString);
            assertEquals(Finding.Status.FAIL, unknown.get(0).status());
            assertTrue(unknown.get(0).detail().contains(fp + ", which is not in " + f.knownHosts), unknown.get(0).detail());
            assertTrue(unknown.get(0).fix().contains("wkforge doctor RECIPE --accept-new-host-key"), unknown.get(0).fix());

            // what --accept-new-host-key does: the recipe with host_key accept_new
            String out = doctor("--accept-new-host-key", f.writeRecipe(f.sshBlock(board.port())).toString());
            assertTrue(out.contains("  ok    deploy   127.0.0.1:" + board.port() + " answers; new host key ecdsa-sha2-nistp256 " + fp
                    + " accepted and added to " + f.knownHosts), out);
            assertTrue(Files.readString(f.knownHosts).contains("ecdsa-sha2-nistp256"));

            List<Finding> known = SshDoctor.check(s, name -> null);
            assertEquals(List.of(Finding.Status.OK, Finding.Status.OK, Finding.Status.OK), known.stream().map(Finding::status).toList(),
                    known::toString);
            assertEquals("127.0.0.1:" + board.port() + " answers; host key ecdsa-sha2-nistp256 " + fp + " known", known.get(0).detail());
            assertTrue(known.get(1).detail().startsWith("login as root works (key " + f.keyFile), known.get(1).detail());
            assertTrue(known.get(2).detail().matches(java.util.regex.Pattern.quote(f.bundleDir().toString())
                    + " is writable on the board, \\d+ MB free, sha256sum present"), known.get(2).detail());

            DeployFixture.writePrivateKey(f.keyFile, DeployFixture.newKey());
            List<Finding> refused = SshDoctor.check(s, name -> null);
            assertEquals(List.of(Finding.Status.OK, Finding.Status.FAIL), refused.stream().map(Finding::status).toList(), refused::toString);
            assertTrue(refused.get(1).detail().contains("refused the login as `root`"), refused.get(1).detail());
            assertTrue(refused.get(1).fix().contains("authorized_keys"), refused.get(1).fix());
        }
    }

    @Test
    void theCommandPrintsOneLinePerCheckAndExitsByWhatIsMissing() {
        String out = doctor();
        assertTrue(out.contains("  ok    java     Java "), out);
        assertTrue(out.contains("  ok    ffmpeg   FFmpeg "), out);
        assertTrue(out.contains("  ok    opencv   OpenCV "), out);
        assertTrue(out.contains("exit 0"), out);
        assertTrue(doctor("--accept-new-host-key").contains("--accept-new-host-key needs the recipe whose board to trust"));
    }

    private String doctor(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "doctor";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.execute(all, new PrintWriter(o), new PrintWriter(e));
        return o + e.toString() + "exit " + code;
    }

    /** Like {@link MapperlessWk} but with no checks of its own. */
    static final class SkippedDeployWk implements StageRunner {
        @Override
        public StageId stage() {
            return StageId.WK;
        }

        @Override
        public String unavailableReason(EffectiveRecipe recipe) {
            return "nnie_mapper_12 not found on PATH";
        }

        @Override
        public void run(TaskContext ctx) {
            throw new AssertionError("never runs");
        }
    }

    private EffectiveRecipe recipe(String deployBlock) {
        CheckResult r = Recipes.check(f.writeRecipe(deployBlock), false);
        if (r.hasErrors()) throw new AssertionError(r.diagnostics().toString());
        return r.recipe();
    }

    private DeploySettings settings(String deployBlock) {
        EffectiveRecipe r = recipe(deployBlock);
        return DeploySettings.read(r::setting, r.dir());
    }

    private static Finding find(List<Finding> lines, String topic, String detailPart) {
        List<Finding> hits = new ArrayList<>();
        for (Finding l : lines) if (l.topic().equals(topic) && l.detail().contains(detailPart)) hits.add(l);
        if (hits.size() != 1) throw new AssertionError("no single `" + topic + "` line with `" + detailPart + "` in " + lines);
        return hits.get(0);
    }
}
