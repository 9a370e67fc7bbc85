package io.wkforge.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wkforge.lang.check.ImportResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large recipe (2,000 lines, about 1,800 classes) edited through the real protocol (incremental
 * sync): each edit's diagnostics arrive for that version and point at the edited line. How fast
 * is measured by bench/lsp-latency.sh (5,000 lines), not here.
 */
class LargeRecipeEditTest {
    @Test
    void editsOfALargeRecipeGetDiagnosticsForTheirVersionAtTheEditedLine(@TempDir Path dir) throws Exception {
        // every class names one shared video: creating a folder per class would cost more than the test
        String text = LargeRecipes.generate(2000).replaceAll("\"videos/[^\"]+\"", "\"clip.mp4\"");
        assertEquals(2000, text.split("\n", -1).length - 1);
        Files.writeString(dir.resolve("clip.mp4"), "");
        Path file = Files.writeString(dir.resolve("large.recipe"), text);
        String uri = file.toUri().toString();
        int line = LargeRecipes.batchLine(text);
        try (LspSession session = LspSession.start(ImportResolver.standard())) {
            session.initialize();
            session.open(uri, text);
            assertEquals(List.of(), besidesBoardApp(session.awaitDiagnostics(uri, 1, 60_000)), "the generated recipe is clean");

            // `batch 32` -> `batch 0`: out of range
            session.change(uri, 2, new TextDocumentContentChangeEvent(new Range(new Position(line, 8), new Position(line, 10)), "0"));
            PublishDiagnosticsParams broken = session.awaitDiagnostics(uri, 2, 60_000);
            assertEquals(2, broken.getVersion());
            assertEquals(1, besidesBoardApp(broken).size(), broken::toString);
            assertEquals("E105", besidesBoardApp(broken).get(0).getCode().getLeft());
            assertEquals(line, besidesBoardApp(broken).get(0).getRange().getStart().getLine());

            session.change(uri, 3, new TextDocumentContentChangeEvent(new Range(new Position(line, 8), new Position(line, 9)), "33"));
            PublishDiagnosticsParams fixed = session.awaitDiagnostics(uri, 3, 60_000);
            assertEquals(List.of(), besidesBoardApp(fixed));
        }
    }

    /**
     * The generated recipe's 1,770 classes cannot fit the stock camera app's category ranges, and
     * the board-app warning (W127) says so, truly; this test is about the edited line.
     */
    private static List<org.eclipse.lsp4j.Diagnostic> besidesBoardApp(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream()
                .filter(d -> !List.of("W126", "W127").contains(d.getCode().getLeft()))
                .toList();
    }
}
