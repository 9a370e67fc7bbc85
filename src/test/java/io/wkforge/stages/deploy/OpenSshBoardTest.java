package io.wkforge.stages.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.run.Executor;
import io.wkforge.run.Finding;
import io.wkforge.stages.deploy.DeployException.Kind;
import io.wkforge.stages.deploy.ssh.SshDoctor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same deploy against a real OpenSSH server on loopback (Debian's openssh-server), with
 * ed25519 keys made by ssh-keygen, a hashed known_hosts file and a real ssh-agent: the
 * independent implementation our client must agree with. Skipped when OpenSSH is not installed,
 * except in CI, which sets WKFORGE_REQUIRE_OPENSSH_TESTS=1 and installs it.
 */
class OpenSshBoardTest {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    @TempDir
    Path dir;

    DeployFixture f;
    Path ssh;
    int port;
    Process sshd;
    final List<Process> agents = new ArrayList<>();
    String user = System.getProperty("user.name");

    @BeforeEach
    void startSshd() throws Exception {
        requireOpenSsh();
        f = new DeployFixture(dir);
        ssh = Files.createDirectories(dir.resolve("openssh"));
        tool("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "board", "-f", ssh.resolve("host_ed25519").toString());
        tool("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-C", "board", "-f", ssh.resolve("host_ecdsa").toString());
        tool("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "user", "-f", ssh.resolve("id_ed25519").toString());
        Files.copy(ssh.resolve("id_ed25519.pub"), ssh.resolve("authorized_keys"));
        f.keyFile = ssh.resolve("id_ed25519");
        port = freePort();
        sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", "/dev/null", "-p", String.valueOf(port),
                "-o", "ListenAddress=127.0.0.1", "-h", ssh.resolve("host_ecdsa").toString(), "-h", ssh.resolve("host_ed25519").toString(),
                "-o", "AuthorizedKeysFile=" + ssh.resolve("authorized_keys"), "-o", "StrictModes=no", "-o", "UsePAM=no",
                "-o", "PidFile=" + ssh.resolve("sshd.pid"), "-o", "Subsystem=sftp internal-sftp")
                .redirectErrorStream(true).redirectOutput(ssh.resolve("sshd.log").toFile()).start();
        waitForPort();
        // known_hosts as `ssh` writes it with HashKnownHosts: the board's name is hashed. Only the board's
        // ed25519 key is known, though it also has an ecdsa one, which MINA's client would rather take.
        Files.writeString(f.knownHosts, "[127.0.0.1]:" + port + " " + Files.readString(ssh.resolve("host_ed25519.pub")));
        tool("ssh-keygen", "-q", "-H", "-f", f.knownHosts.toString());
        assertTrue(Files.readString(f.knownHosts).startsWith("|1|"), "hashed");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (sshd != null) {
            sshd.destroy();
            sshd.waitFor(5, TimeUnit.SECONDS);
        }
        for (Process a : agents) a.destroy();
    }

    @Test
    void deploysToOpenSsh() throws Exception {
        // a stale copy from an earlier deploy: the upload must replace it (posix-rename over an existing file)
        Files.createDirectories(f.bundleDir());
        Files.writeString(f.bundleDir().resolve("resnet_inst.wk"), "an older model");
        Executor.Result r = f.run(f.sshBlock(port, "user \"" + user + "\"", "run \"echo app up\"", "follow 5"));
        assertEquals(Executor.Outcome.OK, r.outcome(), () -> r.failures() + "\n" + f.allNotes() + "\n" + log());
        assertArrayEquals(f.wk, Files.readAllBytes(f.bundleDir().resolve("resnet_inst.wk")));
        assertArrayEquals(f.wk, Files.readAllBytes(f.installedModel()));
        String notes = f.allNotes();
        assertTrue(notes.contains("(host key ssh-ed25519 SHA256:"), notes);
        assertTrue(notes.contains("verified: sha256sum on the board"), notes);
        assertTrue(notes.contains("| app up"), notes);
        assertTrue(notes.contains("app: exited with status 0"), notes);
        assertFalse(Files.exists(f.bundleDir().resolve(".resnet_inst.wk.wkforge-part")));

        List<Finding> doctor = SshDoctor.check(DeployFixtureSettings.of(f, f.sshBlock(port, "user \"" + user + "\"")), name -> null);
        assertEquals(List.of(Finding.Status.OK, Finding.Status.OK, Finding.Status.OK), doctor.stream().map(Finding::status).toList(),
                doctor::toString);
    }

    @Test
    void aKeyAcceptedOnFirstContactIsOneOpenSshTrustsToo() throws Exception {
        Files.delete(f.knownHosts);
        List<Finding> first = SshDoctor.check(DeployFixtureSettings.of(f, f.sshBlock(port, "user \"" + user + "\"",
                "host_key accept_new")), name -> null);
        assertTrue(first.get(0).detail().contains("accepted and added to " + f.knownHosts), first::toString);
        // OpenSSH's own client, strict, with nothing but the file wkforge wrote
        String out = tool("ssh", "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + f.knownHosts, "-o", "BatchMode=yes",
                "-o", "IdentitiesOnly=yes", "-F", "/dev/null", "-i", f.keyFile.toString(), "-p", String.valueOf(port),
                user + "@127.0.0.1", "echo trusted");
        assertEquals("trusted\n", out);
    }

    @Test
    void aChangedHostKeyIsRefused() throws Exception {
        tool("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", ssh.resolve("other").toString());
        Files.writeString(f.knownHosts, "[127.0.0.1]:" + port + " " + Files.readString(ssh.resolve("other.pub")));
        f.run(f.sshBlock(port, "user \"" + user + "\""));
        DeployException e = f.failure();
        assertEquals(Kind.HOST_KEY_CHANGED, e.kind(), e.getMessage());
        String otherFp = fingerprint(ssh.resolve("other.pub"));
        String boardFp = fingerprint(ssh.resolve("host_ed25519.pub"));
        assertTrue(e.getMessage().contains("offered host key ssh-ed25519 " + boardFp + ", but " + f.knownHosts + " holds ssh-ed25519 "
                + otherFp), e.getMessage());
    }

    @Test
    void logsInWithTheSshAgentsKey() throws Exception {
        Path sock = ssh.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true)
                .redirectOutput(ssh.resolve("agent.log").toFile()).start();
        agents.add(agent);
        // the socket appears before the agent listens on it: try ssh-add until the agent answers
        String added = "";
        for (int i = 0; i < 50; i++) {
            ProcessBuilder add = new ProcessBuilder("ssh-add", ssh.resolve("id_ed25519").toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            Process p = add.start();
            added = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0) break;
            added = "ssh-add failed: " + added;
            Thread.sleep(100);
        }
        assertFalse(added.startsWith("ssh-add failed"), added);

        String block = f.sshBlock(port, "user \"" + user + "\"").replace("  key \"" + dir.relativize(f.keyFile) + "\"\n", "");
        f.env.put("SSH_AUTH_SOCK", sock.toString());
        Executor.Result r = f.run(block);
        assertEquals(Executor.Outcome.OK, r.outcome(), () -> r.failures() + "\n" + f.allNotes() + "\n" + log());
        List<Finding> doctor = SshDoctor.check(DeployFixtureSettings.of(f, block), f.env::get);
        assertEquals("login as " + user + " works (the SSH agent's keys)", doctor.get(1).detail());

        f.env.remove("SSH_AUTH_SOCK");
        f.run(block, new DeployFixture.TestWk(f.wk), true);
        assertEquals(Kind.AUTH, f.failure().kind());
        assertTrue(f.failure().getMessage().startsWith("no way to log in to the board"), f.failure().getMessage());
    }

    private String fingerprint(Path pub) throws Exception {
        return tool("ssh-keygen", "-l", "-E", "sha256", "-f", pub.toString()).split(" ")[1];
    }

    private String log() {
        try {
            return Files.readString(ssh.resolve("sshd.log"));
        } catch (IOException e) {
            return "(no sshd log)";
        }
    }

    private static String tool(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new AssertionError(String.join(" ", command) + " failed: " + out);
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void waitForPort() throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (!sshd.isAlive()) throw new AssertionError("sshd exited: " + log());
                Thread.sleep(50);
            }
        }
        throw new AssertionError("sshd did not start: " + log());
    }

    /**
     * OpenSSH's server, client, ssh-keygen, ssh-agent and ssh-add; as root, sshd also needs its privilege
     * separation folder (/run/sshd, which the package's boot-time setup creates).
     */
    private static void requireOpenSsh() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(SSHD)) missing.add(SSHD.toString());
        for (String t : new String[] {"ssh", "ssh-keygen", "ssh-agent", "ssh-add"}) {
            if (!Files.isExecutable(Path.of("/usr/bin", t))) missing.add(t);
        }
        if ("root".equals(System.getProperty("user.name")) && !Files.isDirectory(Path.of("/run/sshd"))) {
            missing.add("/run/sshd (mkdir -p /run/sshd)");
        }
        if (missing.isEmpty()) return;
        io.wkforge.Peers.require(io.wkforge.Peers.Peer.OPENSSH, false, "OpenSSH test tools (" + String.join(", ", missing) + ")");
    }
}
