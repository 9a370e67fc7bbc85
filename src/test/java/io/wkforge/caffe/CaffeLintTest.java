package io.wkforge.caffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.caffe.lint.CaffeCode;
import io.wkforge.caffe.lint.LintOptions;
import io.wkforge.caffe.lint.LintResult;
import io.wkforge.caffe.lint.NnieTarget;
import io.wkforge.caffe.net.CaffeLayer;
import io.wkforge.caffe.net.Shapes;
import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each NNIE rule on a network that breaks exactly it, and real-world networks that break none. */
class CaffeLintTest {

    /** `CODE@line:col` of every finding, in order. */
    private static List<String> found(LintResult r) {
        return r.diagnostics().stream().map(d -> d.codeId() + "@" + d.line() + ":" + d.column()).toList();
    }

    private static LintResult lintWith(String from, String to) {
        String text = Nets.SMALL.replace(from, to);
        assertTrue(!text.equals(Nets.SMALL), "the test's replacement must change the network: " + from);
        return Nets.lint(text);
    }

    private static Diagnostic only(LintResult r, CaffeCode code) {
        List<Diagnostic> ds = r.diagnostics().stream().filter(d -> d.code() == code).toList();
        assertEquals(1, ds.size(), r.diagnostics().toString());
        return ds.get(0);
    }

    private static String shapeOf(LintResult r, String layer) {
        for (CaffeLayer l : r.net().layers()) if (l.name().equals(layer)) return Shapes.format(r.shapes().outputsOf(l).get(0));
        throw new AssertionError("no layer " + layer);
    }

    @Test
    void theSmallNetworkIsClean() {
        assertEquals(List.of(), Nets.lint(Nets.SMALL).diagnostics());
    }

    @Test
    void realWorldNetworksThatNnieRunsRaiseNoFalseAlarm() {
        for (String net : List.of(Nets.SQUEEZENET, Nets.MOBILENET, Nets.SSD)) {
            LintResult r = Nets.lint(Nets.resource(net));
            assertEquals(List.of(), r.diagnostics(), net);
        }
    }

    /** Shape inference against the sizes these networks are known to have. */
    @Test
    void shapesOfRealWorldNetworks() {
        LintResult squeeze = Nets.lint(Nets.resource(Nets.SQUEEZENET));
        assertEquals("1x64x113x113", shapeOf(squeeze, "conv1"));
        assertEquals("1x64x56x56", shapeOf(squeeze, "pool1"));
        assertEquals("1x128x56x56", shapeOf(squeeze, "fire2/concat"));
        assertEquals("1x512x14x14", shapeOf(squeeze, "fire9/concat"));
        assertEquals("1x1000x1x1", shapeOf(squeeze, "prob"));
        LintResult mobile = Nets.lint(Nets.resource(Nets.MOBILENET));
        assertEquals("1x32x112x112", shapeOf(mobile, "conv1"));
        assertEquals("1x1024x7x7", shapeOf(mobile, "conv6/sep"));
        assertEquals("1x1000x1x1", shapeOf(mobile, "prob"));
        LintResult ssd = Nets.lint(Nets.resource(Nets.SSD));
        assertEquals("1x38x38x16", shapeOf(ssd, "conv4_3_norm_mbox_loc_perm"));
        assertEquals("1x23104", shapeOf(ssd, "conv4_3_norm_mbox_loc_flat"));
        assertEquals("1x31768", shapeOf(ssd, "mbox_loc"));
        assertEquals("1x7942x21", shapeOf(ssd, "mbox_conf_reshape"));
        assertEquals("1x166782", shapeOf(ssd, "mbox_conf_flatten"));
    }

    @Test
    void legacyLayersAndEnumTypes() {
        LintResult r = Nets.lint(Nets.SMALL.replace("layer { name: \"relu1\" type: \"ReLU\"", "layers { name: \"relu1\" type: RELU"));
        Diagnostic d = only(r, CaffeCode.LEGACY_LAYERS);
        assertEquals("E810@11:1", d.codeId() + "@" + d.line() + ":" + d.column());
        assertTrue(d.help().contains("type: \"ReLU\""), d.help());

        r = lintWith("type: \"InnerProduct\"", "type: InnerProduct");
        d = only(r, CaffeCode.ENUM_LAYER_TYPE);
        assertEquals(List.of("E811@22:9"), found(r));
        assertEquals("write `type: \"InnerProduct\"`", d.help());
    }

    @Test
    void legacyInputDimHeader() {
        LintResult r = lintWith("input_shape { dim: 1 dim: 3 dim: 32 dim: 32 }", "input_dim: 1\ninput_dim: 3\ninput_dim: 32\ninput_dim: 32");
        Diagnostic d = only(r, CaffeCode.LEGACY_INPUT_DIM);
        assertEquals(3, d.line());
        assertEquals("write `input_shape { dim: 1 dim: 3 dim: 32 dim: 32 }` after `input`, or use an Input layer", d.help());
        assertEquals("1x8x16x16", shapeOf(r, "conv1"), "the legacy header's shape is still understood");
    }

    @Test
    void inputProblems() {
        assertEquals(List.of("E813@1:1"), found(Nets.lint("layer { name: \"a\" type: \"ReLU\" }")));
        assertEquals(List.of("W814@2:1"), found(lintWith("dim: 1 dim: 3 dim: 32", "dim: 4 dim: 3 dim: 32")));
        assertEquals(List.of("E815@2:1"), found(lintWith("dim: 1 dim: 3 dim: 32", "dim: 1 dim: 4 dim: 32")));
        LintResult featureMap = Nets.lint(Nets.SMALL.replace("dim: 1 dim: 3 dim: 32", "dim: 1 dim: 4 dim: 32"),
                new LintOptions(NnieTarget.standard(), false));
        assertEquals(List.of(), featureMap.diagnostics(), "a feature-map input may have any channel count");
        assertEquals(List.of("E816@2:1"), found(lintWith("input_shape { dim: 1 dim: 3 dim: 32 dim: 32 }", "")));
    }

    @Test
    void poolingRoundingFields() {
        LintResult r = lintWith("pool: MAX kernel_size: 3 stride: 2", "pool: MAX kernel_size: 3 stride: 2 ceil_mode: false");
        assertEquals(List.of("E820@17:54"), found(r));
        assertTrue(only(r, CaffeCode.POOLING_ROUNDING).help().contains("NNIE always rounds pooling up"));
        r = lintWith("pool: MAX kernel_size: 3 stride: 2", "pool: MAX kernel_size: 3 stride: 2 round_mode: FLOOR");
        assertEquals(List.of("E820@17:54"), found(r));
    }

    @Test
    void unsupportedLayerTypesWithAHelpThatFitsTheCase() {
        LintResult r = lintWith("type: \"ReLU\"", "type: \"Interp\"");
        Diagnostic d = only(r, CaffeCode.UNSUPPORTED_LAYER);
        assertEquals("E821@11:23", d.codeId() + "@" + d.line() + ":" + d.column());
        assertTrue(d.help().contains("Custom"), d.help());
        assertTrue(d.help().contains("--allow-type Interp"), d.help());
        LintResult allowed = Nets.lint(Nets.SMALL.replace("type: \"ReLU\"", "type: \"Interp\""),
                new LintOptions(NnieTarget.standard().allowing(Set.of("Interp")), true));
        assertEquals(List.of(), allowed.diagnostics());

        d = only(lintWith("type: \"Softmax\"", "type: \"SoftmaxWithLoss\""), CaffeCode.UNSUPPORTED_LAYER);
        assertTrue(d.help().contains("for training"), d.help());
        d = only(lintWith("type: \"ReLU\"", "type: \"PriorBox\""), CaffeCode.UNSUPPORTED_LAYER);
        assertTrue(d.help().contains("CPU"), d.help());
        d = only(lintWith("type: \"ReLU\"", "type: \"Relu\""), CaffeCode.UNSUPPORTED_LAYER);
        assertTrue(d.help().startsWith("did you mean `ReLU`?"), d.help());
    }

    @Test
    void reshapeMustKeepTheBatch() {
        String reshape = "layer { name: \"flat\" type: \"Reshape\" bottom: \"pool1\" top: \"flat\" reshape_param { shape { dim: %s dim: -1 } } }";
        String original = "layer { name: \"flat\" type: \"Flatten\" bottom: \"pool1\" top: \"flat\" }";
        LintResult ok = lintWith(original, reshape.formatted("0"));
        assertEquals(List.of(), ok.diagnostics());
        assertEquals("1x512", shapeOf(ok, "flat"));
        assertEquals(List.of("E822@19:95"), found(lintWith(original, reshape.formatted("1"))));
        String withAxis = "layer { name: \"flat\" type: \"Reshape\" bottom: \"pool1\" top: \"flat\" reshape_param { axis: 1 shape { dim: -1 } } }";
        assertEquals(List.of(), lintWith(original, withAxis).diagnostics(), "axis 1 leaves the batch alone");
    }

    @Test
    void permuteOnlyToNhwc() {
        String original = "layer { name: \"flat\" type: \"Flatten\" bottom: \"pool1\" top: \"flat\" }";
        String permute = "layer { name: \"perm\" type: \"Permute\" bottom: \"pool1\" top: \"perm\" permute_param { %s } }\n"
                + "layer { name: \"flat\" type: \"Flatten\" bottom: \"perm\" top: \"flat\" }";
        assertEquals(List.of(), lintWith(original, permute.formatted("order: 0 order: 2 order: 3 order: 1")).diagnostics());
        assertEquals(List.of(), lintWith(original, permute.formatted("order: 0 order: 2 order: 3")).diagnostics(),
                "Caffe completes a partial order with the missing axes");
        LintResult r = lintWith(original, permute.formatted("order: 0 order: 3 order: 1 order: 2"));
        assertEquals(List.of("E823@19:66"), found(r));
        assertTrue(only(r, CaffeCode.PERMUTE_ORDER).message().contains("[0, 3, 1, 2]"));
        assertEquals(List.of("E823@19:66"), found(lintWith(original, permute.formatted("order: 0 order: 1 order: 2 order: 3"))));
    }

    @Test
    void sliceNotOnTheBatchAxis() {
        String original = "layer { name: \"flat\" type: \"Flatten\" bottom: \"pool1\" top: \"flat\" }";
        String slice = "layer { name: \"cut\" type: \"Slice\" bottom: \"pool1\" top: \"a\" top: \"flat\" slice_param { %s } }";
        assertEquals(List.of(), lintWith(original, slice.formatted("axis: 1 slice_point: 2")).diagnostics());
        assertEquals(List.of("E824@19:86"), found(lintWith(original, slice.formatted("axis: 0"))));
        assertEquals(List.of("E824@19:86"), found(lintWith(original, slice.formatted("slice_dim: 0"))));
        assertEquals(List.of("E824@19:86"), found(lintWith(original, slice.formatted("axis: -4"))));
    }

    @Test
    void aClassifierNeedsItsSoftmax() {
        LintResult r = lintWith("layer { name: \"prob\" type: \"Softmax\" bottom: \"fc\" top: \"prob\" }\n", "");
        Diagnostic d = only(r, CaffeCode.NO_SOFTMAX);
        assertEquals(21, d.line(), "at the InnerProduct that ends the network");
        assertTrue(d.help().contains("type: \"Softmax\" bottom: \"fc\""), d.help());
    }

    @Test
    void namesAndWiring() {
        assertEquals(List.of("E830@11:9"), found(lintWith("name: \"relu1\"", "name: \"conv1\"")));
        LintResult twice = lintWith("top: \"flat\" }", "top: \"conv1\" }");
        Diagnostic dup = only(twice, CaffeCode.DUPLICATE_TOP);
        assertEquals(19, dup.line());
        assertEquals("first produced here", dup.related().get(0).message());
        assertEquals(8, dup.related().get(0).source().line(dup.related().get(0).span().start()));
        assertEquals(List.of(), lintWith("top: \"flat\" }", "top: \"pool1\" }").diagnostics().stream()
                .filter(x -> x.code() == CaffeCode.DUPLICATE_TOP).toList(), "an in-place layer reuses its input's name");
        Diagnostic d = only(lintWith("bottom: \"flat\"", "bottom: \"flatt\""), CaffeCode.UNDEFINED_BOTTOM);
        assertEquals("did you mean `flat`?", d.help());
        assertEquals(List.of("W833@11:1"), found(lintWith("name: \"relu1\" ", "")));
        assertEquals(List.of("E826@11:9"), found(lintWith("type: \"ReLU\" ", "")));
    }

    @Test
    void fieldsAndValuesAsCaffesParserSeesThem() {
        LintResult r = lintWith("num_output: 8", "num_outputs: 8");
        assertEquals(List.of("W801@9:23"), found(r));
        assertEquals("did you mean `num_output`?", only(r, CaffeCode.UNKNOWN_FIELD).help());
        assertEquals(List.of("E802@9:35"), found(lintWith("num_output: 8", "num_output: \"8\"")));
        r = lintWith("pool: MAX", "pool: \"MAX\"");
        assertEquals("enum values are written without quotes: `pool: MAX`", only(r, CaffeCode.WRONG_VALUE).help());
        assertEquals(List.of("E803@9:37"), found(lintWith("num_output: 8", "num_output: 8 num_output: 9")));
        assertEquals(List.of("E805@9:23"), found(lintWith("num_output: 8", "num_output { }")));
    }

    @Test
    void syntaxErrorsAreReportedAndTheRestIsStillRead() {
        LintResult r = Nets.lint(Nets.SMALL.replace("name: \"conv1\"", "name: \"conv1").replace("top: \"fc\"\n", "top: \"fc\"\n  @@ %%\n"));
        assertEquals(List.of("E800@5:9", "E800@25:3"), found(r).subList(0, 2));
        assertEquals("unterminated string", r.diagnostics().get(0).message());
        assertEquals(6, r.net().layers().size(), "every layer is still read");
        assertTrue(Nets.lint("layer {\n name: \"x\"\n").diagnostics().stream().anyMatch(d -> d.message().contains("is not closed")));
    }

    /** The Caffe catalogue lives in its own number range: no code may mean two things. */
    @Test
    void caffeCodesNeverCollideWithRecipeCodes() {
        Set<Integer> recipe = Arrays.stream(Code.values()).map(Code::number).collect(Collectors.toSet());
        for (CaffeCode c : CaffeCode.values()) {
            assertTrue(c.number() >= 800 && c.number() <= 899, c.name());
            assertTrue(!recipe.contains(c.number()), c.name());
        }
        assertEquals(CaffeCode.values().length, Arrays.stream(CaffeCode.values()).map(CaffeCode::number).distinct().count());
    }
}
