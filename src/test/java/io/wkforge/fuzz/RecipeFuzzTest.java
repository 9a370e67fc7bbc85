package io.wkforge.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.wkforge.lang.Recipes;
import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.check.Checker;
import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.DiagnosticJson;
import io.wkforge.lang.diag.DiagnosticPrinter;
import io.wkforge.lang.format.Formatter;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.syntax.Parser;
import io.wkforge.lang.syntax.RecipeFile;
import io.wkforge.lsp.RecipeLanguageServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random mutations of the repository's recipes through the whole front end: parse,
 * check, print every diagnostic, format, and (for a bounded share of them) the language server.
 * The only acceptable outcome is diagnostics: no exception, no diagnostic outside the file, no
 * control character on the terminal, the same findings whether lines end in LF or CR LF, and
 * formatting stays idempotent where it applies. The seed is fixed so a failure reproduces;
 * WKFORGE_FUZZ_ITERATIONS raises the count.
 */
class RecipeFuzzTest {
    private static final String FORTY_DIGITS = "1234567890123456789012345678901234567890";

    private static final String[] FRAGMENTS = {
        "{", "}", ";", "\n", " ", "=", "\"", "#", "$", "$epochs", "use", "param", "classes", "videos", "background",
        "1", "-7", "0.5", "1e-4", "1e99999", "99999999999999999999", "20%", "72x72", "0x0", "\"a/*.mp4\"", "sgd",
        "train", "frames", "fps", "mean", "[", "]", ",", ":", "\t", "\r\n", "\"unterminated", "xx", "x",
        // numbers at and past every edge (issue 14)
        "-0", "-0.0", "1e-400", "0x10", "0xff", "0X1F", "1.", ".5", "-.5", "1e9999999999", "-2.5E+99999999999999",
        "1e-9999999999", FORTY_DIGITS, "-" + FORTY_DIGITS, "1.2.3", "127.0.0.1", "32px", "1e", "1e+", "99999999999999999999x2",
        "0." + "0".repeat(400) + "1%", "1" + "0".repeat(400) + "%", "9".repeat(2000),
        // line ends, NUL, non-ASCII, and what a terminal must not receive raw
        "\r", "\r\n", "\u0000", "é", "日本語", "\uD83D\uDE00", "\uD800", "\uFEFF", "\u202E", "\u001B[31m", "\u007F", "\u0085",
        "\"v/\u0000.mp4\"", "\"ü/*.mp4\"",
    };

    /** Every n-th input also goes through the language server; the LSP part stops after this long in any case. */
    private static final int LSP_EVERY = 8;
    private static final long LSP_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(25);

    @Test
    void mutatedRecipesOnlyEverProduceDiagnostics() throws Exception {
        List<String> seeds = corpus();
        int iterations = Integer.parseInt(System.getenv().getOrDefault("WKFORGE_FUZZ_ITERATIONS", "4000"));
        Random rnd = new Random(20261127);
        ImportResolver resolver = new ImportResolver(Recipes.repoRoot().resolve("stdlib"));
        Path recipeDir = Recipes.repoRoot().resolve("recipes");
        int withErrors = 0;
        int throughLsp = 0;
        long lspNanos = 0;
        LoggedProblems logged = LoggedProblems.attach();
        try (InProcessLsp lsp = new InProcessLsp(resolver)) {
            for (int i = 0; i < iterations; i++) {
                String text = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd, 1 + rnd.nextInt(6));
                if (rnd.nextInt(10) == 0) text = text.replace("\r\n", "\n").replace("\n", "\r\n"); // a Windows file
                SourceFile src = new SourceFile("fuzz" + i + ".recipe", recipeDir.resolve("fuzz.recipe"), text);
                String input = text;
                try {
                    CheckResult r = Checker.check(src, Checker.Options.DEFAULT, resolver);
                    for (Diagnostic d : r.diagnostics()) {
                        assertPrintable(DiagnosticPrinter.render(d), input);
                        if (d.source() != null) {
                            assertTrue(d.span().start() >= 0 && d.span().end() <= d.source().text().length(), d::toString);
                        }
                        assertNotEquals("E900", d.codeId());
                    }
                    DiagnosticJson.report(r.diagnostics());
                    if (r.hasErrors()) withErrors++;
                    if (i % 2 == 0) assertSameFindingsWithWindowsLineEnds(src, r, resolver);
                    RecipeFile parsed = Parser.parse(src);
                    if (parsed.ok()) {
                        String once = Formatter.format(parsed);
                        RecipeFile reparsed = Parser.parse(SourceFile.of("f", once));
                        assertTrue(reparsed.ok(), () -> "formatting broke a valid file:\n" + input + "\n---\n" + once);
                        assertEquals(once, Formatter.format(reparsed), () -> "not idempotent for:\n" + input);
                    }
                    if (i % LSP_EVERY == 0 && lspNanos < LSP_BUDGET_NANOS) {
                        long t0 = System.nanoTime();
                        throughLsp(lsp, recipeDir.resolve("fuzz" + i + ".recipe").toUri().toString(), src, rnd);
                        lspNanos += System.nanoTime() - t0;
                        throughLsp++;
                    }
                    assertEquals(List.of(), logged.take(), "the language server logged a failure");
                } catch (RuntimeException | StackOverflowError | AssertionError e) {
                    Path saved = Recipes.repoRoot().resolve("target/fuzz-failure.recipe");
                    Files.writeString(saved, input);
                    fail("iteration " + i + " failed (input saved to " + saved + "):\n" + input, e);
                }
            }
        } finally {
            logged.detach();
        }
        assertTrue(withErrors > iterations / 10, "the mutations should actually break recipes");
        assertTrue(throughLsp >= Math.min(100, iterations / LSP_EVERY), "the language server saw too few inputs: " + throughLsp);
        System.out.printf("fuzz: %d inputs, %d through the language server in %.1f s%n", iterations, throughLsp, lspNanos / 1e9);
    }

    /**
     * The shapes that once hung or crashed the checker (issue 23): many stars against many names,
     * an import chain thousands deep, an import of a file that is one error per line. Each gives
     * at most a screenful of findings, in `check`'s text and JSON and in the language server, and
     * no internal error. (How fast: bench/check-pathological.sh, at the issue's sizes.)
     */
    @Test
    void pathologicalShapesGiveAScreenfulOfDiagnostics(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        List<Path> recipes = List.of(
                io.wkforge.lang.PathologicalRecipes.manyStars(dir.resolve("stars"), 30, 30),
                io.wkforge.lang.PathologicalRecipes.importChain(dir.resolve("chain"), 3_000),
                io.wkforge.lang.PathologicalRecipes.hugeImport(dir.resolve("huge"), 1_000_000));
        int screenful = io.wkforge.lang.diag.DiagnosticCap.SHOWN + 4; // the shown ones and the notes on the rest
        ImportResolver resolver = new ImportResolver(Recipes.repoRoot().resolve("stdlib"));
        try (InProcessLsp lsp = new InProcessLsp(resolver)) {
            for (Path recipe : recipes) {
                SourceFile src = SourceFile.read(recipe);
                CheckResult r = Checker.check(src, Checker.Options.DEFAULT, resolver);
                var capped = r.capped();
                assertTrue(capped.shown().size() <= screenful, () -> recipe + ": " + capped.shown().size() + " shown");
                assertEquals(r.diagnostics().size() + r.unlisted().values().stream().mapToLong(u -> u.count()).sum(), capped.total(),
                        "the counts stay exact");
                for (Diagnostic d : capped.shown()) {
                    assertNotEquals("E900", d.codeId(), d::toString);
                    assertPrintable(DiagnosticPrinter.render(d), recipe.toString());
                }
                String json = io.wkforge.util.Json.write(DiagnosticJson.report(capped.shown(), capped.total(), capped.errors(), capped.warnings()));
                assertTrue(json.contains("\"total_count\": " + capped.total()), json);

                String uri = recipe.toUri().toString();
                lsp.open(uri, src.text());
                PublishDiagnosticsParams published = lsp.awaitDiagnostics(uri, 120_000);
                assertTrue(published.getDiagnostics().size() <= screenful, () -> recipe + " in the editor: " + published.getDiagnostics().size());
                for (org.eclipse.lsp4j.Diagnostic d : published.getDiagnostics()) assertNotEquals("E900", d.getCode().getLeft(), d.getMessage());
                lsp.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
            }
        }
    }

    /** Lines as LSP counts them: a line ends at LF, CR LF or a lone CR. */
    private static int lspLineCount(String text) {
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) lines++;
        }
        return lines;
    }

    /** The same text with CR LF line ends gives the same findings at the same lines and columns. */
    private static void assertSameFindingsWithWindowsLineEnds(SourceFile lf, CheckResult lfResult, ImportResolver resolver) {
        if (lf.text().indexOf('\r') >= 0) return;
        SourceFile crlf = new SourceFile(lf.displayName(), lf.path(), lf.text().replace("\n", "\r\n"));
        CheckResult r = Checker.check(crlf, Checker.Options.DEFAULT, resolver);
        assertEquals(findings(lfResult), findings(r), "CR LF line ends changed the findings");
    }

    private static List<String> findings(CheckResult r) {
        return r.diagnostics().stream().map(d -> d.codeId() + "@" + d.line() + ":" + d.column()).toList();
    }

    /** Nothing a terminal would act on: a line break, and otherwise no control character. */
    private static void assertPrintable(String rendered, String input) {
        for (int k = 0; k < rendered.length(); k++) {
            char c = rendered.charAt(k);
            boolean control = c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 && c < 0xa0;
            assertFalse(control, () -> String.format("U+%04X printed raw in:%n%s%nfor input:%n%s", (int) c, rendered, input));
        }
    }

    /**
     * Opens the text in the language server, waits for its diagnostics and asks every request at a
     * random place and at the end: each answers in time, inside the document, without an internal error.
     */
    private static void throughLsp(InProcessLsp lsp, String uri, SourceFile src, Random rnd) throws Exception {
        lsp.open(uri, src.text());
        PublishDiagnosticsParams published = lsp.awaitDiagnostics(uri, 30_000);
        int lines = lspLineCount(src.text());
        for (org.eclipse.lsp4j.Diagnostic d : published.getDiagnostics()) {
            assertNotEquals("E900", d.getCode().getLeft(), d.getMessage());
            assertTrue(d.getRange().getStart().getLine() < lines && d.getRange().getEnd().getLine() < lines, d::toString);
        }
        TextDocumentService docs = lsp.server.getTextDocumentService();
        TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
        int offset = src.text().isEmpty() ? 0 : rnd.nextInt(src.text().length() + 1);
        for (int at : new int[] {offset, src.text().length()}) {
            Position p = new Position(src.line(at) - 1, src.column(at) - 1);
            docs.completion(new CompletionParams(id, p)).get(10, TimeUnit.SECONDS);
            docs.hover(new HoverParams(id, p)).get(10, TimeUnit.SECONDS);
            docs.definition(new DefinitionParams(id, p)).get(10, TimeUnit.SECONDS);
        }
        docs.documentSymbol(new DocumentSymbolParams(id)).get(10, TimeUnit.SECONDS);
        docs.formatting(new DocumentFormattingParams(id, new FormattingOptions(2, true))).get(10, TimeUnit.SECONDS);
        docs.didClose(new DidCloseTextDocumentParams(id));
    }

    /**
     * The language server connected straight to a client that collects what it publishes: the
     * same server code as over JSON-RPC, without the pipes (thousands of documents stay fast).
     */
    private static final class InProcessLsp implements AutoCloseable {
        final RecipeLanguageServer server;
        private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();

        InProcessLsp(ImportResolver resolver) throws Exception {
            server = new RecipeLanguageServer(resolver, "fuzz", () -> { });
            server.connect(new LanguageClient() {
                @Override public void publishDiagnostics(PublishDiagnosticsParams p) {
                    published.add(p);
                }
                @Override public void telemetryEvent(Object object) { }
                @Override public void showMessage(MessageParams messageParams) { }
                @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
                    return CompletableFuture.completedFuture(null);
                }
                @Override public void logMessage(MessageParams message) { }
            });
            InitializeParams init = new InitializeParams();
            init.setCapabilities(new ClientCapabilities());
            server.initialize(init).get(30, TimeUnit.SECONDS);
        }

        void open(String uri, String text) {
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "recipe", 1, text)));
        }

        /** The next diagnostics for {@code uri}; those of documents closed before are skipped. */
        PublishDiagnosticsParams awaitDiagnostics(String uri, long timeoutMillis) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (true) {
                PublishDiagnosticsParams p = published.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (p == null) throw new TimeoutException("no diagnostics for " + uri);
                if (p.getUri().equals(uri)) return p;
            }
        }

        @Override
        public void close() throws Exception {
            server.shutdown().get(30, TimeUnit.SECONDS);
        }
    }

    /** Warnings the language server logs when a request fails inside it (it answers empty then, so only the log shows it). */
    private static final class LoggedProblems extends Handler {
        private final List<String> records = new ArrayList<>();
        private final Logger logger = Logger.getLogger("io.wkforge.lsp");

        static LoggedProblems attach() {
            LoggedProblems h = new LoggedProblems();
            h.logger.addHandler(h);
            return h;
        }

        synchronized List<String> take() {
            List<String> out = List.copyOf(records);
            records.clear();
            return out;
        }

        void detach() {
            logger.removeHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                records.add(r.getMessage() + (r.getThrown() == null ? "" : ": " + r.getThrown()));
            }
        }

        @Override public void flush() { }
        @Override public void close() { }
    }

    private static List<String> corpus() throws IOException {
        Path root = Recipes.repoRoot();
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Stream.concat(Files.walk(root.resolve("recipes")), Files.walk(root.resolve("stdlib")))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".recipe")).toList()) out.add(Files.readString(p));
        }
        out.add(Recipes.ACCEPTANCE);
        return out;
    }

    private static String mutate(String text, Random rnd, int edits) {
        StringBuilder sb = new StringBuilder(text);
        for (int e = 0; e < edits; e++) {
            int pos = sb.length() == 0 ? 0 : rnd.nextInt(sb.length());
            switch (rnd.nextInt(6)) {
                case 0 -> sb.insert(pos, FRAGMENTS[rnd.nextInt(FRAGMENTS.length)]);
                case 1 -> sb.delete(pos, Math.min(sb.length(), pos + 1 + rnd.nextInt(12)));
                case 2 -> { // duplicate a line elsewhere
                    int start = pos > 0 ? sb.lastIndexOf("\n", pos - 1) + 1 : 0;
                    int end = sb.indexOf("\n", pos);
                    if (end < 0) end = sb.length();
                    if (end < start) end = start;
                    String line = sb.substring(start, end);
                    sb.insert(rnd.nextInt(sb.length() + 1), "\n" + line + "\n");
                }
                case 3 -> { // swap a character
                    if (sb.length() > 0) sb.setCharAt(pos, (char) (32 + rnd.nextInt(95)));
                }
                case 4 -> { // any character at all, control and non-ASCII included
                    if (sb.length() > 0) sb.setCharAt(pos, (char) rnd.nextInt(0x3000));
                }
                default -> sb.setLength(pos); // truncate
            }
        }
        return sb.toString();
    }
}
