package io.wkforge.lang.docs;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.DiagnosticCap;
import io.wkforge.lang.glob.GlobMatcher;
import io.wkforge.lang.glob.WalkLimits;
import io.wkforge.lang.syntax.Value;
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
                  An import not found (`E140`) lists the stdlib fragments that exist. Chains of imports may be
                  any depth; a file imported along several paths is applied each time but reported once, and a
                  check stops applying imports after %,d applications (`E143`).
                - `param epochs = 100` declares a parameter; `$epochs` uses it. On the command line,
                  `--set epochs=5` overrides a param and `--set train.lr=0.01` overrides any setting.
                - Precedence, lowest first: schema defaults, imports, the recipe, `--set`.

                """.replace("%,d", String.format(java.util.Locale.ROOT, "%,d", io.wkforge.lang.check.Checker.MAX_IMPORT_APPLICATIONS)));
        numbers(sb);
        videoPatterns(sb);
        sb.append("## Stages\n\n| stage | what it does |\n|---|---|\n");
        for (StageId s : StageId.values()) sb.append("| `").append(s.id()).append("` | ").append(s.summary()).append(" |\n");
        sb.append("\nEach stage's cache key covers exactly the settings listed as read by it below (for a setting that "
                + "names a file, the file's content rather than its path), its input files' contents, the outputs it "
                + "reads of the stages before it, and the code and library versions that compute it.\n\n");
        sb.append("## Blocks\n\n");
        for (BlockSpec b : Schema.blocks()) block(sb, b);
        sb.append("## Diagnostics\n\n| code | meaning |\n|---|---|\n");
        for (Code c : Code.values()) sb.append("| `").append(c.id()).append("` | ").append(c.title()).append(" |\n");
        sb.append("\nWarnings (`W...`) do not stop a run. `W150` (a video pattern that matches nothing) and `W155` (a "
                + "pattern that stopped at the folder limit) are errors (`E150`, `E155`) for `wkforge run`. `E900` is a bug "
                + "in wkforge, reported for the file it met it in; the other files are still checked.\n");
        sb.append("\nOf one recipe's findings (its imports' included) the first ").append(DiagnosticCap.SHOWN)
                .append(" are shown, the recipe's own first, then a note (`N004`) per file on how many more of which codes "
                        + "there are; counts (and `--json`'s `error_count`, `warning_count`, `total_count`) include them all. "
                        + "The language server shows the same. A recipe or prototxt file larger than ")
                .append(io.wkforge.lang.source.SourceFile.MAX_BYTES >> 20).append(" MiB is not read (`E151`).\n");
        return sb.toString();
    }

    private static void numbers(StringBuilder sb) {
        sb.append("""
                ## Numbers

                - Integers (`42`, `-3`) have any number of digits and are exact; `-0` is 0.
                - Decimals have digits on both sides of the point and an optional exponent: `0.05`, `1e-4`,
                  `2.5E+3`. They are exact as written; a magnitude beyond 1e±%d is held as ±1e±%d, which no
                  setting accepts.
                - A value outside its setting's range is `E105`, at the value, whatever its size
                  (`lr 1e9999999999`, `epochs 1234567890123456789012345678901234567890`). So is a value inside
                  the range that the stages could not receive: numbers travel as 64-bit floats and integers as
                  64-bit integers, so `lr 1e-400` (which a float would turn into 0) is out of range too.
                - Percentages (`10%%`, `0.5%%`) and sizes (`224x224`, WIDTHxHEIGHT) follow the same rules.
                - There are no hexadecimal numbers. `0x10` is the size 0x10 (width 0, height 10): where a
                  number is expected it is reported as a size, with the decimal to write instead; `0xff` is an
                  error.
                - `1.`, `.5`, `1.2.3`, `1e` and `32px` are errors (`E005`, with what to write): a number
                  followed directly by a point or letters is not a number. Quote text such as an address:
                  `host "127.0.0.1"`. A decimal uses a point: `0,01` is one error (`E005`) saying to write
                  `0.01`.

                """.formatted(Value.DecimalLit.EXPONENT_LIMIT, Value.DecimalLit.EXPONENT_LIMIT + 1));
    }

    private static void videoPatterns(StringBuilder sb) {
        WalkLimits limits = WalkLimits.DEFAULT;
        sb.append("""
                ## Video paths and patterns

                The `videos` of a class row are paths or glob patterns relative to the file that wrote them;
                `~/` starts at the home folder of the user running wkforge, `/` at the root.

                - `*` and `?` match within a name, `[abc]` one character of a set, `{mp4,avi}` one of the
                  alternatives, `**` any part of a path across folders. `**/` stands for any number of
                  folders, none included: `videos/**/*.mp4` matches `videos/a.mp4` and `videos/day1/cam2/b.mp4`.
                - Matches are regular files, sorted by path; a file that one pattern reaches through several paths is listed once.
                - **Symbolic links are followed**, to folders and to files, so videos can live on another disk:
                  with `videos/archive -> /mnt/disk2/videos`, `videos/**/*.mp4` searches the archive too. Each
                  folder is walked once however many links lead to it, which also ends loops
                  (`videos/all -> ..`). A broken link is reported when it would have matched or could have been
                  a folder (a name without an extension, like a link to a disk that is not mounted).
                - Entries that cannot be read (a folder without permission, `lost+found`, an I/O error, a broken
                  link) are skipped and everything readable still matches; one warning per pattern (`W153`)
                  names the first %d and says how many there were. A file deleted while the pattern is being
                  expanded is simply not there.
                - A pattern walks only below its literal start (`videos/mushroom/*.mp4` lists one folder). Past
                  %,d folders it warns with the count (`W154`); at %,d it stops (`W155`; an error, `E155`, for
                  `wkforge run`, which must know every video) and keeps what it matched so far. `/**/*.mp4` and
                  `~/**/*.mp4` end there: start the pattern at the folder that holds the videos.
                - A pattern that matches nothing is `W150` (`E150` for `wkforge run`); when entries below it
                  could not be read, the message says so, and when a folder it names does not exist but one
                  spelled nearly the same does, the help shows the pattern with that folder.
                - Matching takes time proportional to the pattern times the name, however many `*` it has. A
                  pattern longer than %,d characters or with more than %d wildcards (a run of `*` counts once)
                  is not tried: `E157`.
                - The language server keeps each pattern's matches and walks it again only when a folder it
                  read changed (its modification time, or for an unreadable one its change time) or a missing
                  folder appeared.

                """.formatted(limits.shownSkipped(), limits.warnAt(), limits.stopAt(),
                GlobMatcher.MAX_LENGTH, GlobMatcher.MAX_WILDCARDS));
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
