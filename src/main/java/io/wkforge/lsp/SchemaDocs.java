package io.wkforge.lsp;

import io.wkforge.lang.schema.BlockSpec;
import io.wkforge.lang.schema.Choice;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.schema.Slot;
import io.wkforge.lang.schema.ValueType;

/** Markdown shown on hover and next to completion items, written from the schema's declarations. */
final class SchemaDocs {
    private SchemaDocs() {}

    static String block(BlockSpec b) {
        StringBuilder sb = new StringBuilder("**block `").append(b.name()).append("`**\n\n").append(b.doc()).append("\n\n");
        if (b.holdsClassRows()) {
            sb.append("Rows: `ID NATURE NAME videos \"PATTERN\"... [background]`");
        } else {
            if (b.label() != null) sb.append("Label: `").append(b.label().usage()).append("`\n\n");
            sb.append("Settings: ").append(String.join(", ", b.settings().keySet().stream().map(k -> "`" + k + "`").toList()));
        }
        return sb.toString();
    }

    static String setting(SettingSpec s) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(s.qualifiedName()).append("**").append(s.isLabel() ? " (the block's label)" : "").append("\n\n");
        sb.append("```recipe\n").append(s.usage()).append("\n```\n\n");
        sb.append(s.doc()).append("\n\n");
        sb.append("- type: ").append(String.join(", then ", s.slots().stream().map(SchemaDocs::slotPhrase).toList())).append('\n');
        sb.append("- default: ").append(s.defaultText() == null ? (s.required() ? "none (required)" : "unset")
                : "`" + s.defaultText() + "`").append('\n');
        for (Slot slot : s.slots()) {
            String range = slot.rangeText();
            if (range != null) sb.append("- range: ").append(range).append('\n');
        }
        if (s.unit() != null) sb.append("- unit: ").append(s.unit()).append('\n');
        sb.append("- read by: ").append(s.readByText()).append('\n');
        for (Slot slot : s.slots()) {
            if (slot.type() != ValueType.ENUM) continue;
            sb.append('\n');
            for (Choice c : slot.choices()) sb.append("- `").append(c.name()).append("`: ").append(c.doc()).append('\n');
        }
        return sb.toString();
    }

    static String choice(SettingSpec s, Choice c) {
        return "**`" + c.name() + "`** (" + s.qualifiedName() + ")\n\n" + c.doc()
                + (c.code() == null ? "" : "\n\nnnie_mapper value: `" + c.code() + "`");
    }

    static String classRowWord(String word) {
        return "videos".equals(word)
                ? "**`videos`**: the class's video files follow, as quoted paths or glob patterns relative to the recipe"
                : "**`background`**: marks the background class; it must be the last class (the stock board app shows indices 20 and above as unknown: see `deploy.app_categories`)";
    }

    private static String slotPhrase(Slot slot) {
        String one = slot.type() == ValueType.WORD ? "the word `" + slot.word() + "`" : slot.type().phrase();
        if (slot.maxCount() == Integer.MAX_VALUE) one = "any number of " + one;
        else if (slot.maxCount() > 1) one = slot.maxCount() + " × " + one;
        return slot.isOptional() ? one + " (optional)" : one;
    }
}
