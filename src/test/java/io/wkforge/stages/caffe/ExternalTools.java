package io.wkforge.stages.caffe;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's PyTorch and Chromium, which the export tests use as independent peers. Missing, they
 * skip a test on a developer machine but fail it in CI, where .ci/run installs them and sets
 * WKFORGE_REQUIRE_TORCH_TESTS=1 / WKFORGE_REQUIRE_BROWSER_TESTS=1.
 */
final class ExternalTools {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private ExternalTools() {}

    record Result(int exitCode, String output) {}

    static void requireTorch() throws IOException, InterruptedException {
        boolean ok = Files.isExecutable(PYTHON)
                && run(List.of(PYTHON.toString(), "-c", "import torch, torchvision, numpy"), 120).exitCode() == 0;
        io.wkforge.Peers.require(io.wkforge.Peers.Peer.PYTORCH, ok, "Debian's python3-torch, python3-torchvision and python3-numpy (/usr/bin/python3)");
    }

    static void requireChromium() {
        io.wkforge.Peers.require(io.wkforge.Peers.Peer.CHROMIUM, Files.isExecutable(CHROMIUM), "chromium (/usr/bin/chromium)");
    }

    static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("tool", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
