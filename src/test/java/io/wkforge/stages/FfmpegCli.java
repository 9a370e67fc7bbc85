package io.wkforge.stages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;

/**
 * The ffmpeg and ffprobe command-line tools, as an independent oracle and a generator of test
 * videos. JavaCV's FFmpeg jar ships both executables (FFmpeg 8), so no system FFmpeg is needed
 * for them; H.264 with B-frames and HEVC need the libx264/libx265 encoders that jar lacks, so
 * those come from a system ffmpeg (Debian's), which CI installs and requires
 * ({@code WKFORGE_REQUIRE_FFMPEG_CLI=1}).
 */
public final class FfmpegCli {
    private static Path bundledFfmpeg;
    private static Path bundledFfprobe;
    private static Path system;
    private static boolean systemLooked;

    private FfmpegCli() {}

    public static synchronized Path ffmpeg() {
        if (bundledFfmpeg == null) bundledFfmpeg = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
        return bundledFfmpeg;
    }

    public static synchronized Path ffprobe() {
        if (bundledFfprobe == null) bundledFfprobe = Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
        return bundledFfprobe;
    }

    /** A system ffmpeg with libx264 and libx265, or null (an error where CI requires one). */
    public static synchronized Path systemWithX264AndX265() {
        if (systemLooked) return system;
        systemLooked = true;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "ffmpeg");
            if (!Files.isExecutable(candidate)) continue;
            try {
                String encoders = new String(run(candidate, "-hide_banner", "-encoders"), StandardCharsets.UTF_8);
                if (encoders.contains("libx264") && encoders.contains("libx265")) {
                    system = candidate;
                    break;
                }
            } catch (RuntimeException ignored) {
                // not a usable ffmpeg
            }
        }
        io.wkforge.Peers.optional(io.wkforge.Peers.Peer.FFMPEG_CLI, system != null, "an ffmpeg with libx264 and libx265 on PATH");
        return system;
    }

    /** Runs a tool and returns its standard output; fails with its error output when it fails. */
    public static byte[] run(Path tool, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool.toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            byte[] out = readAll(p.getInputStream());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", cmd));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("failed (" + p.exitValue() + "): " + String.join(" ", cmd) + "\n"
                        + new String(err.join(), StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public static String text(Path tool, String... args) {
        return new String(run(tool, args), StandardCharsets.UTF_8);
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
