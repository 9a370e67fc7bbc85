package io.wkforge.editor;

import io.wkforge.lang.schema.BlockSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes editor-support/vim/syntax/recipe.vim from the schema, with the same token classes as the
 * TextMate grammar. Each known block is a region whose settings and enum words are only that
 * block's (Vim regions per setting would cost more than they give here).
 */
public final class VimSyntaxGenerator {
    /** A setting name or class id is the first word of an entry: at line start or after `{` or `;`. */
    private static final String ENTRY_START = "\\%(\\%(^\\|[{;]\\)\\s*\\)\\@<=";

    private VimSyntaxGenerator() {}

    public static String generate() {
        StringBuilder v = new StringBuilder();
        v.append("\" Vim syntax file\n\" Language: wkforge recipe (.recipe)\n\" ")
                .append(EditorFiles.GENERATED_NOTE).append("\n\n");
        v.append("if exists('b:current_syntax')\n  finish\nendif\n\nsyntax case match\n");
        // Blocks span lines; recipes are short enough to parse from the top every time.
        v.append("syntax sync fromstart\n\n");

        v.append("\" Literals, shared by every context\n");
        v.append("syntax keyword recipeTodo TODO FIXME XXX NOTE contained\n");
        v.append("syntax match recipeComment /#.*$/ contains=recipeTodo,@Spell\n");
        v.append("syntax match recipeEscape /\\\\./ contained\n");
        v.append("syntax region recipeString start=/\"/ skip=/\\\\./ end=/\"\\|$/ oneline contains=recipeEscape\n");
        v.append("syntax match recipeParamRef /\\$\\h\\w*/\n");
        v.append("syntax match recipeNumber /-\\=\\<\\d\\+\\%(\\.\\d\\+\\)\\=\\%([eE][+-]\\=\\d\\+\\)\\=\\>/\n");
        v.append("syntax match recipeSize /\\<\\d\\+x\\d\\+\\>/\n");
        v.append("syntax match recipePercent /-\\=\\<\\d\\+\\%(\\.\\d\\+\\)\\=%/\n");
        v.append("syntax keyword recipeBoolean true false contained\n\n");
        String literals = "recipeComment,recipeString,recipeParamRef,recipeNumber,recipeSize,recipePercent";

        v.append("\" Top level: imports, params, blocks\n");
        v.append("syntax keyword recipeKeyword ").append(String.join(" ", RecipeVocabulary.STATEMENT_KEYWORDS)).append('\n');
        v.append("syntax match recipeParamName /\\%(\\<param\\s\\+\\)\\@<=\\h\\w*/\n\n");

        for (BlockSpec b : RecipeVocabulary.blocks()) {
            String g = "recipeBlock" + camel(b.name());
            v.append("\" block ").append(b.name()).append('\n');
            List<String> contains = new ArrayList<>(List.of(literals.split(",")));
            if (b.holdsClassRows()) {
                v.append("syntax match recipeClassId /").append(ENTRY_START).append("-\\=\\d\\+\\>/ contained\n");
                v.append("syntax match recipeClassNature /\\%(").append(ENTRY_START.replace("\\@<=", ""))
                        .append("-\\=\\d\\+\\s\\+\\)\\@<=\\h\\w*/ contained\n");
                v.append("syntax match recipeClassName /\\%(").append(ENTRY_START.replace("\\@<=", ""))
                        .append("-\\=\\d\\+\\s\\+\\h\\w*\\s\\+\\)\\@<=\\h\\w*/ contained\n");
                v.append("syntax keyword recipeClassKeyword ").append(String.join(" ", RecipeVocabulary.CLASS_ROW_KEYWORDS))
                        .append(" contained\n");
                contains.addAll(List.of("recipeClassId", "recipeClassNature", "recipeClassName", "recipeClassKeyword"));
            } else {
                String settings = String.join("\\|", b.settings().keySet());
                v.append("syntax match recipeSetting").append(camel(b.name())).append(" /").append(ENTRY_START)
                        .append("\\<\\%(").append(settings).append("\\)\\>/ contained\n");
                v.append("highlight default link recipeSetting").append(camel(b.name())).append(" recipeSetting\n");
                contains.add("recipeSetting" + camel(b.name()));
                List<String> enums = RecipeVocabulary.enumWordsOfBlock(b);
                // A Vim keyword beats any match, so an enum word that is also a setting name of this
                // block (`norm_type data_scale`) becomes a match that cannot start an entry.
                List<String> plain = enums.stream().filter(w -> !b.settings().containsKey(w)).toList();
                List<String> clashing = enums.stream().filter(w -> b.settings().containsKey(w)).toList();
                if (!enums.isEmpty()) {
                    if (!plain.isEmpty()) {
                        v.append("syntax keyword recipeEnum").append(camel(b.name())).append(' ')
                                .append(String.join(" ", plain)).append(" contained\n");
                    }
                    if (!clashing.isEmpty()) {
                        v.append("syntax match recipeEnum").append(camel(b.name()))
                                .append(" /\\%([^{;[:space:]]\\s\\+\\)\\@<=\\<\\%(").append(String.join("\\|", clashing))
                                .append("\\)\\>/ contained\n");
                    }
                    v.append("highlight default link recipeEnum").append(camel(b.name())).append(" recipeEnum\n");
                    contains.add("recipeEnum" + camel(b.name()));
                }
                List<String> units = RecipeVocabulary.unitWordsOfBlock(b);
                if (!units.isEmpty()) {
                    v.append("syntax keyword recipeUnit").append(camel(b.name())).append(' ')
                            .append(String.join(" ", units)).append(" contained\n");
                    v.append("highlight default link recipeUnit").append(camel(b.name())).append(" recipeUnit\n");
                    contains.add("recipeUnit" + camel(b.name()));
                }
                if (RecipeVocabulary.blockTakesBoolean(b)) contains.add("recipeBoolean");
            }
            // The start match is the block name only; the label and `{` are part of the body.
            v.append("syntax region ").append(g).append(" matchgroup=recipeBlockName start=/\\<")
                    .append(b.name()).append("\\>\\ze\\%(\\s\\+\\%(\\h\\w*\\|\"[^\"]*\"\\)\\)\\=\\s*{/ end=/}/ contains=")
                    .append(String.join(",", contains)).append(" fold\n\n");
        }

        v.append("highlight default link recipeComment Comment\n");
        v.append("highlight default link recipeTodo Todo\n");
        v.append("highlight default link recipeString String\n");
        v.append("highlight default link recipeEscape SpecialChar\n");
        v.append("highlight default link recipeParamRef Identifier\n");
        v.append("highlight default link recipeParamName Identifier\n");
        v.append("highlight default link recipeNumber Number\n");
        v.append("highlight default link recipeSize Number\n");
        v.append("highlight default link recipePercent Number\n");
        v.append("highlight default link recipeBoolean Boolean\n");
        v.append("highlight default link recipeKeyword Keyword\n");
        v.append("highlight default link recipeBlockName Structure\n");
        v.append("highlight default link recipeSetting Type\n");
        v.append("highlight default link recipeEnum Constant\n");
        v.append("highlight default link recipeUnit Special\n");
        v.append("highlight default link recipeClassId Number\n");
        v.append("highlight default link recipeClassNature Tag\n");
        v.append("highlight default link recipeClassName Function\n");
        v.append("highlight default link recipeClassKeyword Keyword\n\n");
        v.append("let b:current_syntax = 'recipe'\n");
        return v.toString();
    }

    private static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return sb.toString();
    }
}
