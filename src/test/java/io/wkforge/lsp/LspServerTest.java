package io.wkforge.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.check.Checker;
import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lang.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server end to end: an LSP4J client sends JSON-RPC over pipes, as VS Code does over stdio. */
class LspServerTest {
    @TempDir Path dir;
    private LspSession session;

    @BeforeEach
    void start() throws Exception {
        session = LspSession.start(ImportResolver.standard());
        session.initialize();
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    private String open(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        String uri = file.toUri().toString();
        session.open(uri, text);
        return uri;
    }

    @Test
    void diagnosticsHaveTheCheckersCodesAndRanges() throws Exception {
        String text = "frames { fps 0; fromat png }\ntrain resnet18 {\n  epochs $epoch\n}\nbogus { }\n";
        String uri = open("bad.recipe", text);
        PublishDiagnosticsParams published = session.awaitDiagnostics(uri, 1, 30_000);

        Path file = dir.resolve("bad.recipe");
        SourceFile src = SourceFile.read(file);
        CheckResult expected = Checker.check(src, Checker.Options.DEFAULT, ImportResolver.standard());
        assertFalse(expected.diagnostics().isEmpty());
        assertEquals(expected.diagnostics().size(), published.getDiagnostics().size());
        for (int i = 0; i < expected.diagnostics().size(); i++) {
            var want = expected.diagnostics().get(i);
            Diagnostic got = published.getDiagnostics().get(i);
            assertEquals(want.codeId(), got.getCode().getLeft());
            assertEquals(want.line() - 1, got.getRange().getStart().getLine(), want.message());
            assertEquals(want.column() - 1, got.getRange().getStart().getCharacter(), want.message());
            assertEquals(src.column(want.span().end()) - 1, got.getRange().getEnd().getCharacter(), want.message());
            assertTrue(got.getMessage().startsWith(want.message()), got.getMessage());
        }
    }

    @Test
    void incrementalChangesUpdateDiagnostics() throws Exception {
        String uri = open("r.recipe", "frames { fps 0 }\n");
        assertEquals(1, session.awaitDiagnostics(uri, 1, 30_000).getDiagnostics().size());
        // Replace `0` by `2`: the range error goes away.
        session.change(uri, 2, new TextDocumentContentChangeEvent(new Range(new Position(0, 13), new Position(0, 14)), "2"));
        assertEquals(List.of(), session.awaitDiagnostics(uri, 2, 30_000).getDiagnostics());
        // Type a half line: a syntax error, still published.
        session.change(uri, 3, new TextDocumentContentChangeEvent(new Range(new Position(1, 0), new Position(1, 0)), "train {\n  epochs \"x\n"));
        List<Diagnostic> broken = session.awaitDiagnostics(uri, 3, 30_000).getDiagnostics();
        assertTrue(broken.stream().anyMatch(d -> d.getCode().getLeft().startsWith("E0")), broken.toString());
    }

    @Test
    void hugeNumbersArePublishedAsRangeErrors() throws Exception {
        String uri = open("n.recipe", "train resnet18 {\n  lr 1e9999999999\n  epochs 99999999999999999999999999999999999999\n}\n");
        List<Diagnostic> diags = session.awaitDiagnostics(uri, 1, 30_000).getDiagnostics();
        assertEquals(List.of("E105", "E105"), diags.stream().map(d -> d.getCode().getLeft()).toList());
        assertEquals(1, diags.get(0).getRange().getStart().getLine());
    }

    @Test
    void positionsAfterAnEmojiAreRight() throws Exception {
        String line0 = "frames { fps 1 } # \uD83D\uDE00 ok";
        String line1 = "deploy taurus { host \"\uD83D\uDE00\uD83D\uDE00\"; remote_dir \"/x\"; fsp 2 }";
        String uri = open("emoji.recipe", line0 + "\n" + line1 + "\n");
        List<Diagnostic> diags = session.awaitDiagnostics(uri, 1, 30_000).getDiagnostics();
        Diagnostic fsp = diags.stream().filter(d -> "E102".equals(d.getCode().getLeft())).findFirst().orElseThrow(() -> new AssertionError(diags.toString()));
        assertEquals(new Position(1, line1.indexOf("fsp")), fsp.getRange().getStart());
        Hover h = session.server().getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(1, line1.indexOf("remote_dir") + 1)))
                .get(10, TimeUnit.SECONDS);
        assertNotNull(h, "the word under the cursor, counted in UTF-16 units as LSP does");
        assertEquals(new Position(1, line1.indexOf("remote_dir")), h.getRange().getStart());
    }

    @Test
    void aCheckerBugIsPublishedAsAnErrorNotAsACleanFile() throws Exception {
        ImportResolver broken = new ImportResolver(null) {
            @Override
            public Lookup resolve(String path, SourceFile from) {
                throw new IllegalStateException("a bug in the resolver");
            }
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(DiagnosticsPublisher.class.getName());
        log.setLevel(java.util.logging.Level.OFF); // the stack trace this logs is expected here
        try (LspSession other = LspSession.start(broken)) {
            other.initialize();
            Path file = dir.resolve("u.recipe");
            Files.writeString(file, "use \"x\"\n");
            other.open(file.toUri().toString(), "use \"x\"\n");
            List<Diagnostic> diags = other.awaitDiagnostics(file.toUri().toString(), 1, 30_000).getDiagnostics();
            assertEquals(1, diags.size(), diags.toString());
            assertEquals("E900", diags.get(0).getCode().getLeft());
            assertTrue(diags.get(0).getMessage().contains("IllegalStateException: a bug in the resolver"), diags.get(0).getMessage());
        } finally {
            log.setLevel(null);
        }
    }

    @Test
    void aVideoAddedOnDiskIsSeenAtTheNextChange() throws Exception {
        String text = "classes {\n  1 scene tree videos \"v/*.mp4\"\n  2 other background videos \"v/*.mp4\" background\n}\n";
        String uri = open("videos.recipe", text);
        assertEquals(List.of("W150", "W150"), session.awaitDiagnostics(uri, 1, 30_000).getDiagnostics().stream()
                .map(d -> d.getCode().getLeft()).toList());
        Files.createDirectories(dir.resolve("v"));
        Files.writeString(dir.resolve("v/a.mp4"), "");
        session.change(uri, 2, new TextDocumentContentChangeEvent(new Range(new Position(4, 0), new Position(4, 0)), "\n"));
        assertEquals(List.of(), session.awaitDiagnostics(uri, 2, 30_000).getDiagnostics());
    }

    @Test
    void diagnosticsInAnImportShowOnTheUseLine() throws Exception {
        Files.writeString(dir.resolve("base.recipe"), "frames { fps -1 }\n");
        String uri = open("main.recipe", "use \"base\"\nsplit { seed 1 }\n");
        List<Diagnostic> diags = session.awaitDiagnostics(uri, 1, 30_000).getDiagnostics();
        assertEquals(1, diags.size(), diags.toString());
        assertEquals(0, diags.get(0).getRange().getStart().getLine());
        assertTrue(diags.get(0).getMessage().contains("base.recipe:1:"), diags.get(0).getMessage());
    }

    private List<String> complete(String uri, int line, int character) throws Exception {
        List<CompletionItem> items = session.server().getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(line, character)))
                .get(10, TimeUnit.SECONDS).getLeft();
        return items.stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void completionKnowsWhereItIs() throws Exception {
        String text = "param e = 3\n\ntrain resnet18 {\n  optimizer \n  ep\n}\nframes { format  }\nquantize {\n  calibration 20 \n";
        String uri = open("c.recipe", text);
        List<String> top = complete(uri, 1, 0);
        assertTrue(top.containsAll(List.of("train", "frames", "classes", "quantize", "use", "param")), top.toString());
        assertFalse(top.contains("epochs"));

        List<String> optimizer = complete(uri, 3, 12);
        assertTrue(optimizer.containsAll(List.of("sgd", "adam", "adamw")), optimizer.toString());
        assertFalse(optimizer.contains("png"));

        List<String> settings = complete(uri, 4, 4);
        assertTrue(settings.containsAll(List.of("epochs", "batch", "optimizer")), settings.toString());
        assertFalse(settings.contains("fps"), "fps belongs to frames");

        List<String> format = complete(uri, 6, 16);
        assertEquals(List.of("png", "jpg", "$e"), format);

        // An unclosed block at the end of a file still completes.
        List<String> unit = complete(uri, 8, 17);
        assertTrue(unit.contains("images"), unit.toString());
    }

    @Test
    void completionLeavesOutSettingsTheBlockAlreadySets() throws Exception {
        String uri = open("s.recipe", "train resnet18 {\n  epochs 3\n  \n  lr 0.01\n}\nframes {\n  \n}\n");
        List<String> train = complete(uri, 2, 2);
        assertFalse(train.contains("epochs") || train.contains("lr"), "set already, a second would be a duplicate: " + train);
        assertTrue(train.containsAll(List.of("batch", "optimizer")), train.toString());
        assertTrue(complete(uri, 6, 2).contains("fps"), "another block's settings are its own");
    }

    @Test
    void completionOfParamsAfterDollar() throws Exception {
        String uri = open("p.recipe", "param epochs = 3\nparam lr0 = 0.1\ntrain resnet18 {\n  epochs $\n}\n");
        assertEquals(List.of("$epochs", "$lr0"), complete(uri, 3, 10));
    }

    private String hover(String uri, int line, int character) throws Exception {
        Hover h = session.server().getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(line, character))).get(10, TimeUnit.SECONDS);
        return h == null ? null : h.getContents().getRight().getValue();
    }

    @Test
    void hoverShowsTheSchema() throws Exception {
        String uri = open("h.recipe", "frames { fps 2 }\nsplit { by video }\nparam n = 7\ntrain resnet18 { epochs $n }\n");
        String fps = hover(uri, 0, 10);
        assertTrue(fps.contains("frames.fps"), fps);
        assertTrue(fps.contains("Frames kept per second"), fps);
        assertTrue(fps.contains("default: `1`"), fps);
        assertTrue(fps.contains("range: greater than 0 and at most 120"), fps);
        assertTrue(fps.contains("read by: frames"), fps);
        assertTrue(hover(uri, 0, 1).contains("block `frames`"));
        assertTrue(hover(uri, 1, 12).contains("all frames of a video go to the same side"));
        assertTrue(hover(uri, 3, 8).contains("ResNet-18"));
        assertTrue(hover(uri, 3, 26).contains("= `7`"));
    }

    @Test
    void brokenFilesStillAnswer() throws Exception {
        String text = "train resnet18 {\n  epochs \"unterminated\n  batch 32 ]]] \n  optimizer \nframes { fps";
        String uri = open("broken.recipe", text);
        assertFalse(session.awaitDiagnostics(uri, 1, 30_000).getDiagnostics().isEmpty());
        assertTrue(complete(uri, 3, 12).contains("sgd"));
        assertTrue(hover(uri, 2, 3).contains("train.batch"));
        assertEquals(List.of(), format(uri), "a file with syntax errors is left alone");

        // The outline comes from the parser's partial tree: blocks that close survive errors inside them.
        String closed = open("broken2.recipe", "train resnet18 {\n  epochs \"unterminated\n  batch 32 ]]]\n}\nframes { fps 1 }\n");
        assertEquals(List.of("train resnet18", "frames"), symbols(closed).stream().map(DocumentSymbol::getName).toList());
    }

    private List<DocumentSymbol> symbols(String uri) throws Exception {
        return session.server().getTextDocumentService().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri)))
                .get(10, TimeUnit.SECONDS).stream().map(e -> e.getRight()).toList();
    }

    @Test
    void outlineListsImportsParamsBlocksSettingsAndClasses() throws Exception {
        String uri = open("s.recipe", "use \"targets/hi3516dv300\"\nparam e = 3\nclasses {\n  1 kitchen mushroom videos \"a/*.mp4\"\n}\n"
                + "train resnet18 {\n  epochs $e\n}\n");
        List<DocumentSymbol> s = symbols(uri);
        assertEquals(List.of("use \"targets/hi3516dv300\"", "$e", "classes", "train resnet18"), s.stream().map(DocumentSymbol::getName).toList());
        assertEquals("1 mushroom", s.get(2).getChildren().get(0).getName());
        assertEquals("epochs", s.get(3).getChildren().get(0).getName());
        assertEquals("$e", s.get(3).getChildren().get(0).getDetail());
    }

    private List<TextEdit> format(String uri) throws Exception {
        return List.copyOf(session.server().getTextDocumentService()
                .formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(2, true)))
                .get(10, TimeUnit.SECONDS));
    }

    @Test
    void formattingUsesTheFormatter() throws Exception {
        String text = "frames{fps 1;format png}\ntrain   resnet18 {\nepochs 3\n}\n";
        String uri = open("f.recipe", text);
        List<TextEdit> edits = format(uri);
        assertEquals(1, edits.size());
        String formatted = io.wkforge.lang.format.Formatter.format(io.wkforge.lang.syntax.Parser.parse(SourceFile.of("f", text)));
        assertEquals(formatted, edits.get(0).getNewText());
        assertTrue(formatted.contains("  epochs 3"), formatted);
        assertEquals(new Range(new Position(0, 0), new Position(4, 0)), edits.get(0).getRange());
    }

    private List<? extends Location> definition(String uri, int line, int character) throws Exception {
        return session.server().getTextDocumentService()
                .definition(new DefinitionParams(new TextDocumentIdentifier(uri), new Position(line, character)))
                .get(10, TimeUnit.SECONDS).getLeft();
    }

    @Test
    void definitionOfUseAndParam() throws Exception {
        Files.writeString(dir.resolve("shared.recipe"), "# shared\nparam base_lr = 0.1\n");
        String uri = open("d.recipe", "use \"shared\"\nparam e = 3\ntrain resnet18 {\n  epochs $e\n  lr $base_lr\n}\n");

        List<? extends Location> use = definition(uri, 0, 7);
        assertEquals(1, use.size());
        assertEquals(dir.resolve("shared.recipe").toUri().toString(), use.get(0).getUri());

        List<? extends Location> param = definition(uri, 3, 11);
        assertEquals(uri, param.get(0).getUri());
        assertEquals(new Range(new Position(1, 6), new Position(1, 7)), param.get(0).getRange());

        List<? extends Location> imported = definition(uri, 4, 8);
        assertEquals(dir.resolve("shared.recipe").toUri().toString(), imported.get(0).getUri());
        assertEquals(1, imported.get(0).getRange().getStart().getLine());

        assertEquals(List.of(), definition(uri, 2, 1), "a block name has no definition");
    }

    @Test
    void pendingDiagnosticsAreNotLostOnRapidChanges() throws Exception {
        String uri = open("fast.recipe", "frames { fps 1 }\n");
        session.awaitDiagnostics(uri, 1, 30_000);
        for (int v = 2; v <= 40; v++) {
            session.change(uri, v, new TextDocumentContentChangeEvent(new Range(new Position(0, 13), new Position(0, 14)),
                    v == 40 ? "0" : String.valueOf(v % 9 + 1)));
        }
        PublishDiagnosticsParams last = session.awaitDiagnostics(uri, 40, 30_000);
        assertNotNull(last);
        assertEquals(1, last.getDiagnostics().size(), "fps 0 is out of range");
    }
}
