package io.wkforge.stages.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's PyTorch and torchvision (python3-torch, python3-torchvision) as an independent
 * implementation to compare with. Tests skip without them, except where WKFORGE_REQUIRE_PYTORCH=1
 * (CI installs them) makes their absence a failure.
 */
final class PyTorchPeer {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Boolean available;

    private PyTorchPeer() {}

    static synchronized boolean available() {
        if (available == null) {
            try {
                available = Files.isExecutable(PYTHON) && run(List.of("-c", "import torch, torchvision, numpy"), null, 120).isEmpty();
            } catch (IOException | AssertionError e) {
                available = false;
            }
        }
        return available;
    }

    /** Skips the calling test when PyTorch is missing, unless CI requires it. */
    static void require() {
        io.wkforge.Peers.require(io.wkforge.Peers.Peer.PYTORCH, available(), "PyTorch (/usr/bin/python3 importing torch, torchvision and numpy)");
    }

    /** Runs a script given as a resource of this package, or inline code with -c; returns stderr on failure. */
    static String run(List<String> args, Path workDir, int timeoutSeconds) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(PYTHON.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (workDir != null) pb.directory(workDir.toFile());
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process p = pb.start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("python timed out: " + cmd);
            }
            return p.exitValue() == 0 ? "" : output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Copies a script resource of this package into {@code dir} and runs it with {@code args}. */
    static void script(String resource, Path dir, String... args) throws IOException {
        Path script = dir.resolve(resource);
        try (var in = PyTorchPeer.class.getResourceAsStream(resource)) {
            Files.copy(in, script);
        }
        List<String> all = new ArrayList<>();
        all.add(script.toString());
        all.addAll(List.of(args));
        String failure = run(all, dir, 300);
        assertEquals("", failure, "python " + resource + " failed");
    }
}
