package io.wkforge.stages.caffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.TextFormat;
import io.wkforge.caffe.lint.CaffeLinter;
import io.wkforge.caffe.lint.LintOptions;
import io.wkforge.caffe.lint.LintResult;
import io.wkforge.caffe.text.Prototxt;
import io.wkforge.stages.common.caffe.proto.Caffe.LayerParameter;
import io.wkforge.stages.common.caffe.proto.Caffe.NetParameter;
import io.wkforge.stages.model.ModelCard;
import io.wkforge.stages.model.SafeTensors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported prototxt, text for text, against golden files a person has read (a 3-class,
 * 32 px ResNet-18 with batch norm as layers and folded). Set WKFORGE_UPDATE_GOLDEN=1 to rewrite
 * them after an intended change, then read the diff.
 */
class GoldenExportTest {
    @TempDir Path dir;

    private Path export(boolean fold) throws Exception {
        ModelCard card = RandomResNet18.writeModel(dir.resolve("model"), 3, 32, 32, RandomResNet18.EQUAL_MEAN, RandomResNet18.EQUAL_STD, 7);
        Path out = dir.resolve(fold ? "folded" : "layers");
        CaffeExport.write(out, card, SafeTensors.read(dir.resolve("model/model.safetensors")), fold);
        return out;
    }

    @Test
    void batchNormAsLayersMatchesTheGoldenFile() throws Exception {
        compare(export(false).resolve("model.prototxt"), "golden-resnet18-3class-32px.prototxt");
    }

    @Test
    void foldedBatchNormMatchesTheGoldenFile() throws Exception {
        compare(export(true).resolve("model.prototxt"), "golden-resnet18-3class-32px-folded.prototxt");
    }

    /** protobuf's own text parser reads our printer's output back into the very network the caffemodel holds. */
    @Test
    void prototxtParsesBackIntoTheCaffemodelsNetwork() throws Exception {
        for (boolean fold : new boolean[] {false, true}) {
            Path out = export(fold);
            NetParameter.Builder parsed = NetParameter.newBuilder();
            TextFormat.getParser().merge(Files.readString(out.resolve("model.prototxt")), parsed);
            NetParameter weighted;
            try (InputStream in = Files.newInputStream(out.resolve("model.caffemodel"))) {
                weighted = NetParameter.parseFrom(in);
            }
            NetParameter.Builder withoutBlobs = weighted.toBuilder();
            for (LayerParameter.Builder l : withoutBlobs.getLayerBuilderList()) l.clearBlobs();
            assertEquals(withoutBlobs.build(), parsed.build());
            assertEquals(fold ? 50 : 90, parsed.getLayerCount());
        }
    }

    @Test
    void exportedPrototxtPassesLintWithoutAnyFinding() throws Exception {
        for (boolean fold : new boolean[] {false, true}) {
            LintResult r = new CaffeLinter(LintOptions.defaults()).lint(Prototxt.read(export(fold).resolve("model.prototxt")));
            assertEquals(java.util.List.of(), r.diagnostics());
            assertFalse(r.hasErrors());
        }
    }

    private void compare(Path actual, String golden) throws IOException {
        String text = Files.readString(actual, StandardCharsets.UTF_8);
        Path goldenFile = Path.of("src/test/resources/io/wkforge/stages/caffe").resolve(golden);
        if ("1".equals(System.getenv("WKFORGE_UPDATE_GOLDEN"))) Files.writeString(goldenFile, text, StandardCharsets.UTF_8);
        assertEquals(Files.readString(goldenFile, StandardCharsets.UTF_8), text,
                "the exported prototxt changed; if intended, rerun with WKFORGE_UPDATE_GOLDEN=1 and review the diff");
    }
}
