import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lsp.LargeRecipes;
import io.wkforge.lsp.LspSession;
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
 * How long diagnostics take to arrive after a one-character edit of a generated recipe, through
 * the real protocol (JSON-RPC over pipes, incremental sync), after a warm-up. Run by
 * bench/lsp-latency.sh, with and without the video files the class table names.
 */
public class LspLatencyBench {
    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path dir = Files.createTempDirectory("wkforge-lsp-bench");
        try {
            System.out.println(measure(dir.resolve("videos-present"), lines, true) + " (video files present)");
            System.out.println(measure(dir.resolve("no-videos"), lines, false) + " (no video files)");
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        System.exit(0);
    }

    static String measure(Path dir, int lines, boolean withVideos) throws Exception {
        String text = LargeRecipes.generate(lines);
        Files.createDirectories(dir);
        if (withVideos) LargeRecipes.writeVideos(dir, text);
        Path file = Files.writeString(dir.resolve("large.recipe"), text);
        String uri = file.toUri().toString();
        int line = LargeRecipes.batchLine(text);
        int changes = 30;
        try (LspSession session = LspSession.start(ImportResolver.standard())) {
            session.initialize();
            session.open(uri, text);
            PublishDiagnosticsParams first = session.awaitDiagnostics(uri, 1, 60_000);
            List<Double> millis = new ArrayList<>();
            int warmup = 30; // the JIT needs a few dozen checks before times settle
            for (int i = 0; i < warmup + changes; i++) {
                int version = i + 2;
                // `batch 32` <-> `batch 33`: a one-character edit, as when typing
                var change = new TextDocumentContentChangeEvent(new Range(new Position(line, 9), new Position(line, 10)),
                        i % 2 == 0 ? "3" : "2");
                long t0 = System.nanoTime();
                session.change(uri, version, change);
                session.awaitDiagnostics(uri, version, 60_000);
                if (i >= warmup) millis.add((System.nanoTime() - t0) / 1e6);
            }
            Collections.sort(millis);
            return String.format(java.util.Locale.ROOT,
                    "lsp diagnostics after a change, %d-line recipe (%d diagnostics): median %.1f ms, max %.1f ms over %d changes",
                    lines, first.getDiagnostics().size(), millis.get(millis.size() / 2), millis.get(millis.size() - 1), millis.size());
        }
    }
}
