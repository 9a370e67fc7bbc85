package io.wkforge.stages.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.run.Executor;
import io.wkforge.stages.deploy.DeployException.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH transport against an in-process MINA SSHD board on loopback. */
class DeploySshTest {
    @TempDir
    Path dir;

    DeployFixture f;
    BoardServer board;

    @BeforeEach
    void setUp() throws IOException, GeneralSecurityException {
        f = new DeployFixture(dir);
        board = new BoardServer(DeployFixture.newKey(), f.userKey.getPublic(), "s3cret");
        f.trust(board.port(), board.hostKey.getPublic());
    }

    @AfterEach
    void tearDown() throws IOException {
        board.close();
    }

    @Test
    void uploadsVerifiesInstallsAndRunsTheApp() throws IOException {
        String block = f.sshBlock(board.port(), "run \"echo app up; echo app warns >&2\"", "follow 5");
        Executor.Result r = f.run(block);
        assertEquals(Executor.Outcome.OK, r.outcome(), () -> r.failures() + "\n" + f.allNotes());
        assertArrayEquals(f.wk, Files.readAllBytes(f.installedModel()));
        assertEquals("[trash_classify_switch]\nsupport_trash_classify = true\n", Files.readString(f.userdata.resolve("sample_ai.conf")));
        assertTrue(Files.readString(f.installedModel().resolveSibling("labels.txt")).contains("0 mushroom kitchen kitchen\n"));
        assertEquals(List.of("SHA256SUMS", "app.log", "app.status", "install.sh", "labels.txt", "resnet_inst.wk", "sample_ai.conf"),
                list(f.bundleDir()));
        String notes = f.allNotes();
        assertTrue(notes.contains("verified: sha256sum on the board"), notes);
        assertTrue(notes.contains("| installed  " + f.installedModel()), notes);
        assertTrue(notes.contains("| app up") && notes.contains("| app warns"), notes);
        assertTrue(notes.contains("app: exited with status 0"), notes);
        assertTrue(Files.readString(f.out().resolve("deploy/deploy.json")).contains("\"verified_by\": \"sha256sum on the board\""));
        // index 1 shows as kitchen on the board, not as the background
        assertTrue(f.warnings.stream().anyMatch(w -> w.contains("class 2 `other background` (index 1) shows as kitchen")), f.warnings::toString);

        // again: nothing to send, install.sh finds everything in place
        Executor.Result again = f.run(block, new DeployFixture.TestWk(f.wk), true);
        assertEquals(Executor.Outcome.OK, again.outcome(), again.failures()::toString);
        assertTrue(f.allNotes().contains("every file is already on the board, byte for byte"), f.allNotes());
        assertTrue(f.allNotes().contains("| unchanged  " + f.installedModel()), f.allNotes());
    }

    @Test
    void anAppStillRunningIsLeftRunning() throws IOException {
        Executor.Result r = f.run(f.sshBlock(board.port(), "run \"echo started; sleep 30\"", "follow 1"));
        assertEquals(Executor.Outcome.OK, r.outcome(), r.failures()::toString);
        assertTrue(f.allNotes().contains("| started"), f.allNotes());
        assertTrue(f.allNotes().contains("app: still running after 1 s"), f.allNotes());
    }

    @Test
    void anAppThatFailsFailsTheDeploy() throws IOException {
        Executor.Result r = f.run(f.sshBlock(board.port(), "run \"echo no camera; exit 3\""));
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        DeployException e = f.failure();
        assertEquals(Kind.REMOTE_COMMAND, e.kind());
        assertTrue(e.getMessage().contains("the app exited with status 3"), e.getMessage());
        assertArrayEquals(f.wk, Files.readAllBytes(f.installedModel()), "installed before the app ran");
        assertFalse(Files.exists(f.out().resolve("deploy/deploy.json")), "a failed deploy commits nothing");
    }

    @Test
    void aFailingInstallReportsItsOutputAndStatus() throws IOException {
        Files.writeString(f.userdata.resolve("models"), "a file where install.sh needs a folder");
        Executor.Result r = f.run(f.sshBlock(board.port()));
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        DeployException e = f.failure();
        assertEquals(Kind.REMOTE_COMMAND, e.kind());
        assertTrue(e.getMessage().startsWith("install.sh failed on the board (exit status 1)"), e.getMessage());
        assertTrue(e.details().stream().anyMatch(d -> d.startsWith("board: install.sh: cannot create the folder of")), e.details()::toString);
    }

    @Test
    void unknownHostKeyIsRefusedUnlessAccepted() throws IOException {
        Files.delete(f.knownHosts);
        Executor.Result r = f.run(f.sshBlock(board.port()));
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        DeployException e = f.failure();
        assertEquals(Kind.HOST_KEY_UNKNOWN, e.kind());
        String fp = org.apache.sshd.common.config.keys.KeyUtils.getFingerPrint(board.hostKey.getPublic());
        assertTrue(e.getMessage().contains(fp), e.getMessage());
        assertTrue(e.fix().contains("--accept-new-host-key"), e.fix());
        assertFalse(Files.exists(f.knownHosts), "strict mode writes nothing");

        assertEquals(Executor.Outcome.OK, f.run(f.sshBlock(board.port(), "host_key accept_new")).outcome(), f.failures::toString);
        assertTrue(f.allNotes().contains("new host key ecdsa-sha2-nistp256 " + fp + " accepted"), f.allNotes());
        assertTrue(Files.readString(f.knownHosts).startsWith("[127.0.0.1]:" + board.port() + " ecdsa-sha2-nistp256 "));
        // from now on the strict default knows the board
        assertEquals(Executor.Outcome.OK, f.run(f.sshBlock(board.port()), new DeployFixture.TestWk(f.wk), true).outcome());
    }

    @Test
    void aChangedHostKeyIsRefusedShowingBothKeys() throws IOException, GeneralSecurityException {
        var old = DeployFixture.newKey();
        f.trust(board.port(), old.getPublic());
        for (String policy : new String[] {"host_key strict", "host_key accept_new"}) {
            Executor.Result r = f.run(f.sshBlock(board.port(), policy));
            assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
            DeployException e = f.failure();
            assertEquals(Kind.HOST_KEY_CHANGED, e.kind());
            assertTrue(e.getMessage().contains(org.apache.sshd.common.config.keys.KeyUtils.getFingerPrint(old.getPublic())), e.getMessage());
            assertTrue(e.getMessage().contains(org.apache.sshd.common.config.keys.KeyUtils.getFingerPrint(board.hostKey.getPublic())));
            assertTrue(e.fix().contains("ssh-keygen -R '[127.0.0.1]:" + board.port() + "'"), e.fix());
        }
        assertFalse(Files.exists(f.installedModel()));
    }

    @Test
    void aWrongKeyIsRefusedAndAPasswordFromTheEnvironmentWorks() throws IOException, GeneralSecurityException {
        DeployFixture.writePrivateKey(f.keyFile, DeployFixture.newKey());
        Executor.Result r = f.run(f.sshBlock(board.port()));
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        DeployException e = f.failure();
        assertEquals(Kind.AUTH, e.kind());
        assertTrue(e.getMessage().contains("refused the login as `root`"), e.getMessage());

        // a variable the recipe names but nobody set is worth a warning, and part of the refusal
        f.run(f.sshBlock(board.port(), "password_env TAURUS_PW"));
        assertTrue(f.warnings.contains("`password_env` names TAURUS_PW, which is not set in the environment"), f.warnings::toString);
        assertTrue(f.failure().details().contains("`password_env` names TAURUS_PW, which is not set in the environment"));

        // the recipe names the variable; the password itself only ever lives in the environment
        f.env.put("TAURUS_PW", "s3cret");
        assertEquals(Executor.Outcome.OK, f.run(f.sshBlock(board.port(), "password_env TAURUS_PW")).outcome(), f.failures::toString);
        f.env.put("TAURUS_PW", "wrong");
        f.run(f.sshBlock(board.port(), "password_env TAURUS_PW"), new DeployFixture.TestWk(f.wk), true);
        assertEquals(Kind.AUTH, f.failure().kind());
        assertTrue(f.failure().getMessage().contains("the password in $TAURUS_PW"), f.failure().getMessage());
    }

    @Test
    void refusedConnectionsAreRetriedWithBackoff() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Executor.Result r = f.run(f.sshBlock(port, "retries 2").replace("  retries 0\n", ""));
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        DeployException e = f.failure();
        assertEquals(Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().endsWith("nothing listens on port " + port + " (3 attempts)"), e.getMessage());
        assertTrue(f.allNotes().contains("attempt 2 of 3 in 0.0 s: the board at 127.0.0.1:" + port + " refused"), f.allNotes());
        assertTrue(f.allNotes().contains("attempt 3 of 3"), f.allNotes());
    }

    @Test
    void aSilentServerTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (IOException | InterruptedException ignored) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();
            Executor.Result r = f.run(f.sshBlock(silent.getLocalPort()).replace("connect_timeout 5", "connect_timeout 1"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
            DeployException e = f.failure();
            assertEquals(Kind.TIMEOUT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().endsWith("accepted the connection but sent no SSH greeting within 3 s"), e.getMessage());
            // a server that held the connection silent for good would hang here (its acceptor closes it after 10 s,
            // which would be another failure than TIMEOUT); how soon it gives up is measured by bench/timeouts.sh
            System.out.println("bench: deploy over ssh to a silent server gave up after " + millis + " ms (connect_timeout 1 s, greeting wait 3 s)");
            acceptor.interrupt();
        }
    }

    @Test
    void anUploadCutHalfWayLeavesNothingUnderTheFinalNameAndTheNextRunFinishes() throws IOException {
        board.fault = BoardServer.Fault.CUT_AFTER;
        board.faultAfterBytes = DeployFixture.WK_BYTES / 2;
        Executor.Result r = f.run(f.sshBlock(board.port()));
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        assertEquals(1, board.faultsInjected.get());
        DeployException e = f.failure();
        assertEquals(Kind.CONNECTION_LOST, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("while uploading resnet_inst.wk"), e.getMessage());
        assertFalse(Files.exists(f.bundleDir().resolve("resnet_inst.wk")), "no partial file under the final name");
        assertFalse(Files.exists(f.installedModel()));
        Path part = f.bundleDir().resolve(".resnet_inst.wk.wkforge-part");
        assertTrue(Files.exists(part) && Files.size(part) < DeployFixture.WK_BYTES, "the partial upload stays under its temporary name");

        board.fault = BoardServer.Fault.NONE;
        Executor.Result again = f.run(f.sshBlock(board.port()));
        assertEquals(Executor.Outcome.OK, again.outcome(), again.failures()::toString);
        assertArrayEquals(f.wk, Files.readAllBytes(f.bundleDir().resolve("resnet_inst.wk")));
        assertArrayEquals(f.wk, Files.readAllBytes(f.installedModel()));
        assertFalse(Files.exists(part));
    }

    /**
     * A full disk as an OpenSSH or dropbear board shows it: SFTP says only "Failure", and df
     * reports the little room left. The board's df reads its figure from a file the test sets.
     */
    @Test
    void aDiskThatFillsDuringTheUploadIsReportedAsFull() throws IOException {
        Path free = dir.resolve("df-free-kb");
        Files.writeString(free, "500000");
        board.commandPrefix = boardDf(free);
        board.fault = BoardServer.Fault.DISK_FULL_AFTER;
        board.faultAfterBytes = 100 * 1024;
        board.onFault = () -> write(free, "90");
        Executor.Result r = f.run(f.sshBlock(board.port()));
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        DeployException e = f.failure();
        assertEquals(Kind.DISK_FULL, e.kind(), e.getMessage());
        assertEquals("the board's disk is full: " + f.bundleDir() + " has 90 KB free, resnet_inst.wk needs 600 KB", e.getMessage());
        assertFalse(Files.exists(f.bundleDir().resolve("resnet_inst.wk")));
    }

    @Test
    void aBundleThatCannotFitIsRefusedBeforeUploading() throws IOException {
        Path free = dir.resolve("df-free-kb");
        Files.writeString(free, "300");
        board.commandPrefix = boardDf(free);
        Executor.Result r = f.run(f.sshBlock(board.port()));
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        DeployException e = f.failure();
        assertEquals(Kind.DISK_FULL, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("the board's disk is full: " + f.bundleDir() + " has 300 KB free, the bundle needs "),
                e.getMessage());
        assertFalse(Files.exists(f.bundleDir().resolve(".resnet_inst.wk.wkforge-part")), "nothing was sent");
    }

    /** A df on the board that reports the free space written in a file (POSIX df -P layout). */
    private static String boardDf(Path freeKbFile) {
        return "df() { echo 'Filesystem 1024-blocks Used Available Capacity Mounted on'; "
                + "echo \"/dev/mmcblk0p5 1000000 1 $(cat '" + freeKbFile + "') 99% /userdata\"; }; ";
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCorruptedUploadFailsTheChecksum() throws IOException {
        board.fault = BoardServer.Fault.CORRUPT;
        Executor.Result r = f.run(f.sshBlock(board.port()));
        assertEquals(Executor.Outcome.STAGE_FAILED, r.outcome());
        DeployException e = f.failure();
        assertEquals(Kind.CHECKSUM, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("resnet_inst.wk on the board does not match the bundle (sha256 "), e.getMessage());
        assertFalse(Files.exists(f.installedModel()), "install.sh never ran");
    }

    @Test
    void aBoardWithoutSha256sumIsCheckedWithMd5sumOrByReadingBack() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("busybox-like-bin"));
        for (String tool : new String[] {"sh", "mkdir", "df", "cat", "rm", "mv", "cp", "chmod", "cmp", "dirname", "tail", "sleep",
                "kill", "touch", "wc", "head", "md5sum"}) {
            Files.createSymbolicLink(bin.resolve(tool), which(tool));
        }
        board.commandPrefix = "PATH='" + bin + "'; export PATH; ";
        assertEquals(Executor.Outcome.OK, f.run(f.sshBlock(board.port())).outcome(), f.failures::toString);
        assertTrue(f.allNotes().contains("verified: md5sum on the board"), f.allNotes());
        assertTrue(f.allNotes().contains("| no sha256sum on this board: bundle not verified here"), f.allNotes());

        Files.delete(bin.resolve("md5sum"));
        assertEquals(Executor.Outcome.OK, f.run(f.sshBlock(board.port()), new DeployFixture.TestWk(f.wk), true).outcome());
        assertTrue(f.allNotes().contains("verified: SHA-256 of every file read back over SFTP"), f.allNotes());
    }

    private static Path which(String tool) {
        for (String d : new String[] {"/usr/bin", "/bin"}) {
            if (Files.isExecutable(Path.of(d, tool))) return Path.of(d, tool);
        }
        throw new AssertionError(tool + " not found");
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
