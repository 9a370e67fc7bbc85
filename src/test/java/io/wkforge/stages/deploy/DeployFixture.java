package io.wkforge.stages.deploy;

import io.wkforge.lang.Recipes;
import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.model.BoardApp;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.plan.TaskSpec;
import io.wkforge.run.Executor;
import io.wkforge.run.RunListener;
import io.wkforge.run.RunRecord;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRegistry;
import io.wkforge.run.StageRunner;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.common.wk.BlobType;
import io.wkforge.stages.common.wk.WkBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * A recipe whose deploy goes to a test board, run through the real executor with a test stand-in
 * for {@code wk} (the .wk it writes is test data, never a model: the real wk stage runs the
 * vendor mapper). Board paths are absolute paths under {@link #board}.
 */
final class DeployFixture {
    static final int WK_BYTES = 600 * 1024;
    /** The stock camera app as the stdlib target describes it (deploy.app_input, deploy.app_categories). */
    static final BoardApp STOCK_APP = new BoardApp(224, 224, "yuv420sp", List.of(new BoardApp.Category("kitchen", 0, 5),
            new BoardApp.Category("harmful", 6, 9), new BoardApp.Category("recyclable", 10, 15), new BoardApp.Category("other", 16, 19)));

    final Path dir;
    final Path board;
    final Path userdata;
    /** The private key the recipe names; tests may point it at another file. */
    Path keyFile;
    final Path knownHosts;
    final KeyPair userKey;
    final byte[] wk;
    final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    final List<StageException> failures = Collections.synchronizedList(new ArrayList<>());
    final List<String> skipped = Collections.synchronizedList(new ArrayList<>());
    final Map<String, String> env = new HashMap<>();
    Duration backoff = Duration.ofMillis(20);

    DeployFixture(Path dir) throws IOException, GeneralSecurityException {
        this.dir = dir;
        this.board = dir.resolve("board");
        this.userdata = board.resolve("userdata");
        Files.createDirectories(userdata);
        Path keys = Files.createDirectories(dir.resolve("keys"));
        userKey = newKey();
        keyFile = writePrivateKey(keys.resolve("id_ecdsa"), userKey);
        knownHosts = keys.resolve("known_hosts");
        // a structurally valid .wk that fits the recipe below (2 classes, the target's 224x224 YUV420SP):
        // deploy reads and checks it before anything is copied
        wk = WkBuilder.classifier(2, 224, 224, BlobType.YVU420SP).instructionBytes(WK_BYTES - 192 - 16 - 2 * 64 - 64).tailBytes(64)
                .seed(42).build();
        Recipes.touch(dir, "v/a.avi", "v/bg.avi");
    }

    static KeyPair newKey() throws GeneralSecurityException {
        return KeyUtils.generateKeyPair(KeyPairs.ECDSA_256, 256);
    }

    static Path writePrivateKey(Path file, KeyPair key) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "wkforge-test", null, out);
        }
        return file;
    }

    /** Writes a known_hosts line for the test board. */
    void trust(int port, PublicKey hostKey) throws IOException {
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey) + "\n");
    }

    /** A `via dir` deploy block into this folder. */
    String dirBlock(Path folder) {
        return "deploy taurus {\n  via dir \"" + folder + "\"\n" + boardPaths() + "}\n";
    }

    /** The recipe's deploy block for an SSH board on this port, plus extra settings. */
    String sshBlock(int port, String... extra) {
        StringBuilder sb = new StringBuilder("deploy taurus {\n  via ssh\n  host \"127.0.0.1\"\n  port " + port + "\n");
        sb.append("  key \"" + dir.relativize(keyFile) + "\"\n  known_hosts \"keys/known_hosts\"\n  retries 0\n  connect_timeout 5\n");
        sb.append(boardPaths());
        boolean run = false;
        for (String e : extra) {
            sb.append("  ").append(e).append('\n');
            run |= e.startsWith("run ");
        }
        // the stdlib target's `run` starts the Taurus camera app, which this board does not have;
        // not waiting for it keeps tests that are not about the app quick
        if (!run) sb.append("  run \"echo app up\"\n  follow 0\n");
        return sb.append("}\n").toString();
    }

    String boardPaths() {
        return "  remote_dir \"" + userdata + "\"\n"
                + "  model_path \"" + userdata.resolve("models/cnn_trash_classify/resnet_inst.wk") + "\"\n"
                + "  config_path \"" + userdata.resolve("sample_ai.conf") + "\"\n";
    }

    Path installedModel() {
        return userdata.resolve("models/cnn_trash_classify/resnet_inst.wk");
    }

    Path bundleDir() {
        return userdata.resolve("wkforge");
    }

    Path out() {
        return dir.resolve("build");
    }

    Path writeRecipe(String deployBlock) {
        return Recipes.write(dir, "test.recipe", """
                use "targets/hi3516dv300"

                classes {
                  1 kitchen mushroom videos "v/a.avi"
                  2 other background videos "v/bg.avi" background
                }

                """ + deployBlock);
    }

    /** Runs wk (the stand-in) and deploy, as `wkforge run --until deploy` would after quantize. */
    Executor.Result run(String deployBlock, StageRunner wkStage, boolean forceDeploy) throws IOException {
        Path recipe = writeRecipe(deployBlock);
        CheckResult r = Recipes.check(recipe, true);
        if (r.hasErrors() || r.recipe() == null) throw new AssertionError("recipe does not check: " + r.diagnostics());
        Layout layout = Layout.forRecipe(r.recipe(), out());
        StageRegistry registry = new StageRegistry().register(wkStage)
                .register(new DeployStage(name -> env.get(name), backoff));
        notes.clear();
        warnings.clear();
        failures.clear();
        skipped.clear();
        Executor executor = new Executor(r.recipe(), layout, registry, new RunListener() {
            @Override
            public void note(TaskSpec task, String message) {
                notes.add(message);
            }

            @Override
            public void warning(TaskSpec task, String message) {
                warnings.add(message);
            }

            @Override
            public void taskFailed(TaskSpec task, StageException failure) {
                failures.add(failure);
            }

            @Override
            public void stageSkipped(StageId stage, String reason) {
                skipped.add(stage.id() + ": " + reason);
            }
        }, "test");
        return executor.run(new Executor.Options(List.of(StageId.WK, StageId.DEPLOY),
                forceDeploy ? Set.of(StageId.DEPLOY) : Set.of(), 1), new RunRecord(layout.runsDir(), r.recipe(), "test", List.of()));
    }

    Executor.Result run(String deployBlock) throws IOException {
        return run(deployBlock, new TestWk(wk), false);
    }

    /** The one deploy failure of the last run. */
    DeployException failure() {
        if (failures.size() != 1) throw new AssertionError("expected one failure, got " + failures + "; notes " + notes);
        if (!(failures.get(0) instanceof DeployException d)) throw new AssertionError("not a deploy failure: " + failures.get(0));
        return d;
    }

    String allNotes() {
        synchronized (notes) {
            return String.join("\n", notes);
        }
    }

    /** Stands in for the wk stage in tests: commits {@code nnie/<instruction_name>.wk} with given test bytes. */
    static final class TestWk implements StageRunner {
        private final byte[] content;

        TestWk(byte[] content) {
            this.content = content;
        }

        @Override
        public StageId stage() {
            return StageId.WK;
        }

        @Override
        public void run(TaskContext ctx) throws StageException {
            try {
                // the name the stdlib target sets (quantize.instruction_name); the real wk stage reads it
                Files.write(ctx.stagingDir(StageId.WK).resolve("resnet_inst.wk"), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A wk stage that cannot run here, as the real one without nnie_mapper. */
    static final class UnavailableWk implements StageRunner {
        @Override
        public StageId stage() {
            return StageId.WK;
        }

        @Override
        public String unavailableReason(io.wkforge.lang.model.EffectiveRecipe recipe) {
            return "nnie_mapper_12 not found on PATH";
        }

        @Override
        public void run(TaskContext ctx) {
            throw new AssertionError("an unavailable stage never runs");
        }
    }

    static final class KeyPairs {
        static final String ECDSA_256 = "ecdsa-sha2-nistp256";

        private KeyPairs() {}
    }
}
