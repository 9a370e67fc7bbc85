import io.wkforge.lang.PathologicalRecipes;
import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lsp.LspSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * The three reproducers of issue 23 at the sizes. `generate DIR` writes them (30 stars
 * against 30 files; an import chain 5,000 deep; an import of a 5 MB file of errors); `lsp DIR`
 * opens each in the language server (JSON-RPC over pipes, a fresh server each) and prints how
 * long its diagnostics took and how many there were. Run by bench/check-pathological.sh.
 */
public class PathologicalBench {
    static final String[] NAMES = {"stars", "chain", "huge"};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("generate")) {
            PathologicalRecipes.manyStars(dir.resolve("stars"), 30, 30);
            PathologicalRecipes.importChain(dir.resolve("chain"), 5_000);
            PathologicalRecipes.hugeImport(dir.resolve("huge"), 5_000_000);
            return;
        }
        double boundMillis = Double.parseDouble(args.length > 2 ? args[2] : "2000");
        int screenful = io.wkforge.lang.diag.DiagnosticCap.SHOWN + 4;
        for (Path recipe : new Path[] {dir.resolve("stars/stars.recipe"), dir.resolve("chain/chain.recipe"), dir.resolve("huge/huge-import.recipe")}) {
            String text = Files.readString(recipe);
            String uri = recipe.toUri().toString();
            try (LspSession session = LspSession.start(ImportResolver.standard())) {
                session.initialize();
                long t0 = System.nanoTime();
                session.open(uri, text);
                PublishDiagnosticsParams p = session.awaitDiagnostics(uri, 1, 120_000);
                double ms = (System.nanoTime() - t0) / 1e6;
                boolean internal = p.getDiagnostics().stream().anyMatch(d -> "E900".equals(d.getCode().getLeft()));
                boolean ok = ms <= boundMillis && p.getDiagnostics().size() <= screenful && !internal;
                System.out.printf(java.util.Locale.ROOT, "%-6s lsp   %7.0f ms  %3d diagnostics%s  %s%n", recipe.getParent().getFileName(), ms,
                        p.getDiagnostics().size(), internal ? " (E900!)" : "", ok ? "ok" : "OVER");
            }
        }
        System.exit(0);
    }
}
