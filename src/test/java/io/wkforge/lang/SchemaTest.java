package io.wkforge.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.docs.LanguageReference;
import io.wkforge.lang.schema.BlockSpec;
import io.wkforge.lang.schema.Schema;
import io.wkforge.lang.schema.SettingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {
    @TempDir
    Path dir;

    /** A default is recipe text: writing it explicitly must check clean and give the same value. */
    @Test
    void everyDefaultIsAValidValue() {
        StringBuilder sb = new StringBuilder(Recipes.CLASSES);
        for (BlockSpec b : Schema.blocks()) {
            if (b.holdsClassRows()) continue;
            sb.append(b.name());
            if (b.label() != null) sb.append(' ').append(b.label().defaultText());
            sb.append(" {\n");
            for (SettingSpec s : b.settings().values()) {
                if (s.defaultText() != null) sb.append("  ").append(s.name()).append(' ').append(s.defaultText()).append('\n');
            }
            sb.append("}\n");
        }
        Recipes.touch(dir, "v/tree.avi", "v/bg.avi");
        CheckResult r = Recipes.check(dir, sb.toString());
        assertEquals(List.of(), Recipes.besidesBoardApp(r));
    }

    @Test
    void everySettingHasADocAndIsReadBySomeStage() {
        Set<String> names = new HashSet<>();
        for (BlockSpec b : Schema.blocks()) {
            for (SettingSpec s : b.allSettings()) {
                assertFalse(s.doc().isBlank(), s.qualifiedName());
                assertFalse(s.readBy().isEmpty(), s.qualifiedName() + " is read by no stage: it could never change a cache key");
                assertTrue(names.add(s.qualifiedName()));
            }
        }
    }

    @Test
    void everyNnieMapperKeyHasASetting() {
        // from nnie-facts.md; the paths (prototxt, caffemodel, image_list, mean_file) are generated
        for (String key : List.of("net_type", "image_type", "norm_type", "data_scale", "batch_num", "sparse_rate",
                "compile_mode", "compress_mode", "is_simulation", "is_check_prototxt", "log_level", "instruction_name",
                "internal_stride", "rgb_order", "gfpq_param_file", "recurrent_tmax", "max_roi_frame_cnt", "roi_coordinate_file")) {
            assertTrue(Schema.setting("quantize." + key) != null, key);
        }
    }

    @Test
    void languageReferenceIsUpToDate() throws IOException {
        Path doc = Recipes.repoRoot().resolve("docs/language.md");
        assertEquals(LanguageReference.markdown(), Files.readString(doc),
                "docs/language.md is stale: run ./wkforge docs --regenerate");
    }

    @Test
    void aConditionalSettingIsKeyedOnlyWhileItsConditionHolds() {
        Recipes.touch(dir, "v/tree.avi", "v/bg.avi");
        var png = Recipes.check(dir, Recipes.CLASSES + "frames { quality 50 }\n").recipe();
        var jpg = Recipes.check(dir, Recipes.CLASSES + "frames { format jpg; quality 50 }\n").recipe();
        assertFalse(png.settingsReadBy(io.wkforge.lang.schema.StageId.FRAMES).containsKey("frames.quality"));
        assertEquals("50", jpg.settingsReadBy(io.wkforge.lang.schema.StageId.FRAMES).get("frames.quality"));
        assertTrue(Schema.setting("frames.quality").readByText().contains("when `format jpg`"));
    }

    @Test
    void aVerdictSettingIsInNoTaskKey() {
        Recipes.touch(dir, "v/tree.avi", "v/bg.avi");
        var r = Recipes.check(dir, Recipes.CLASSES + "frames { on_error skip }\n").recipe();
        assertFalse(r.settingsReadBy(io.wkforge.lang.schema.StageId.FRAMES).containsKey("frames.on_error"));
        assertEquals(java.util.Map.of("frames.on_error", "skip"), r.verdictSettingsOf(io.wkforge.lang.schema.StageId.FRAMES));
    }
}
