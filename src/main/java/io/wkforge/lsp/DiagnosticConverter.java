package io.wkforge.lsp;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.DiagnosticCap;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import io.wkforge.lang.syntax.RecipeFile;
import io.wkforge.lang.syntax.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;

/**
 * The checker's findings as LSP diagnostics for one open document: the same codes, messages and
 * ranges `wkforge check` prints. A finding inside an imported file is shown on the `use` line that
 * brought it in, since the editor shows only the open file's problems.
 */
final class DiagnosticConverter {
    private DiagnosticConverter() {}

    static List<org.eclipse.lsp4j.Diagnostic> convert(CheckResult result, SourceFile doc, ImportResolver resolver) {
        Map<SourceFile, Statement.UseDecl> importedBy = importSites(result, doc, resolver);
        Statement.UseDecl firstUse = result.root().statements().stream()
                .filter(s -> s instanceof Statement.UseDecl).map(s -> (Statement.UseDecl) s).findFirst().orElse(null);
        List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>();
        // the same cap as `wkforge check`: an import of a file of 300,000 errors is a note, not 300,000 markers
        for (Diagnostic d : DiagnosticCap.apply(result.diagnostics(), result.unlisted(), doc).shown()) {
            if (d.source() == null && d.code() == Code.TOO_MANY_ERRORS) {
                Span at = firstUse == null ? new Span(0, 0) : (firstUse.pathSpan() != null ? firstUse.pathSpan() : firstUse.span());
                out.add(toLsp(d, doc, Positions.range(doc, at), d.message()));
            } else if (d.source() == doc) {
                out.add(toLsp(d, doc, Positions.range(doc, d.span()), d.message()));
            } else if (d.source() != null) {
                Statement.UseDecl use = importedBy.getOrDefault(d.source(), firstUse);
                Span at = use == null ? new Span(0, 0) : (use.pathSpan() != null ? use.pathSpan() : use.span());
                String where = d.source().displayName() + ":" + d.line() + ":" + d.column();
                out.add(toLsp(d, doc, Positions.range(doc, at), "in " + where + ": " + d.message()));
            }
        }
        return out;
    }

    /** Which `use` of the open document each directly imported file came from. */
    private static Map<SourceFile, Statement.UseDecl> importSites(CheckResult result, SourceFile doc, ImportResolver resolver) {
        Map<String, Statement.UseDecl> byKey = new HashMap<>();
        for (Statement st : result.root().statements()) {
            if (st instanceof Statement.UseDecl use && use.path() != null) {
                String key = resolver.keyOf(use.path(), doc);
                if (key != null) byKey.putIfAbsent(key, use);
            }
        }
        Map<SourceFile, Statement.UseDecl> out = new HashMap<>();
        for (Map.Entry<String, RecipeFile> e : result.imports().entrySet()) {
            Statement.UseDecl use = byKey.get(e.getKey());
            if (use != null) out.put(e.getValue().source(), use);
        }
        return out;
    }

    private static org.eclipse.lsp4j.Diagnostic toLsp(Diagnostic d, SourceFile doc, org.eclipse.lsp4j.Range range, String message) {
        org.eclipse.lsp4j.Diagnostic lsp = new org.eclipse.lsp4j.Diagnostic();
        lsp.setRange(range);
        lsp.setSeverity(switch (d.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case NOTE -> DiagnosticSeverity.Information;
        });
        lsp.setCode(d.codeId());
        lsp.setSource("wkforge");
        lsp.setMessage(d.help() == null ? message : message + "\nhelp: " + d.help());
        List<DiagnosticRelatedInformation> related = new ArrayList<>();
        for (Diagnostic.Related r : d.related()) {
            String uri = uriOf(r.source(), doc);
            if (uri != null) related.add(new DiagnosticRelatedInformation(new Location(uri, Positions.range(r.source(), r.span())), r.message()));
        }
        if (!related.isEmpty()) lsp.setRelatedInformation(related);
        return lsp;
    }

    private static String uriOf(SourceFile source, SourceFile doc) {
        if (source == null) return null;
        if (source == doc) return DocumentUris.of(doc);
        return source.path() == null ? null : source.path().toUri().toString();
    }
}
