package io.wkforge.editor;

import io.wkforge.lang.schema.BlockSpec;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.util.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes editor-support/vscode/syntaxes/recipe.tmLanguage.json from the schema.
 *
 * <p>Highlighting follows the language's structure rather than a flat word list: each known block
 * is a begin/end region whose setting names are only those of that block, and each setting is a
 * region up to `;`, `}`, `#` or the end of the line whose enum words are only that setting's.
 * So `rgb` is an enum value after `channel_order` but plain text as a class name.
 */
public final class TextMateGrammarGenerator {
    public static final String SCOPE = "source.recipe";
    static final String IDENT = "[A-Za-z_][A-Za-z0-9_]*";
    static final String STRING = "\"(?:[^\"\\\\]|\\\\.)*\"";
    /** An entry starts a line, or follows `{` or `;` (`frames { fps 1; format png }`). */
    static final String ENTRY_START = "(?:^|(?<=[{;]))\\s*";

    private TextMateGrammarGenerator() {}

    public static String generate() {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("$schema", "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json");
        g.put("name", "wkforge recipe");
        g.put("scopeName", SCOPE);
        g.put("fileTypes", List.of("recipe"));
        g.put("comment", EditorFiles.GENERATED_NOTE);

        List<Object> top = new ArrayList<>();
        top.add(include("comment"));
        top.add(include("use"));
        top.add(include("param-decl"));
        for (BlockSpec b : RecipeVocabulary.blocks()) top.add(include("block-" + b.name()));
        top.add(include("block-unknown"));
        top.add(include("values"));
        top.add(include("punctuation"));
        g.put("patterns", top);

        Map<String, Object> repo = new LinkedHashMap<>();
        repo.put("comment", rule("match", "(#).*$", "name", "comment.line.number-sign.recipe",
                "captures", captures("punctuation.definition.comment.recipe")));
        repo.put("use", rule("match", "\\b(use)\\b", "captures", captures("keyword.control.import.recipe")));
        repo.put("param-decl", rule("match", "\\b(param)\\b(?:\\s+(" + IDENT + "))?\\s*(=)?",
                "captures", captures("keyword.other.param.recipe", "variable.other.param.declaration.recipe",
                        "keyword.operator.assignment.recipe")));
        for (BlockSpec b : RecipeVocabulary.blocks()) {
            repo.put("block-" + b.name(), b.holdsClassRows() ? classesBlock(b) : block(b));
            for (SettingSpec s : b.settings().values()) repo.put(settingKey(s), setting(s));
        }
        repo.put("block-unknown", unknownBlock());
        repo.put("class-row", rule("match", ENTRY_START + "(-?\\d+)\\b(?:\\s+(?!videos\\b|background\\b)(" + IDENT + "))?"
                        + "(?:\\s+(?!videos\\b|background\\b)(" + IDENT + "))?",
                "captures", captures("constant.numeric.integer.class-id.recipe", "entity.name.tag.class-nature.recipe",
                        "entity.name.class.recipe")));
        repo.put("class-keyword", rule("match", "\\b(" + String.join("|", RecipeVocabulary.CLASS_ROW_KEYWORDS) + ")\\b",
                "captures", captures("keyword.other.class-row.recipe")));
        repo.put("boolean", rule("match", "\\b(true|false)\\b", "captures", captures("constant.language.boolean.recipe")));
        repo.put("values", rule("patterns", List.of(include("string"), include("param-ref"), include("size"),
                include("percent"), include("decimal"), include("integer"))));
        repo.put("string", rule("begin", "\"", "end", "\"|$", "name", "string.quoted.double.recipe",
                "patterns", List.of(rule("match", "\\\\.", "name", "constant.character.escape.recipe"))));
        repo.put("param-ref", rule("match", "(\\$)" + IDENT, "name", "variable.other.param.recipe",
                "captures", captures("punctuation.definition.variable.recipe")));
        repo.put("size", rule("match", "(?<![\\w.$-])\\d+(x)\\d+\\b", "name", "constant.numeric.size.recipe",
                "captures", captures("keyword.other.unit.size.recipe")));
        repo.put("percent", rule("match", "(?<![\\w.$])-?\\d+(?:\\.\\d+)?(%)", "name", "constant.numeric.percentage.recipe",
                "captures", captures("keyword.other.unit.percent.recipe")));
        repo.put("decimal", rule("match", "(?<![\\w.$])-?\\d+(?:\\.\\d+(?:[eE][+-]?\\d+)?|[eE][+-]?\\d+)\\b",
                "name", "constant.numeric.decimal.recipe"));
        repo.put("integer", rule("match", "(?<![\\w.$])-?\\d+\\b", "name", "constant.numeric.integer.recipe"));
        repo.put("punctuation", rule("patterns", List.of(
                rule("match", ";", "name", "punctuation.terminator.recipe"),
                rule("match", "[{}]", "name", "punctuation.section.block.recipe"))));
        g.put("repository", repo);
        return Json.write(g) + "\n";
    }

    private static String settingKey(SettingSpec s) {
        return "setting-" + s.block() + "-" + s.name();
    }

    /** `train resnet18 {` ... `}`: the label is an enum value when the schema lists it. */
    private static Map<String, Object> block(BlockSpec b) {
        String labelWords = b.label() == null ? null : String.join("|", RecipeVocabulary.enumWords(b.label()));
        String begin = "\\b(" + b.name() + ")\\b\\s*(?:"
                + (labelWords == null || labelWords.isEmpty() ? "()" : "(" + labelWords + ")\\b") + "|(" + IDENT + ")|(" + STRING + "))?"
                + "\\s*(\\{)";
        List<Object> patterns = new ArrayList<>();
        patterns.add(include("comment"));
        for (SettingSpec s : b.settings().values()) patterns.add(include(settingKey(s)));
        patterns.add(include("values"));
        patterns.add(include("punctuation"));
        return rule("name", "meta.block." + b.name() + ".recipe", "begin", begin,
                "beginCaptures", captures("entity.name.type.block.recipe", "constant.language.enum.recipe",
                        "entity.name.label.recipe", "string.quoted.double.recipe", "punctuation.section.block.begin.recipe"),
                "end", "\\}", "endCaptures", Map.of("0", Map.of("name", "punctuation.section.block.end.recipe")),
                "patterns", patterns);
    }

    private static Map<String, Object> classesBlock(BlockSpec b) {
        return rule("name", "meta.block." + b.name() + ".recipe", "begin", "\\b(" + b.name() + ")\\b\\s*(\\{)",
                "beginCaptures", captures("entity.name.type.block.recipe", "punctuation.section.block.begin.recipe"),
                "end", "\\}", "endCaptures", Map.of("0", Map.of("name", "punctuation.section.block.end.recipe")),
                "patterns", List.of(include("comment"), include("class-row"), include("class-keyword"),
                        include("values"), include("punctuation")));
    }

    /** A block the schema does not know: its name and keys stay plain so the mistake stands out. */
    private static Map<String, Object> unknownBlock() {
        return rule("name", "meta.block.unknown.recipe",
                "begin", "\\b(" + IDENT + ")\\b\\s*(?:(" + IDENT + ")|(" + STRING + "))?\\s*(\\{)",
                "beginCaptures", captures(null, null, "string.quoted.double.recipe", "punctuation.section.block.begin.recipe"),
                "end", "\\}", "endCaptures", Map.of("0", Map.of("name", "punctuation.section.block.end.recipe")),
                "patterns", List.of(include("comment"), include("values"), include("punctuation")));
    }

    /** One setting, from its name to the end of the entry; only its own enum and unit words are special. */
    private static Map<String, Object> setting(SettingSpec s) {
        List<Object> patterns = new ArrayList<>();
        List<String> enums = RecipeVocabulary.enumWords(s);
        if (!enums.isEmpty()) {
            patterns.add(rule("match", "\\b(" + String.join("|", enums) + ")\\b", "captures", captures("constant.language.enum.recipe")));
        }
        List<String> units = RecipeVocabulary.unitWords(s);
        if (!units.isEmpty()) {
            patterns.add(rule("match", "\\b(" + String.join("|", units) + ")\\b", "captures", captures("keyword.other.unit.recipe")));
        }
        if (RecipeVocabulary.takesBoolean(s)) patterns.add(include("boolean"));
        patterns.add(include("values"));
        return rule("name", "meta.setting.recipe", "begin", ENTRY_START + "(" + s.name() + ")\\b",
                "beginCaptures", captures("support.type.property-name.recipe"),
                "end", "(?=[;}#])|$", "patterns", patterns);
    }

    private static Map<String, Object> include(String name) {
        return Map.of("include", "#" + name);
    }

    /** Captures numbered from 1; a null scope leaves that group unscoped. */
    private static Map<String, Object> captures(String... scopes) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < scopes.length; i++) {
            if (scopes[i] != null) out.put(String.valueOf(i + 1), Map.of("name", scopes[i]));
        }
        return out;
    }

    private static Map<String, Object> rule(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) out.put((String) keyValues[i], keyValues[i + 1]);
        return out;
    }
}
