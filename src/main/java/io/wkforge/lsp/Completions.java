package io.wkforge.lsp;

import io.wkforge.editor.RecipeVocabulary;
import io.wkforge.lang.schema.BlockSpec;
import io.wkforge.lang.schema.Choice;
import io.wkforge.lang.schema.Schema;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.schema.Slot;
import io.wkforge.lang.schema.ValueType;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import io.wkforge.lang.syntax.Parser;
import io.wkforge.lang.syntax.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextEdit;

/**
 * Completion by position: block names at top level, the settings of the enclosing block at the
 * start of an entry, the values the current setting accepts after its key, and `$params`.
 */
final class Completions {
    private Completions() {}

    static List<CompletionItem> at(SourceFile doc, int offset) {
        CursorContext ctx = CursorContext.at(doc.text(), offset);
        if (ctx.inStringOrComment()) return List.of();
        Span replace = new Span(ctx.prefixStart(), offset);
        List<CompletionItem> out = new ArrayList<>();
        if (ctx.prefix().startsWith("$")) {
            params(doc, out);
        } else if (ctx.atTopLevel()) {
            topLevel(ctx, out);
        } else {
            BlockSpec block = ctx.blockName() == null ? null : Schema.block(ctx.blockName());
            if (block == null) return List.of();
            if (block.holdsClassRows()) classRow(ctx, out);
            else if (ctx.key() == null) settings(block, alreadySet(doc, block.name(), offset), out);
            else values(block.setting(ctx.key()), out);
            if (ctx.key() != null) params(doc, out);
        }
        for (CompletionItem item : out) {
            String text = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
            item.setTextEdit(org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(new TextEdit(Positions.range(doc, replace), text)));
            item.setInsertText(null);
        }
        return out;
    }

    private static void topLevel(CursorContext ctx, List<CompletionItem> out) {
        if (ctx.key() == null) {
            for (BlockSpec b : Schema.blocks()) {
                CompletionItem item = item(b.name(), CompletionItemKind.Module, SchemaDocs.block(b));
                item.setDetail("block");
                String label = b.label() == null ? "" : " ${1|" + String.join(",", RecipeVocabulary.enumWords(b.label())) + "|}";
                item.setInsertText(b.name() + label + " {\n\t$0\n}");
                item.setInsertTextFormat(InsertTextFormat.Snippet);
                out.add(item);
            }
            CompletionItem use = item("use", CompletionItemKind.Keyword, "Import a recipe fragment: `use \"targets/hi3516dv300\"`");
            use.setInsertText("use \"$1\"");
            use.setInsertTextFormat(InsertTextFormat.Snippet);
            out.add(use);
            CompletionItem param = item("param", CompletionItemKind.Keyword, "Declare a parameter, used as `$name`: `param epochs = 100`");
            param.setInsertText("param ${1:name} = ${2:value}");
            param.setInsertTextFormat(InsertTextFormat.Snippet);
            out.add(param);
        } else if (ctx.before().size() == 1) {
            // `train |`: the label
            BlockSpec b = Schema.block(ctx.key());
            if (b != null && b.label() != null) values(b.label(), out);
        }
    }

    private static void settings(BlockSpec block, java.util.Set<String> alreadySet, List<CompletionItem> out) {
        for (SettingSpec s : block.settings().values()) {
            if (alreadySet.contains(s.name())) continue; // a second one would be an error (a duplicate setting)
            CompletionItem item = item(s.name(), CompletionItemKind.Property, SchemaDocs.setting(s));
            item.setDetail(s.usage());
            item.setInsertText(s.name() + " ");
            out.add(item);
        }
    }

    /**
     * The settings the enclosing block (the last block of that name starting before the cursor)
     * already sets with a value; an entry the cursor is in is still being written, and one without
     * a value is not set yet.
     */
    private static java.util.Set<String> alreadySet(SourceFile doc, String blockName, int offset) {
        Statement.Block enclosing = null;
        for (Statement st : Parser.parse(doc).statements()) {
            if (st instanceof Statement.Block b && b.name().text().equals(blockName) && b.span().start() <= offset) enclosing = b;
        }
        java.util.Set<String> set = new java.util.HashSet<>();
        if (enclosing == null) return set;
        for (io.wkforge.lang.syntax.Entry e : enclosing.entries()) {
            boolean atCursor = e.span().start() <= offset && offset <= e.span().end();
            if (!atCursor && !e.values().isEmpty()) set.add(e.key().text());
        }
        return set;
    }

    private static void values(SettingSpec setting, List<CompletionItem> out) {
        if (setting == null) return;
        for (Slot slot : setting.slots()) {
            switch (slot.type()) {
                case ENUM -> {
                    for (Choice c : slot.choices()) {
                        CompletionItem item = item(c.name(), CompletionItemKind.EnumMember, SchemaDocs.choice(setting, c));
                        item.setDetail(c.doc());
                        out.add(item);
                    }
                }
                case BOOL -> RecipeVocabulary.BOOLEANS.forEach(b -> out.add(item(b, CompletionItemKind.Value, null)));
                case WORD -> out.add(item(slot.word(), CompletionItemKind.Unit, null));
                default -> { }
            }
        }
        if (setting.defaultText() != null && setting.slots().stream().noneMatch(s -> s.type() == ValueType.ENUM)) {
            CompletionItem item = item(setting.defaultText(), CompletionItemKind.Value, "The default of " + setting.qualifiedName());
            item.setDetail("default");
            out.add(item);
        }
    }

    private static void classRow(CursorContext ctx, List<CompletionItem> out) {
        if (ctx.before().size() >= 3) {
            for (String w : RecipeVocabulary.CLASS_ROW_KEYWORDS) out.add(item(w, CompletionItemKind.Keyword, SchemaDocs.classRowWord(w)));
        }
    }

    private static void params(SourceFile doc, List<CompletionItem> out) {
        for (Statement st : Parser.parse(doc).statements()) {
            if (st instanceof Statement.ParamDecl p) {
                CompletionItem item = item("$" + p.name().text(), CompletionItemKind.Variable, null);
                item.setDetail(p.value() == null ? "param" : "param = " + p.value().text());
                out.add(item);
            }
        }
    }

    private static CompletionItem item(String label, CompletionItemKind kind, String markdown) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        if (markdown != null) item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, markdown));
        return item;
    }
}
