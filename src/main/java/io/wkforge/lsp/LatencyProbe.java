package io.wkforge.lsp;

import io.wkforge.lang.check.ImportResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * Measures how long diagnostics take to arrive after a one-character edit of a large recipe,
 * through the real protocol (JSON-RPC over pipes, incremental sync). Run by bench/lsp-latency.sh
 * and printed by a test; it asserts nothing about time, since machines differ.
 */
public final class LatencyProbe {
    public record Result(int lines, int diagnostics, List<Double> millis) {
        public double median() {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2);
        }

        public double max() {
            return Collections.max(millis);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "lsp diagnostics after a change, %d-line recipe (%d diagnostics): median %.1f ms, max %.1f ms over %d changes",
                    lines, diagnostics, median(), max(), millis.size());
        }
    }

    private LatencyProbe() {}

    /** A recipe of {@code lines} lines: every block, then a long class table with comments. */
    public static String generateRecipe(int lines) {
        StringBuilder sb = new StringBuilder();
        sb.append("# generated for the LSP latency probe\nparam epochs = 100\n\n");
        sb.append("frames { fps 1; format png }\nclean { duplicates 0.95; blur 60 }\nsplit { val 10%; by video; seed 42 }\n");
        sb.append("preprocess {\n  resize 256x256\n  crop 224x224\n  mean 127.5 127.5 127.5\n  std 127.5 127.5 127.5\n}\n\n");
        sb.append("train resnet18 {\n  epochs $epochs\n  batch 32\n  optimizer sgd\n  lr 0.1\n  momentum 0.9\n  weight_decay 1e-4\n  schedule step 30 60 90\n}\n\n");
        sb.append("quantize {\n  compile_mode low_bandwidth\n  image_type yuv420sp\n  calibration 20 images\n  max_top1_drop 1%\n}\n\n");
        sb.append("deploy taurus { via dir \"/srv/nfs/taurus\" }\n\nclasses {\n");
        int used = (int) sb.chars().filter(c -> c == '\n').count();
        int rows = lines - used - 2;
        for (int i = 1; i <= rows; i++) {
            if (i % 10 == 0) sb.append("  # group ").append(i / 10).append('\n');
            else sb.append(String.format("  %04d kitchen item%04d videos \"videos/item%04d/*.mp4\"%n", i, i, i));
        }
        sb.append(String.format("  %04d other background videos \"videos/background/*.mp4\" background%n}%n", rows + 1));
        return sb.toString();
    }

    /**
     * @param withVideos create the video files the class table names, so the recipe is clean;
     *                   without them every class gets a "matches no file" warning (thousands of diagnostics)
     */
    public static Result measure(Path dir, int lines, int changes, boolean withVideos) throws Exception {
        String text = generateRecipe(lines);
        Files.createDirectories(dir);
        Path file = dir.resolve("large.recipe");
        Files.writeString(file, text);
        if (withVideos) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(videos/[^\"*]+)/\\*\\.mp4\"").matcher(text);
            while (m.find()) {
                Path videoDir = Files.createDirectories(dir.resolve(m.group(1)));
                Files.writeString(videoDir.resolve("clip.mp4"), "");
            }
        }
        String uri = file.toUri().toString();
        int epochsLine = (int) text.substring(0, text.indexOf("  epochs $epochs")).chars().filter(c -> c == '\n').count();
        try (LspSession session = LspSession.start(ImportResolver.standard())) {
            session.initialize();
            session.open(uri, text);
            PublishDiagnosticsParams first = session.awaitDiagnostics(uri, 1, 60_000);
            List<Double> millis = new ArrayList<>();
            int warmup = 30; // the JIT needs a few dozen checks before times settle
            for (int i = 0; i < warmup + changes; i++) {
                int version = i + 2;
                // Alternate `batch 32` <-> `batch 33`: a one-character edit, as when typing.
                var change = new TextDocumentContentChangeEvent(
                        new Range(new Position(epochsLine + 1, 9), new Position(epochsLine + 1, 10)), i % 2 == 0 ? "3" : "2");
                long t0 = System.nanoTime();
                session.change(uri, version, change);
                session.awaitDiagnostics(uri, version, 60_000);
                if (i >= warmup) millis.add((System.nanoTime() - t0) / 1e6);
            }
            return new Result(text.split("\n", -1).length - 1, first.getDiagnostics().size(), millis);
        }
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path dir = Files.createTempDirectory("wkforge-lsp-bench");
        try {
            System.out.println(measure(dir, lines, 30, true) + " (video files present)");
            System.out.println(measure(dir.resolve("novideos"), lines, 30, false) + " (no video files)");
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        System.exit(0);
    }
}
