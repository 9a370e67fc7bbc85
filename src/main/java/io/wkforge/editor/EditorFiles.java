package io.wkforge.editor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The editor files derived from the schema, and the one call that rewrites them. `wkforge docs`
 * calls {@link #generateAll(Path)}; a test fails when the committed files differ from
 * {@link #expected()}, so a schema change cannot leave the editors behind.
 */
public final class EditorFiles {
    public static final String GENERATED_NOTE = "GENERATED from io.wkforge.lang.schema.Schema by io.wkforge.editor; "
            + "do not edit. Regenerate: ./wkforge docs --regenerate (or: java -cp <classpath> io.wkforge.editor.EditorFiles <repo root>).";

    public static final String TEXTMATE_GRAMMAR = "editor-support/vscode/syntaxes/recipe.tmLanguage.json";
    public static final String VIM_SYNTAX = "editor-support/vim/syntax/recipe.vim";

    private EditorFiles() {}

    /** Path relative to the repository root, mapped to the content it must have. */
    public static Map<String, String> expected() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(TEXTMATE_GRAMMAR, TextMateGrammarGenerator.generate());
        out.put(VIM_SYNTAX, VimSyntaxGenerator.generate());
        return out;
    }

    /** Rewrites every generated editor file under {@code repoRoot}; returns those that changed. */
    public static java.util.List<Path> generateAll(Path repoRoot) {
        java.util.List<Path> changed = new java.util.ArrayList<>();
        try {
            for (Map.Entry<String, String> e : expected().entrySet()) {
                Path file = repoRoot.resolve(e.getKey());
                if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(e.getValue())) continue;
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
                changed.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changed;
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        for (Path p : generateAll(root)) System.out.println("wrote " + p);
    }
}
