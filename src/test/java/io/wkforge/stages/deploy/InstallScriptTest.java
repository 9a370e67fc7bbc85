package io.wkforge.stages.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.model.ClassDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * install.sh run by a real POSIX shell (dash, Debian's /bin/sh: no bash-isms get through) on a
 * board whose root is a temporary folder: the board paths below are absolute paths inside it.
 */
class InstallScriptTest {
    @TempDir
    Path dir;

    Path bundleDir;
    Path userdata;
    Path model;
    Path config;

    record Run(int status, String output) {}

    @BeforeEach
    void bundle() throws Exception {
        userdata = dir.resolve("board/userdata");
        model = userdata.resolve("models/cnn_trash_classify/resnet_inst.wk");
        config = userdata.resolve("sample_ai.conf");
        Path wk = Files.write(dir.resolve("model.wk"), "test bytes standing in for a .wk".getBytes(StandardCharsets.UTF_8));
        DeploySettings s = new DeploySettings(DeploySettings.Via.DIR, dir.resolve("nfs"), null, 22, "root", null, null, false, null,
                Duration.ofSeconds(5), 0, Duration.ofSeconds(5), userdata.toString(), model.toString(), config.toString(),
                "cd /ko; insmod hi_mipi_tx.ko; cd /userdata; ./ohos_camera_ai_demo 0", Duration.ZERO);
        List<ClassDef> classes = List.of(new ClassDef(1, "kitchen", "mushroom", List.of(), false, null, null, null),
                new ClassDef(2, "other", "background", List.of(), true, null, null, null));
        bundleDir = BundleWriter.write(dir.resolve("mnt/nfs"), wk, s, classes, DeployFixture.STOCK_APP, "trash", "test").folder();
    }

    @Test
    void installsAndSecondRunChangesNothing() throws Exception {
        Run first = install();
        assertEquals(0, first.status(), first.output());
        assertTrue(first.output().contains("bundle verified with sha256sum\n"), first.output());
        assertTrue(first.output().contains("installed  " + model + "\n"), first.output());
        assertTrue(first.output().contains("  cd /ko; insmod hi_mipi_tx.ko; cd /userdata; ./ohos_camera_ai_demo 0\n"), first.output());
        assertArrayEquals(Files.readAllBytes(bundleDir.resolve("resnet_inst.wk")), Files.readAllBytes(model));
        assertEquals("[trash_classify_switch]\nsupport_trash_classify = true\n", Files.readString(config));
        assertTrue(Files.readString(model.resolveSibling("labels.txt")).contains("1 background other kitchen\n"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(model)));
        long modified = Files.getLastModifiedTime(model).toMillis();

        Run second = install();
        assertEquals(0, second.status(), second.output());
        assertTrue(second.output().contains("unchanged  " + model + "\nunchanged  " + config + "\nunchanged  "), second.output());
        assertEquals(modified, Files.getLastModifiedTime(model).toMillis(), "an unchanged model is not rewritten");
        assertEquals(List.of("labels.txt", "resnet_inst.wk"), DeployDirTest.list(model.getParent()), "no temporary files left");
    }

    @Test
    void aSwitchFileThatWasThereIsKeptOnce() throws Exception {
        Files.createDirectories(userdata);
        Files.writeString(config, "[hand_classify_switch]\nsupport_hand_classify = true\n");
        assertEquals(0, install().status());
        assertEquals("[hand_classify_switch]\nsupport_hand_classify = true\n", Files.readString(userdata.resolve("sample_ai.conf.before-wkforge")));
        Files.writeString(config, "changed by hand after install\n");
        Run again = install();
        assertEquals(0, again.status(), again.output());
        assertEquals("[hand_classify_switch]\nsupport_hand_classify = true\n", Files.readString(userdata.resolve("sample_ai.conf.before-wkforge")),
                "the first original is never overwritten");
        assertTrue(again.output().contains("installed  " + config), again.output());
    }

    @Test
    void aDamagedBundleInstallsNothing() throws Exception {
        Files.writeString(bundleDir.resolve("labels.txt"), "damaged in transit\n");
        Run r = install();
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains("install.sh: the bundle in " + bundleDir + " does not match SHA256SUMS"), r.output());
        assertTrue(r.output().contains("labels.txt: FAILED"), r.output());
        assertFalse(Files.exists(model));
    }

    @Test
    void aTargetThatCannotBeWrittenFailsClearly() throws Exception {
        Files.createDirectories(userdata);
        Files.writeString(userdata.resolve("models"), "a file where a folder belongs");
        Run r = install();
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains("install.sh: cannot create the folder of " + model), r.output());
    }

    /** Runs the bundle's install.sh as a user would from the mount: {@code sh /mnt/nfs/install.sh}, from another folder. */
    private Run install() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(shell(), bundleDir.resolve("install.sh").toString()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("install.sh hangs");
        return new Run(p.exitValue(), out);
    }

    /** dash when there is one (Debian always has it): a shell with no extensions, like BusyBox ash. */
    static String shell() {
        return Files.isExecutable(Path.of("/usr/bin/dash")) ? "/usr/bin/dash"
                : Files.isExecutable(Path.of("/bin/dash")) ? "/bin/dash" : "/bin/sh";
    }
}
