package io.wkforge.editor;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the external tools the editor tests need (Vim, npm packages). Missing tools skip a test on
 * a developer machine, but fail it when WKFORGE_REQUIRE_EDITOR_TESTS=1 (CI), so CI cannot pass by
 * silently skipping. editor-support/install-test-tools.sh installs them.
 */
final class EditorTools {
    static final Path REPO = Path.of("").toAbsolutePath();
    static final Path VSCODE = REPO.resolve("editor-support/vscode");

    private EditorTools() {}

    static void requireTool(boolean available, String what) {
        if (available) return;
        io.wkforge.Peers.require(io.wkforge.Peers.Peer.EDITOR_TOOLS, false, what);
    }

    record Result(int exitCode, String output) {}

    static Result run(Path dir, List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("editor-tool", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
