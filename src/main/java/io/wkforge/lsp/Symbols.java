package io.wkforge.lsp;

import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import io.wkforge.lang.syntax.Entry;
import io.wkforge.lang.syntax.RecipeFile;
import io.wkforge.lang.syntax.Statement;
import io.wkforge.lang.syntax.Value;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;

/** The outline: imports, params, blocks and, inside blocks, settings or class rows. */
final class Symbols {
    private Symbols() {}

    static List<DocumentSymbol> of(RecipeFile file) {
        SourceFile src = file.source();
        List<DocumentSymbol> out = new ArrayList<>();
        for (Statement st : file.statements()) {
            if (st instanceof Statement.UseDecl u) {
                if (u.path() != null) out.add(symbol(src, "use \"" + u.path() + "\"", null, SymbolKind.File, u.span(), u.pathSpan()));
            } else if (st instanceof Statement.ParamDecl p) {
                out.add(symbol(src, "$" + p.name().text(), p.value() == null ? null : p.value().text(), SymbolKind.Variable,
                        p.span(), p.name().span()));
            } else if (st instanceof Statement.Block b) {
                String name = b.name().text() + (b.label() == null ? "" : " " + b.label().text());
                DocumentSymbol block = symbol(src, name, null, SymbolKind.Module, b.span(), b.name().span());
                List<DocumentSymbol> children = new ArrayList<>();
                boolean classes = "classes".equals(b.name().text());
                for (Entry e : b.entries()) children.add(classes ? classRow(src, e) : setting(src, e));
                block.setChildren(children);
                out.add(block);
            }
        }
        return out;
    }

    private static DocumentSymbol setting(SourceFile src, Entry e) {
        String values = String.join(" ", e.values().stream().map(Value::text).toList());
        return symbol(src, e.key().text(), values.isEmpty() ? null : values, SymbolKind.Property, e.span(), e.key().span());
    }

    /** `01 kitchen mushroom videos ...` shows as `01 mushroom` with `kitchen` as detail. */
    private static DocumentSymbol classRow(SourceFile src, Entry e) {
        List<Value> v = e.values();
        String name = e.key().text() + (v.size() >= 2 ? " " + v.get(1).text() : "");
        return symbol(src, name, v.isEmpty() ? null : v.get(0).text(), SymbolKind.EnumMember, e.span(), e.key().span());
    }

    private static DocumentSymbol symbol(SourceFile src, String name, String detail, SymbolKind kind, Span span, Span selection) {
        // LSP requires the selection range to lie inside the full range.
        Span sel = selection == null || selection.start() < span.start() || selection.end() > span.end() ? span : selection;
        DocumentSymbol s = new DocumentSymbol(name, kind, Positions.range(src, span), Positions.range(src, sel));
        if (detail != null) s.setDetail(detail);
        return s;
    }
}
