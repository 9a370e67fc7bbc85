package io.wkforge.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs editor-support/vscode/test/*.test.recipe through vscode-tmgrammar-test (VS Code's own tokenizer). */
class TextMateGrammarTest {

    @Test
    void grammarTestsPass() throws Exception {
        EditorTools.requireTool(EditorTools.onPath("node")
                        && Files.exists(EditorTools.VSCODE.resolve("node_modules/.bin/vscode-tmgrammar-test")),
                "node and editor-support/vscode/node_modules (npm ci)");
        EditorTools.Result r = EditorTools.run(EditorTools.VSCODE, List.of("node_modules/.bin/vscode-tmgrammar-test",
                "-g", "syntaxes/recipe.tmLanguage.json", "test/**/*.test.recipe"), 120);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("tokens.test.recipe run successfuly"), r.output());
    }

    @Test
    void aWrongExpectationFails() throws Exception {
        // Guards against a tool that passes whatever it is given.
        EditorTools.requireTool(EditorTools.onPath("node")
                        && Files.exists(EditorTools.VSCODE.resolve("node_modules/.bin/vscode-tmgrammar-test")),
                "node and editor-support/vscode/node_modules (npm ci)");
        java.nio.file.Path dir = Files.createTempDirectory(EditorTools.VSCODE.resolve("test"), "tmp-");
        try {
            Files.writeString(dir.resolve("wrong.test.recipe"), "# SYNTAX TEST \"source.recipe\"\nframes { fps 1 }\n"
                    + "#        ^^^ constant.language.enum.recipe\n");
            EditorTools.Result r = EditorTools.run(EditorTools.VSCODE, List.of("node_modules/.bin/vscode-tmgrammar-test",
                    "-g", "syntaxes/recipe.tmLanguage.json", EditorTools.VSCODE.relativize(dir) + "/*.test.recipe"), 120);
            assertTrue(r.exitCode() != 0, r.output());
        } finally {
            try (var files = Files.list(dir)) {
                for (var f : files.toList()) Files.delete(f);
            }
            Files.delete(dir);
        }
    }
}
