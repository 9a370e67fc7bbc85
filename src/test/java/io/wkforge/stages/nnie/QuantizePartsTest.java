package io.wkforge.stages.nnie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.Recipes;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.stages.common.dataset.SplitLists;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of quantize that need no network: the image list's choice, data_scale, the mapper's error lines. */
class QuantizePartsTest {
    @TempDir
    Path dir;

    private static List<SplitLists.Image> images(int... perClass) {
        List<SplitLists.Image> out = new ArrayList<>();
        for (int c = 0; c < perClass.length; c++) {
            for (int i = perClass[c] - 1; i >= 0; i--) {
                out.add(new SplitLists.Image(Path.of("/d/" + c + "/" + i + ".png"), c, String.format("dataset/train/%d/%03d.png", c, i)));
            }
        }
        return out;
    }

    @Test
    void calibrationPicturesAreSpreadOverClassesAndOverEachClassDeterministically() {
        List<SplitLists.Image> chosen = CalibrationImages.choose(images(100, 100, 3, 100), 10);
        Map<Integer, List<String>> byClass = new TreeMap<>();
        for (SplitLists.Image i : chosen) byClass.computeIfAbsent(i.label(), k -> new ArrayList<>()).add(i.name());
        assertEquals(List.of(3, 3, 2, 2), byClass.values().stream().map(List::size).toList(), byClass.toString());
        assertEquals(List.of("dataset/train/0/016.png", "dataset/train/0/050.png", "dataset/train/0/083.png"), byClass.get(0),
                "evenly over the class's pictures in name order");
        assertEquals(chosen, CalibrationImages.choose(images(100, 100, 3, 100), 10), "deterministic");
        List<SplitLists.Image> small = CalibrationImages.choose(images(2, 1), 10);
        assertEquals(3, small.size(), "all there are when fewer than asked");
    }

    @Test
    void imageListTakesBracketsButNotLineBreaks() throws Exception {
        Path bracketed = dir.resolve("cats [2024]/a (1).png");
        assertEquals(bracketed.toAbsolutePath().normalize().toString(), QuantizeStage.imageListLine(bracketed));
        io.wkforge.run.StageException e = org.junit.jupiter.api.Assertions.assertThrows(io.wkforge.run.StageException.class,
                () -> QuantizeStage.imageListLine(dir.resolve("two\nlines.png")));
        assertTrue(e.getMessage().contains("two\\nlines.png has a line break"), e.getMessage());
    }

    @Test
    void dataScaleKeepsTheExportsDigitsOrTheRecipesExactValue() {
        BigDecimal export = new BigDecimal("0.007843137254901960784313725490196078");
        DataScale fromExport = DataScale.choose(null, export);
        assertEquals("0.007843137254901960784313725490196078", fromExport.cfgText());
        assertNull(fromExport.disagreement("x"));
        DataScale seed = DataScale.choose(new BigDecimal("0.0078431372549019607843137254902"), export);
        assertTrue(seed.agrees());
        DataScale short5 = DataScale.choose(new BigDecimal("0.0078431"), export);
        assertEquals("0.0078431000000000000", short5.cfgText(), "17 significant digits, the same number");
        assertFalse(short5.agrees(), "4.7e-6 relative: not the same number");
        assertTrue(short5.disagreement("r.recipe:3").contains("quantize.data_scale 0.0078431 (r.recipe:3) differs"));
    }

    @Test
    void mapperErrorsNameTheSettingBehindTheKeyTheyMention() throws Exception {
        Recipes.touch(dir, "v/tree.avi", "v/bg.avi");
        Path recipe = Recipes.write(dir, "r.recipe", Recipes.CLASSES + "quantize {\n  image_type yuv420sp\n  norm_type channel_mean_data_scale\n}\n");
        EffectiveRecipe r = Recipes.check(recipe, true).recipe();
        List<String> lines = List.of("Mapper Version 1.2.2.0_B010 (NNIE_1.2) 1904161030280801", "begin net parsing....",
                "ERROR: file: parsePermutePara  line: 6149", "layer name: [Transpose_174]. error:Permute can only support (0,1,2,3) -> (0,2,3,1) order!",
                "ERROR: image_type 3 requires norm_type in [0,5]", "all fine here",
                "nnie_mapper_12: error while loading shared libraries: libprotobuf.so.13: cannot open shared object file");
        List<String> out = MapperErrors.explain(lines, r::setting, "/b/caffe/model.prototxt");
        assertEquals(3, out.size(), out.toString());
        assertTrue(out.get(0).startsWith("mapper: ERROR: file: parsePermutePara  line: 6149 layer name: [Transpose_174]"), out.get(0));
        assertTrue(out.get(0).contains("see /b/caffe/model.prototxt (written by export"), out.get(0));
        assertTrue(out.get(1).contains("quantize.image_type = yuv420sp (") && out.get(1).contains("r.recipe:6:14)")
                && out.get(1).contains("quantize.norm_type = channel_mean_data_scale (") && out.get(1).contains("r.recipe:7:13)"), out.get(1));
        assertTrue(out.get(2).contains("libprotobuf.so.13 is missing"), out.get(2));
    }
}
