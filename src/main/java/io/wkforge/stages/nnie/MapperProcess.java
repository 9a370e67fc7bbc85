package io.wkforge.stages.nnie;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of an external program with its output (stdout and stderr together) streamed line by
 * line to a log file and to a listener as it comes, a timeout, and its whole process tree
 * stopped when it runs too long or when wkforge itself is stopped (Ctrl-C, kill).
 */
final class MapperProcess {
    /** How it ended; {@code lines} is the whole output. */
    record Outcome(int exitCode, boolean timedOut, List<String> lines, double seconds) {}

    private MapperProcess() {}

    static Outcome run(List<String> command, Path workDir, Path log, long timeoutSeconds, Consumer<String> onLine)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        Thread stopper = new Thread(() -> stop(p), "wkforge-stop-mapper");
        Runtime.getRuntime().addShutdownHook(stopper);
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; ) {
                    out.write(line);
                    out.write('\n');
                    out.flush();
                    synchronized (lines) {
                        lines.add(line);
                    }
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // the process went away; what it wrote so far is in the log
            }
        }, "wkforge-mapper-output");
        reader.setDaemon(true);
        reader.start();
        try {
            boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) stop(p);
            reader.join(TimeUnit.SECONDS.toMillis(10));
            synchronized (lines) {
                return new Outcome(finished ? p.exitValue() : -1, !finished, List.copyOf(lines), (System.nanoTime() - start) / 1e9);
            }
        } catch (InterruptedException e) {
            stop(p);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    /** Stops the process and everything it started: politely, then for good. */
    private static void stop(Process p) {
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        all.forEach(ProcessHandle::destroy);
        try {
            p.waitFor(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        all.forEach(h -> {
            if (h.isAlive()) h.destroyForcibly();
        });
    }
}
