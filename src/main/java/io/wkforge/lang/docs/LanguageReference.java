package io.wkforge.lang.docs;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.schema.BlockSpec;
import io.wkforge.lang.schema.Choice;
import io.wkforge.lang.schema.Schema;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.schema.Slot;
import io.wkforge.lang.schema.StageId;
import io.wkforge.lang.schema.ValueType;

/**
 * Generates docs/language.md from the schema and the diagnostic catalogue, so the reference can
 * never disagree with the checker. A test fails when the committed file is stale.
 */
public final class LanguageReference {
    private LanguageReference() {}

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!-- Generated from the schema (io.wkforge.lang.schema.Schema) by `wkforge docs`. Do not edit by hand. -->\n");
        sb.append("# Recipe language reference\n\n");
        sb.append("""
                A recipe is a list of `use` imports, `param` declarations and blocks. A block is
                `name [label] { ... }`; inside it each setting is `key value...`, ended by a newline or `;`.
                Comments start with `#`.

                Values: integers (`42`), decimals (`0.05`, `1e-4`), percentages (`10%`), sizes (`224x224`),
                strings (`"videos/*.mp4"`), names (`sgd`), booleans (`true`, `false`), lists (several values
                after one key: `mean 127.5 127.5 127.5`) and parameter references (`$epochs`).

                - `use "targets/hi3516dv300"` imports a fragment: first relative to the importing file, then
                  from the stdlib (`stdlib/` in the repository, also built into wkforge). `.recipe` is implied.
                  Settings of the importing file override imported ones; later imports override earlier ones.
                - `param epochs = 100` declares a parameter; `$epochs` uses it. On the command line,
                  `--set epochs=5` overrides a param and `--set train.lr=0.01` overrides any setting.
                - Precedence, lowest first: schema defaults, imports, the recipe, `--set`.

                """);
        sb.append("## Stages\n\n| stage | what it does |\n|---|---|\n");
        for (StageId s : StageId.values()) sb.append("| `").append(s.id()).append("` | ").append(s.summary()).append(" |\n");
        sb.append("\nEach stage's cache key covers exactly the settings listed as read by it below (for a setting that "
                + "names a file, the file's content rather than its path), its input files' contents, the outputs it "
                + "reads of the stages before it, and the code and library versions that compute it.\n\n");
        sb.append("## Blocks\n\n");
        for (BlockSpec b : Schema.blocks()) block(sb, b);
        sb.append("## Diagnostics\n\n| code | meaning |\n|---|---|\n");
        for (Code c : Code.values()) sb.append("| `").append(c.id()).append("` | ").append(c.title()).append(" |\n");
        sb.append("\nWarnings (`W...`) do not stop a run. `W150` (a video pattern that matches nothing) is an error "
                + "(`E150`) for `wkforge run`.\n");
        return sb.toString();
    }

    private static void block(StringBuilder sb, BlockSpec b) {
        sb.append("### `").append(b.name()).append("`\n\n").append(b.doc()).append("\n\n");
        if (b.holdsClassRows()) {
            sb.append("```\nclasses {\n   1 kitchen mushroom   videos \"videos/mushroom/*.mp4\"\n"
                    + "  21 other   background videos \"videos/background/*.mp4\" background\n}\n```\n\n");
            sb.append("Read by: ").append(String.join(", ", Schema.CLASSES_READ_BY.stream().map(StageId::id).toList()))
                    .append(". Folders and file names use `NN_nature_name` (e.g. `01_kitchen_mushroom`).\n\n");
            return;
        }
        if (b.label() != null) {
            SettingSpec l = b.label();
            sb.append("Label (`").append(b.name()).append(" LABEL { }`): ").append(l.doc()).append(" Values: ")
                    .append(choices(l.slots().get(0))).append("; default `").append(l.defaultText()).append("`.\n\n");
        }
        sb.append("| setting | values | default | read by | description |\n|---|---|---|---|---|\n");
        for (SettingSpec s : b.settings().values()) {
            sb.append("| `").append(s.name()).append("` | ").append(values(s)).append(" | ")
                    .append(s.defaultText() == null ? "unset" : s.defaultText().isEmpty() ? "none" : "`" + s.defaultText().replace("|", "\\|") + "`")
                    .append(" | ").append(s.readByText()).append(" | ").append(escape(s.doc())).append(" |\n");
        }
        sb.append('\n');
    }

    private static String values(SettingSpec s) {
        StringBuilder sb = new StringBuilder("`").append(s.usage().replace("|", "\\|")).append('`');
        for (Slot slot : s.slots()) {
            if (slot.type() == ValueType.ENUM) {
                sb.append("<br>");
                sb.append(choices(slot));
            } else if (slot.rangeText() != null) {
                sb.append("<br>").append(slot.intervalText());
            }
        }
        if (s.unit() != null) sb.append("<br>unit: ").append(s.unit());
        if (s.inputFile()) sb.append("<br>keyed by the file's content");
        return sb.toString();
    }

    private static String choices(Slot slot) {
        StringBuilder sb = new StringBuilder();
        for (Choice c : slot.choices()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append('`').append(c.name()).append('`');
            if (c.code() != null && !c.code().equals(c.name())) sb.append(" (").append(c.code()).append(')');
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
