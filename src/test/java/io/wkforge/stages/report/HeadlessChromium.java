package io.wkforge.stages.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, run on a page file with no network and a throw-away profile.
 * Missing Chromium skips a test, unless WKFORGE_REQUIRE_BROWSER_TESTS is set (CI), where it fails.
 */
final class HeadlessChromium {
    /** Console output lines Chromium logs with --enable-logging=stderr: errors, warnings and console.log alike. */
    private static final Pattern CONSOLE = Pattern.compile(".*:CONSOLE[:(].*");

    record Result(int exitCode, String output) {
        List<String> consoleMessages() {
            return output.lines().filter(l -> CONSOLE.matcher(l).matches()).toList();
        }
    }

    private HeadlessChromium() {}

    static Path require() {
        for (String candidate : new String[] {System.getenv("WKFORGE_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && Files.isExecutable(Path.of(candidate))) return Path.of(candidate);
        }
        io.wkforge.Peers.require(io.wkforge.Peers.Peer.CHROMIUM, false, "Chromium");
        return null;
    }

    /** Runs Chromium with the given arguments after the common ones; its profile lives under {@code scratch}. */
    static Result run(Path scratch, List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(require().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        command.addAll(args);
        Path log = scratch.resolve("chromium-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish in 120 s: " + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
