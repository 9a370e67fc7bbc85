package io.wkforge.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.schema.BlockSpec;
import io.wkforge.lang.schema.SettingSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratedEditorFilesTest {

    @Test
    void committedEditorFilesMatchTheSchema() throws Exception {
        for (Map.Entry<String, String> e : EditorFiles.expected().entrySet()) {
            Path file = EditorTools.REPO.resolve(e.getKey());
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "<missing>";
            assertEquals(e.getValue(), committed, e.getKey() + " is stale: the schema changed. Regenerate with "
                    + "`./wkforge docs --regenerate` or `java -cp <classpath> io.wkforge.editor.EditorFiles .` and commit the result");
        }
    }

    @Test
    void everyBlockSettingAndEnumWordIsInBothGrammars() {
        String textMate = TextMateGrammarGenerator.generate();
        String vim = VimSyntaxGenerator.generate();
        for (BlockSpec b : RecipeVocabulary.blocks()) {
            assertTrue(textMate.contains("\"block-" + b.name() + "\""), b.name());
            assertTrue(vim.contains("\\<" + b.name() + "\\>"), b.name());
            for (SettingSpec s : b.settings().values()) {
                assertTrue(textMate.contains("(" + s.name() + ")\\\\b"), s.qualifiedName());
                assertTrue(vim.matches("(?s).*[%(|]" + s.name() + "[\\\\].*"), s.qualifiedName());
                for (String word : RecipeVocabulary.enumWords(s)) {
                    assertTrue(textMate.contains(word), s.qualifiedName() + " " + word);
                    assertTrue(vim.contains(word), s.qualifiedName() + " " + word);
                }
            }
        }
    }

    @Test
    void generateAllWritesOnlyWhatChanged(@org.junit.jupiter.api.io.TempDir Path root) {
        assertEquals(2, EditorFiles.generateAll(root).size());
        assertEquals(0, EditorFiles.generateAll(root).size());
    }
}
