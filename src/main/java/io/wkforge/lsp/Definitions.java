package io.wkforge.lsp;

import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lang.parser.RecipeLexer;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.syntax.Parser;
import io.wkforge.lang.syntax.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Go to definition: a `use` string opens the imported file, a `$param` jumps to its `param` line. */
final class Definitions {
    private Definitions() {}

    record ParamSite(SourceFile file, Statement.ParamDecl decl) {}

    static List<Location> at(SourceFile doc, String docUri, int offset, ImportResolver resolver) {
        TokenAt token = TokenAt.find(doc, offset);
        if (token == null) return List.of();
        if (token.type() == RecipeLexer.PARAM_REF) {
            ParamSite site = findParam(doc, token.text().substring(1), resolver);
            if (site == null) return List.of();
            String uri = site.file() == doc ? null : fileUri(site.file());
            if (site.file() != doc && uri == null) return List.of();
            return List.of(new Location(uri == null ? docUri : uri, Positions.range(site.file(), site.decl().name().span())));
        }
        if (token.isString() && "use".equals(CursorContext.at(doc.text(), token.start()).key())) {
            ImportResolver.Lookup lookup = resolver.resolve(token.unquoted(), doc);
            if (lookup.found() == null) return List.of();
            String uri = fileUri(lookup.found().source());
            if (uri == null) uri = stdlibCheckoutUri(token.unquoted());
            return uri == null ? List.of() : List.of(new Location(uri, new Range(new Position(0, 0), new Position(0, 0))));
        }
        return List.of();
    }

    /** The declaration of a param: in the file itself, else in its imports (depth first, in `use` order). */
    static ParamSite findParam(SourceFile doc, String name, ImportResolver resolver) {
        return findParam(doc, name, resolver, new HashSet<>());
    }

    private static ParamSite findParam(SourceFile file, String name, ImportResolver resolver, Set<String> seen) {
        List<Statement.UseDecl> uses = new ArrayList<>();
        for (Statement st : Parser.parse(file).statements()) {
            if (st instanceof Statement.ParamDecl p && p.name().text().equals(name)) return new ParamSite(file, p);
            if (st instanceof Statement.UseDecl u && u.path() != null) uses.add(u);
        }
        for (Statement.UseDecl u : uses) {
            ImportResolver.Lookup lookup = resolver.resolve(u.path(), file);
            if (lookup.found() == null || !seen.add(lookup.found().key())) continue;
            ParamSite site = findParam(lookup.found().source(), name, resolver, seen);
            if (site != null) return site;
        }
        return null;
    }

    private static String fileUri(SourceFile source) {
        return source.path() == null ? null : source.path().toAbsolutePath().toUri().toString();
    }

    /** A stdlib fragment read from inside the jar has no file; the checkout's stdlib folder may have it. */
    private static String stdlibCheckoutUri(String name) {
        String dir = System.getProperty("wkforge.stdlib");
        if (dir == null) return null;
        Path p = Path.of(dir).resolve(name.endsWith(".recipe") ? name : name + ".recipe");
        return Files.isRegularFile(p) ? p.toAbsolutePath().toUri().toString() : null;
    }
}
