package io.wkforge.lsp;

import io.wkforge.editor.RecipeVocabulary;
import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lang.parser.RecipeLexer;
import io.wkforge.lang.schema.BlockSpec;
import io.wkforge.lang.schema.Choice;
import io.wkforge.lang.schema.Schema;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.schema.Slot;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/** Documentation under the cursor: blocks, settings and enum values from the schema; params; imports. */
final class Hovers {
    private Hovers() {}

    static Hover at(SourceFile doc, int offset, ImportResolver resolver) {
        TokenAt token = TokenAt.find(doc, offset);
        if (token == null || token.type() == RecipeLexer.COMMENT) return null;
        CursorContext ctx = CursorContext.at(doc.text(), token.start());
        String markdown = markdown(doc, token, ctx, resolver);
        if (markdown == null) return null;
        Hover hover = new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown));
        hover.setRange(Positions.range(doc, new Span(token.start(), token.end())));
        return hover;
    }

    private static String markdown(SourceFile doc, TokenAt token, CursorContext ctx, ImportResolver resolver) {
        if (token.type() == RecipeLexer.PARAM_REF) {
            Definitions.ParamSite site = Definitions.findParam(doc, token.text().substring(1), resolver);
            return site == null ? "undefined param `" + token.text() + "`"
                    : "**param `" + site.decl().name().text() + "`** = `" + (site.decl().value() == null ? "?" : site.decl().value().text())
                    + "`" + (site.file() == doc ? "" : "\n\nfrom " + site.file().displayName());
        }
        if (ctx.atTopLevel()) {
            if (ctx.key() == null) {
                if (token.type() == RecipeLexer.USE) return "**`use`**: import a recipe fragment; its settings apply first, yours override them";
                if (token.type() == RecipeLexer.PARAM) return "**`param`**: declare a parameter, used as `$name`; `--set name=value` overrides it";
                BlockSpec b = Schema.block(token.text());
                return b == null ? null : SchemaDocs.block(b);
            }
            if ("use".equals(ctx.key()) && token.isString()) {
                ImportResolver.Lookup lookup = resolver.resolve(token.unquoted(), doc);
                return lookup.found() == null ? "import not found; looked in: " + String.join(", ", lookup.tried())
                        : "imports `" + lookup.found().key() + "`";
            }
            BlockSpec b = Schema.block(ctx.key());
            if (b != null && b.label() != null && ctx.before().size() == 1) return valueDoc(b.label(), token.text());
            return null;
        }
        BlockSpec block = ctx.blockName() == null ? null : Schema.block(ctx.blockName());
        if (block == null) return null;
        if (block.holdsClassRows()) {
            return RecipeVocabulary.CLASS_ROW_KEYWORDS.contains(token.text()) && ctx.before().size() >= 3
                    ? SchemaDocs.classRowWord(token.text()) : null;
        }
        if (ctx.key() == null) {
            SettingSpec s = block.setting(token.text());
            return s == null ? null : SchemaDocs.setting(s);
        }
        SettingSpec s = block.setting(ctx.key());
        return s == null ? null : valueDoc(s, token.text());
    }

    private static String valueDoc(SettingSpec s, String word) {
        for (Slot slot : s.slots()) {
            Choice c = slot.choice(word);
            if (c != null) return SchemaDocs.choice(s, c);
        }
        return null;
    }
}
