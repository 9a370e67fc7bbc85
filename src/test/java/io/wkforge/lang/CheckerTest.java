package io.wkforge.lang;

import static io.wkforge.lang.Recipes.CLASSES;
import static io.wkforge.lang.Recipes.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.model.EffectiveRecipe;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckerTest {
    @TempDir
    Path dir;

    @BeforeEach
    void videos() {
        Recipes.touch(dir, "v/tree.avi", "v/bg.avi", "v/Megamind.avi", "v/Megamind_2.avi", "v/street/a.avi", "v/street/b.avi");
    }

    private CheckResult check(String text) {
        return Recipes.check(dir, text);
    }

    private Diagnostic only(CheckResult r, String code) {
        List<Diagnostic> ds = r.diagnostics().stream().filter(d -> d.codeId().equals(code)).toList();
        assertEquals(1, ds.size(), () -> "expected one " + code + " in " + r.diagnostics());
        return ds.get(0);
    }

    @Test
    void acceptanceRecipeIsAcceptedExactlyAsWritten() {
        CheckResult r = check(Recipes.ACCEPTANCE);
        assertEquals(List.of(), Recipes.besidesBoardApp(r));
        EffectiveRecipe e = r.recipe();
        assertEquals(3, e.classes().size());
        assertEquals("03_other_background", e.classes().get(2).folderName());
        assertEquals(3, e.setting("train.epochs").asInt());
        assertEquals(0.2, e.setting("split.val").asFraction(), 1e-12);
        assertEquals("resnet18", e.setting("train.model").asString());
        assertEquals("yuv420sp", e.setting("quantize.image_type").asString(), "from the imported target");
        assertEquals("0", e.setting("quantize.compile_mode").asCode());
    }

    /** `epochs 0` takes pretrained weights as they are (issue 19): without a file there is nothing to take. */
    @Test
    void epochsZeroNeedsPretrainedWeights() {
        Diagnostic d = only(check(CLASSES + "train resnet18 {\n  epochs 0\n}\n"), "E123");
        assertTrue(d.message().contains("`epochs 0` takes the `pretrained` weights as they are"), d.message());
        assertEquals(List.of(), check(CLASSES + "train resnet18 {\n  epochs 0\n  pretrained \"not-yet-there.pth\"\n}\n").diagnostics()
                .stream().filter(x -> x.isError()).toList(), "a file that is not there yet is left to train");
    }

    @Test
    void unknownBlockSuggestsTheClosestName() {
        Diagnostic d = only(check(CLASSES + "tran resnet18 {\n  epochs 3\n}\n"), "E101");
        assertEquals("did you mean `train`?", d.help());
        assertEquals(5, d.line());
    }

    @Test
    void unknownSettingSuggestsTheClosestNameOrTheRightBlock() {
        CheckResult r = check(CLASSES + "frames {\n  fsp 2\n  seed 3\n}\n");
        List<Diagnostic> ds = r.diagnostics().stream().filter(d -> d.codeId().equals("E102")).toList();
        assertEquals(2, ds.size());
        assertEquals("did you mean `fps`?", ds.get(0).help());
        assertTrue(ds.get(1).help().contains("belongs in block `split`"), ds.get(1).help());
        assertEquals(6, ds.get(0).line());
        assertEquals(3, ds.get(0).column());
    }

    @Test
    void aClassRowWithoutVideosIsOneErrorNotAlsoAGapInTheIds() {
        String rows = "classes {\n  1 scene tree videos \"v/tree.avi\"\n  2 scene street\n  3 scene megamind videos \"v/Megamind.avi\"\n"
                + "  4 other background videos \"v/bg.avi\" background\n}\n";
        CheckResult r = check(rows);
        assertEquals(List.of("E115"), codes(r), () -> r.diagnostics().toString());
        assertTrue(r.diagnostics().get(0).message().contains("class `street` lists no videos"), r.diagnostics().get(0).message());
        // the background row itself malformed: no "no background class" on top of it
        CheckResult last = check("classes {\n  1 scene tree videos \"v/tree.avi\"\n  2 other background\n}\n");
        assertEquals(List.of("E115"), codes(last), () -> last.diagnostics().toString());
        // a real gap is still one
        CheckResult gap = check("classes {\n  1 scene tree videos \"v/tree.avi\"\n  2 scene street\n"
                + "  4 other background videos \"v/bg.avi\" background\n}\n");
        assertEquals(List.of("E115", "E112"), codes(gap), () -> gap.diagnostics().toString());
        assertTrue(gap.diagnostics().get(1).message().contains("must run 1..3 without gaps; expected id 3, found 4"), gap.diagnostics().get(1).message());
    }

    @Test
    void aWrongLabelIsNamedAsTheDocsNameIt() {
        Diagnostic d = only(check(CLASSES + "deploy board {\n}\n"), "E105");
        assertEquals("`board` is not a valid board for block `deploy`", d.message());
        assertTrue(d.help().contains("expected one of: taurus"), d.help());
        assertEquals("`resnet50` is not a valid model for block `train`", only(check(CLASSES + "train resnet50 {\n}\n"), "E105").message());
    }

    @Test
    void wrongTypeUnitAndRange() {
        CheckResult r = check(CLASSES + "train resnet18 {\n  epochs many\n  lr 5%\n  batch 0\n}\npreprocess {\n  resize 72\n}\n");
        assertEquals(List.of("E103", "E104", "E105", "E104"), codes(r));
        assertEquals("write `resize 72x72`", r.diagnostics().get(3).help());
    }

    @Test
    void enumValueOutsideTheListSuggests() {
        Diagnostic d = only(check(CLASSES + "train resnet18 {\n  optimizer sdg\n}\n"), "E105");
        assertTrue(d.help().startsWith("did you mean `sgd`?"), d.help());
    }

    @Test
    void duplicateClassIdAndName() {
        CheckResult r = check("""
                classes {
                  1 scene tree videos "v/tree.avi"
                  1 scene Tree videos "v/tree.avi"
                  2 other background videos "v/bg.avi" background
                }
                """);
        assertTrue(codes(r).contains("E110"), codes(r)::toString);
        assertTrue(codes(r).contains("E111"), codes(r)::toString);
    }

    @Test
    void idsMustRunOneToN() {
        Diagnostic d = only(check("""
                classes {
                  1 scene tree videos "v/tree.avi"
                  3 other background videos "v/bg.avi" background
                }
                """), "E112");
        assertTrue(d.message().contains("expected id 2, found 3"), d.message());
    }

    @Test
    void backgroundClassIsRequiredAndLast() {
        only(check("classes {\n  1 scene tree videos \"v/tree.avi\"\n}\n"), "E113");
        Diagnostic d = only(check("""
                classes {
                  1 other background videos "v/bg.avi" background
                  2 scene tree videos "v/tree.avi"
                }
                """), "E114");
        assertEquals(2, d.line());
    }

    @Test
    void cropLargerThanResize() {
        Diagnostic d = only(check(CLASSES + "preprocess {\n  resize 64x64\n  crop 72x64\n}\n"), "E120");
        assertEquals(1, d.related().size(), "points at the resize too");
    }

    @Test
    void meanAndStdNeedThreeValues() {
        CheckResult r = check(CLASSES + "preprocess {\n  mean 1 2\n  std 1 2 3 4\n}\n");
        assertEquals(List.of("E106", "E106"), codes(r));
    }

    @Test
    void stdThatDiffersPerChannelIsANoteSinceExportFoldsIt() {
        CheckResult r = check(CLASSES + "use \"presets/imagenet-normalize\"\n");
        Diagnostic d = only(r, "N122");
        assertFalse(d.isError());
        assertTrue(d.help().contains("export folds the per-channel ratio"), d.help());
        assertFalse(r.hasErrors());
        assertTrue(d.source().displayName().contains("imagenet-normalize"), "reported where the std was written");
    }

    @Test
    void aValueThatWouldBreakTheMapperCfgIsRefusedWhereItIsWritten() {
        CheckResult r = check(CLASSES + "quantize {\n  instruction_name \"resnet\\ninst\"\n  gfpq_param_file \"g[1].bin\"\n}\n");
        List<Diagnostic> ds = r.diagnostics().stream().filter(d -> d.codeId().equals("E124")).toList();
        assertEquals(2, ds.size(), r.diagnostics()::toString);
        assertEquals(6, ds.get(0).line());
        assertEquals(20, ds.get(0).column());
        assertTrue(ds.get(0).message().contains("`instruction_name` contains a line break (at character 7)"), ds.get(0).message());
        assertTrue(ds.get(0).message().contains("[instruction_name] value, one per line"), ds.get(0).message());
        assertEquals(7, ds.get(1).line());
        assertTrue(ds.get(1).message().contains("contains a bracket `[`"), ds.get(1).message());
        assertTrue(r.hasErrors());
        assertEquals(List.of(), codes(check(CLASSES + "quantize {\n  instruction_name \"resnet_inst\"\n}\n")));
    }

    @Test
    void instructionNameIsAFileNameOfUnder120Characters() {
        Diagnostic d = only(check(CLASSES + "quantize {\n  instruction_name \"out/resnet\"\n}\n"), "E123");
        assertTrue(d.message().contains("contains a folder"), d.message());
        d = only(check(CLASSES + "quantize {\n  instruction_name \"" + "x".repeat(120) + "\"\n}\n"), "E123");
        assertTrue(d.message().contains("is 120 characters long"), d.message());
    }

    @Test
    void aMapperChannelOrderOtherThanTheTrainedOneIsAWarning() {
        CheckResult r = check(CLASSES + "preprocess {\n  channel_order rgb\n}\nquantize {\n  rgb_order bgr\n}\n");
        Diagnostic d = only(r, "W125");
        assertFalse(r.hasErrors());
        assertEquals(9, d.line());
        assertTrue(d.message().contains("swapped red and blue"), d.message());
        assertEquals(List.of(), codes(check(CLASSES + "quantize {\n  rgb_order rgb\n}\n")), "rgb is both defaults");
    }

    @Test
    void aMeanFileNormalisationIsRefusedSinceTrainingUsesAChannelMean() {
        Diagnostic d = only(check(CLASSES + "quantize {\n  norm_type mean_file_data_scale\n}\n"), "E123");
        assertTrue(d.help().contains("norm_type channel_mean_data_scale"), d.help());
    }

    @Test
    void undefinedParamSuggests() {
        Diagnostic d = only(check(CLASSES + "param epochs = 3\ntrain resnet18 {\n  epochs $epoch\n}\n"), "E130");
        assertEquals("did you mean `epochs`?", d.help());
    }

    @Test
    void paramValueIsTypeCheckedWhereItIsUsed() {
        Diagnostic d = only(check(CLASSES + "param epochs = \"ten\"\ntrain resnet18 {\n  epochs $epochs\n}\n"), "E103");
        assertEquals(7, d.line());
    }

    @Test
    void importNotFoundAndCycle() {
        only(check(CLASSES + "use \"targets/nope\"\n"), "E140");
        Recipes.write(dir, "a.recipe", "use \"b\"\n");
        Recipes.write(dir, "b.recipe", "use \"a\"\n");
        Diagnostic d = only(check(CLASSES + "use \"a\"\n"), "E141");
        assertTrue(d.help().contains("a.recipe -> b.recipe -> a.recipe"), d.help());
    }

    @Test
    void stdlibIsBuiltInWhenNoStdlibFolderIsKnown() throws Exception {
        Path f = Recipes.write(dir, "r.recipe", CLASSES + "use \"targets/hi3516dv300\"\n");
        CheckResult r = io.wkforge.lang.check.Checker.check(io.wkforge.lang.source.SourceFile.read(f),
                io.wkforge.lang.check.Checker.Options.DEFAULT, new io.wkforge.lang.check.ImportResolver(null));
        assertEquals(List.of(), Recipes.besidesBoardApp(r));
        assertEquals("resnet_inst", r.recipe().setting("quantize.instruction_name").asString());
        assertEquals("stdlib:targets/hi3516dv300.recipe", r.recipe().setting("quantize.image_type").origin().source().displayName());
    }

    @Test
    void recipeOverridesImportsAndSetOverridesTheRecipe() {
        Recipes.write(dir, "base.recipe", "train resnet18 {\n  epochs 50\n  lr 0.5\n}\n");
        Path f = Recipes.write(dir, "r.recipe", CLASSES + "use \"base\"\ntrain resnet18 {\n  epochs 7\n}\n");
        EffectiveRecipe e = Recipes.check(f, false).recipe();
        assertEquals(7, e.setting("train.epochs").asInt());
        assertEquals(0.5, e.setting("train.lr").asDouble());
        EffectiveRecipe o = Recipes.check(f, false, "train.epochs=9", "train.lr=0.01").recipe();
        assertEquals(9, o.setting("train.epochs").asInt());
        assertEquals(0.01, o.setting("train.lr").asDouble());
    }

    @Test
    void setOverridesParamsAndRejectsUnknownNames() {
        Path f = Recipes.write(dir, "r.recipe", CLASSES + "param epochs = 3\ntrain resnet18 {\n  epochs $epochs\n}\n");
        assertEquals(12, Recipes.check(f, false, "epochs=12").recipe().setting("train.epochs").asInt());
        CheckResult bad = Recipes.check(f, false, "train.epoch=3", "epoch=3");
        assertEquals(List.of("E132", "E132"), codes(bad));
        assertTrue(bad.diagnostics().stream().anyMatch(d -> "did you mean `train.epochs`?".equals(d.help())));
    }

    @Test
    void videoPatternMatchingNothingIsAWarningForCheckAndAnErrorForRun() {
        Path f = Recipes.write(dir, "r.recipe", """
                classes {
                  1 scene tree videos "v/none/*.mp4"
                  2 other background videos "v/bg.avi" background
                }
                """);
        Diagnostic w = only(Recipes.check(f, false), "W150");
        assertEquals(2, w.line());
        assertEquals(23, w.column());
        only(Recipes.check(f, true), "E150");
    }

    @Test
    void valMustBeBetweenZeroAndFiftyPercent() {
        for (String bad : List.of("0%", "50%", "75%", "-5%")) {
            Diagnostic d = only(check(CLASSES + "split {\n  val " + bad + "\n}\n"), "E105");
            assertTrue(d.message().contains("greater than 0% and less than 50%"), d.message());
        }
        assertFalse(check(CLASSES + "split {\n  val 49.5%\n}\n").hasErrors());
    }

    @Test
    void duplicatesInOneFileAreErrors() {
        CheckResult r = check(CLASSES + "frames {\n  fps 1\n  fps 2\n}\nframes {\n}\nparam a = 1\nparam a = 2\n");
        assertTrue(codes(r).containsAll(List.of("E107", "E108", "E131")), codes(r)::toString);
    }

    @Test
    void crossSettingRules() {
        CheckResult r = check(CLASSES + "train resnet18 {\n  schedule step\n  devices cpu 0\n}\ndeploy taurus {\n  via ssh\n}\n");
        assertEquals(List.of("E123", "E123", "E119"), withoutBoardApp(codes(r)));
    }

    @Test
    void deployRules() {
        CheckResult r = check(CLASSES + "deploy taurus {\n  via dir\n  remote_dir \"userdata\"\n  password_env \"hunter2!\"\n}\n");
        assertEquals(List.of("E119", "E123", "E123"), withoutBoardApp(codes(r)));
        String all = r.diagnostics().stream().map(Diagnostic::message).toList().toString();
        assertTrue(all.contains("`via dir` needs the folder the board mounts"), all);
        assertTrue(all.contains("`remote_dir` is a path on the board and must be absolute"), all);
        assertTrue(all.contains("`hunter2!` is not a variable name"), all);
        assertEquals(List.of(), withoutBoardApp(codes(check(CLASSES + "deploy taurus {\n  via ssh\n  host \"10.0.0.2\"\n  password_env TAURUS_PW\n"
                + "  host_key accept_new\n  connect_timeout 3\n  retries 0\n}\n"))));
    }

    /** The board app's warnings (W126, W127) are tested on their own below; other tests look past them. */
    private static List<String> withoutBoardApp(List<String> codes) {
        return codes.stream().filter(c -> !c.endsWith("126") && !c.endsWith("127")).toList();
    }

    @Test
    void theBoardAppsInputAndCategoriesAreWarningsNamingWhatToChange() {
        String target = "use \"targets/hi3516dv300\"\n";
        String seedLike = """
                classes {
                  1 kitchen peel videos "v/a.avi"
                  2 other background videos "v/bg.avi" background
                }
                """;
        CheckResult r = check(target + seedLike + "preprocess {\n  resize 56x56\n  crop 48x48\n}\n");
        assertEquals(List.of("W127", "W126"), codes(r).stream().filter(c -> c.endsWith("126") || c.endsWith("127")).toList());
        String all = r.diagnostics().stream().map(Diagnostic::message).toList().toString();
        assertTrue(all.contains("the board app feeds 224x224 pictures but the network takes the crop 48x48 (preprocess.crop): "
                + "set preprocess.crop 224x224"), all);
        assertTrue(all.contains("1 of 2 classes will be shown under another category by the board app, which shows class indices by "
                + "fixed ranges (0-5 kitchen, 6-9 harmful, 10-15 recyclable, 16-19 other, 20 and above unknown): class 2 `other background` "
                + "(index 1) shows as kitchen, though it is the background"), all);
        assertFalse(r.hasErrors(), "warnings only: the user may run an app of their own");
        Diagnostic categories = r.diagnostics().stream().filter(d -> d.codeId().equals("W127")).findFirst().orElseThrow();
        assertEquals(4, categories.line(), "W127 points at the row of the first class it names (the background's)");

        // an app of one's own: its facts as settings, and the warnings go
        CheckResult own = check(target + seedLike + "preprocess {\n  resize 56x56\n  crop 48x48\n}\n"
                + "deploy taurus {\n  app_input 48x48 yuv420sp\n  app_categories 1 0 0 0\n}\n");
        assertEquals(List.of(), codes(own).stream().filter(c -> c.endsWith("126") || c.endsWith("127")).toList(), own.diagnostics()::toString);
        // no deploy target named: nothing to say about an app
        assertEquals(List.of(), codes(check(seedLike)).stream().filter(c -> c.endsWith("126") || c.endsWith("127")).toList());
        // the image type the app feeds
        CheckResult u8 = check(target + seedLike + "quantize {\n  image_type u8\n}\ndeploy taurus {\n  app_categories 1 0 0 0\n}\n");
        assertTrue(u8.diagnostics().stream().anyMatch(d -> d.message().contains("the board app feeds yuv420sp pictures but "
                + "quantize.image_type is u8: set quantize.image_type yuv420sp")), u8.diagnostics()::toString);
    }

    @Test
    void brokenFileStillGetsSemanticChecks() {
        CheckResult r = check(CLASSES + "frames {\n  fps = 2\n  formt png\n}\n");
        assertTrue(codes(r).containsAll(List.of("E001", "E102")), codes(r)::toString);
    }

    @Test
    void fragmentsWithoutClassesCheckClean() {
        for (String f : List.of("targets/hi3516dv300", "presets/seed-normalize", "presets/seed-training")) {
            CheckResult r = Recipes.check(Recipes.repoRoot().resolve("stdlib/" + f + ".recipe"), false);
            assertTrue(r.fragment());
            assertEquals(List.of(), r.diagnostics(), f);
        }
    }

    @Test
    void defaultsAreFilledAndUnsetSettingsStayUnset() {
        EffectiveRecipe e = check(CLASSES).recipe();
        assertEquals("256x256", e.setting("preprocess.resize").text());
        assertEquals(io.wkforge.lang.model.Origin.Kind.DEFAULT, e.setting("preprocess.resize").origin().kind());
        assertEquals("0.1", e.setting("train.lr").text());
        // settings without a default stay unset (no value, empty text), whatever their type
        for (String unset : List.of("train.pretrained", "quantize.data_scale", "quantize.max_top1_drop", "deploy.host")) {
            assertFalse(e.setting(unset).isSet(), unset);
            assertEquals("", e.setting(unset).text(), unset);
        }
    }
}
