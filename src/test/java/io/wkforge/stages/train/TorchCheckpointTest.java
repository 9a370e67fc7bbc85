package io.wkforge.stages.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.wkforge.lang.model.ClassDef;
import io.wkforge.run.StageException;
import io.wkforge.stages.model.Libtorch;
import io.wkforge.stages.model.ResNet18;
import io.wkforge.stages.model.ResNet18Layout.StemPool;
import io.wkforge.stages.model.Tensor;
import io.wkforge.stages.model.WeightsFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * torch.save files as users have them, written by Debian's PyTorch at test time
 * (make_checkpoints.py): read by content, mapped by layout, refused with one sentence when they
 * hold anything but a state dict, and computing what PyTorch computes on the same weights.
 */
class TorchCheckpointTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeFiles() throws IOException {
        if (!PyTorchPeer.available()) return;
        PyTorchPeer.script("make_checkpoints.py", dir);
    }

    private static List<ClassDef> shapeClasses() {
        String[][] rows = {{"kitchen", "red_disk"}, {"harmful", "green_square"}, {"recyclable", "blue_triangle"}, {"other", "background"}};
        List<ClassDef> out = new java.util.ArrayList<>();
        for (int i = 0; i < rows.length; i++) out.add(new ClassDef(i + 1, rows[i][0], rows[i][1], List.of(), i == 3, null, null, null));
        return out;
    }

    private static float[] floats(String file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(file))).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    @Test
    void zipLegacyDataParallelAndMmclsFilesHoldTheSameTensors() throws Exception {
        PyTorchPeer.require();
        Map<String, Tensor> zip = WeightsFile.open(dir.resolve("tv_zip.pth"), true).tensors();
        assertArrayEquals(floats("conv1.bin"), zip.get("conv1.weight").data());
        assertArrayEquals(floats("running_var.bin"), zip.get("layer4.1.bn2.running_var").data());
        assertFalse(zip.containsKey("bn1.num_batches_tracked"), "counters are not weights");
        for (String f : List.of("tv_legacy.pth", "dp.pth", "mmcls.pth", "half.pth")) {
            WeightsFile wf = WeightsFile.open(dir.resolve(f), true);
            Map<String, Tensor> other = wf.tensors();
            assertEquals(zip.keySet(), other.keySet(), f);
            for (String t : zip.keySet()) {
                if (f.equals("half.pth") && t.equals("conv1.weight")) {
                    float[] a = zip.get(t).data();
                    float[] b = other.get(t).data();
                    for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], Math.abs(a[i]) / 1000 + 1e-7, "float16 " + i);
                    continue;
                }
                assertArrayEquals(zip.get(t).data(), other.get(t).data(), f + ": " + t);
            }
        }
        assertEquals("torch.save (zip)", WeightsFile.open(dir.resolve("tv_zip.pth"), false).format());
        assertEquals("torch.save (legacy, before PyTorch 1.6)", WeightsFile.open(dir.resolve("tv_legacy.pth"), false).format());
        WeightsFile dp = WeightsFile.open(dir.resolve("dp.pth"), false);
        assertTrue(dp.layout().contains("DataParallel") && dp.notes().get(0).contains("`module.`"), dp.layout() + dp.notes());
        WeightsFile mm = WeightsFile.open(dir.resolve("mmcls.pth"), false);
        assertTrue(mm.layout().startsWith("mmclassification"), mm.layout());
        assertEquals(List.of("red_disk", "green_square", "blue_triangle", "background"), mm.classNames());
        assertEquals(4, mm.classCount());
        assertNull(PretrainedWeights.problem(mm, shapeClasses(), 0), "names and order agree with the recipe");
    }

    @Test
    void classNamesInAnotherOrderAndAnotherClassCountAreErrorsThatNameBoth() throws Exception {
        PyTorchPeer.require();
        String p = PretrainedWeights.problem(WeightsFile.open(dir.resolve("mmcls_reordered.pth"), false), shapeClasses(), 3);
        assertTrue(p.contains("background, blue_triangle, green_square, red_disk") && p.contains("01_kitchen_red_disk, 02_harmful_green_square"), p);
        List<ClassDef> three = shapeClasses().subList(0, 3);
        p = PretrainedWeights.problem(WeightsFile.open(dir.resolve("tv_zip.pth"), false), three, 0);
        assertTrue(p.contains("its classifier has 4 classes and the recipe 3") && p.contains("epochs 0"), p);
        assertNull(PretrainedWeights.problem(WeightsFile.open(dir.resolve("tv_zip.pth"), false), three, 2), "training replaces it");
    }

    @Test
    void aWholeModelAMaliciousGlobalAndAnUnsupportedDtypeAreRefusedAndNothingRuns() throws Exception {
        PyTorchPeer.require();
        IOException e = assertThrows(IOException.class, () -> WeightsFile.open(dir.resolve("whole_model.pth"), false));
        assertTrue(e.getMessage().startsWith("holds a whole pickled model object (`torchvision.models.resnet.ResNet`)")
                && e.getMessage().contains("torch.save(model.state_dict()"), e.getMessage());
        for (String f : List.of("evil.pth", "evil_legacy.pth")) {
            e = assertThrows(IOException.class, () -> WeightsFile.open(dir.resolve(f), true));
            assertTrue(e.getMessage().contains("refers to `posix.system` in its pickle, which is not part of a state dict")
                    && e.getMessage().contains("ran nothing"), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("MARKER")), "the payload ran");
        String p = PretrainedWeights.problem(WeightsFile.open(dir.resolve("int8.pth"), false), shapeClasses(), 1);
        assertTrue(p.contains("tensor `conv1.weight` is int8, which wkforge does not read"), p);
        StageException s = assertThrows(StageException.class,
                () -> PretrainedWeights.load(dir.resolve("int8.pth"), shapeClasses(), 1, 0));
        assertTrue(s.getMessage().contains("int8.pth cannot be used: tensor `conv1.weight` is int8"), s.getMessage());
    }

    @Test
    void truncatedAndBitFlippedFilesGetOneSentence() throws Exception {
        PyTorchPeer.require();
        for (String f : List.of("tv_zip.pth", "tv_legacy.pth")) {
            byte[] whole = Files.readAllBytes(dir.resolve(f));
            for (int cut : new int[] {3, 100, 5000, whole.length / 2, whole.length - 10}) {
                Path t = dir.resolve("cut-" + cut + "-" + f);
                Files.write(t, java.util.Arrays.copyOf(whole, cut));
                IOException e = assertThrows(IOException.class, () -> WeightsFile.open(t, true).tensors(), f + " cut at " + cut);
                assertTrue(e.getMessage().matches("(is |holds ).*"), f + " cut at " + cut + ": " + e.getMessage());
                Files.delete(t);
            }
            // flips in the header and the pickle: an IOException with a sentence, or (a flipped value) a file that still reads
            java.util.Random r = new java.util.Random(1);
            for (int i = 0; i < 40; i++) {
                byte[] flipped = whole.clone();
                int at = r.nextInt(4000);
                flipped[at] ^= (byte) (1 << r.nextInt(8));
                Path t = dir.resolve("flip-" + f);
                Files.write(t, flipped);
                try {
                    WeightsFile.open(t, true).tensors();
                } catch (IOException e) {
                    assertTrue(e.getMessage() != null && e.getMessage().matches("(?s)(is |holds |refers |builds |sets |does ).*"),
                            f + " flipped at " + at + ": " + e.getMessage());
                }
            }
        }
    }

    /** wkforge's forward pass on the imported weights equals PyTorch's, with either stem pool. */
    @Test
    void logitsEqualPyTorchsWithBothPools() throws Exception {
        PyTorchPeer.require();
        Map<String, Tensor> weights = WeightsFile.open(dir.resolve("mmcls.pth"), true).tensors();
        float[] input = floats("input.bin");
        Libtorch.engine();
        for (StemPool pool : StemPool.values()) {
            float[] expected = floats(pool == StemPool.PYTORCH ? "logits_pytorch.bin" : "logits_nnie.bin");
            try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
                ResNet18 net = new ResNet18(4, pool);
                net.initialize(m, weights);
                float[] got = net.forward(new ParameterStore(m, false), new NDList(m.create(input, new Shape(2, 3, 64, 64))), false)
                        .singletonOrThrow().toFloatArray();
                double max = 0;
                for (int i = 0; i < got.length; i++) max = Math.max(max, Math.abs(got[i] - expected[i]));
                assertTrue(max <= 1e-5, pool + ": max |diff| " + max);
            }
        }
    }

    /** `epochs 0` on an mmclassification checkpoint: measured, passed on unchanged, exported and verified. */
    @Test
    void anImportWithEpochsZeroRunsThroughExportAndVerify() throws Exception {
        PyTorchPeer.require();
        TrainHarness h = new TrainHarness(dir.resolve("pipeline"), TrainHarness.CLASSES + """
                preprocess { resize 72x72; crop 64x64 }
                train resnet18 { epochs 0; batch 8; pretrained "../mmcls.pth" }
                """);
        h.shapes(1, 3, 72);
        io.wkforge.run.Executor.Result r = h.run(List.of(io.wkforge.lang.schema.StageId.SPLIT, io.wkforge.lang.schema.StageId.TRAIN,
                io.wkforge.lang.schema.StageId.EXPORT, io.wkforge.lang.schema.StageId.VERIFY));
        assertEquals(io.wkforge.run.Executor.Outcome.OK, r.outcome(), r.failures() + " " + h.notes);
        Map<?, ?> metrics = (Map<?, ?>) io.wkforge.util.Json.read(Files.readString(h.model("metrics.json")));
        Map<?, ?> imported = (Map<?, ?>) metrics.get("imported");
        assertEquals("torch.save (zip)", imported.get("format"));
        assertEquals(64, ((String) imported.get("sha256")).length());
        assertEquals("pytorch", imported.get("pretrained_pool"));
        assertEquals(imported.get("val_top1_nnie_pool"), metrics.get("val_top1"), "val_top1 is what is deployed");
        assertTrue(imported.get("val_top1_as_trained") instanceof Number, imported.toString());
        assertEquals(0L, ((Number) metrics.get("epochs_run")).longValue());
        Map<String, Tensor> deployed = io.wkforge.stages.model.SafeTensors.read(h.model("model.safetensors"));
        Map<String, Tensor> file = WeightsFile.open(dir.resolve("mmcls.pth"), true).tensors();
        for (String t : deployed.keySet()) assertArrayEquals(file.get(t).data(), deployed.get(t).data(), "passed on unchanged: " + t);
        Map<?, ?> verify = (Map<?, ?>) io.wkforge.util.Json.read(Files.readString(h.out.resolve("caffe/verify.json")));
        assertEquals(Boolean.TRUE, verify.get("passed"), verify.toString());
    }

    /** `check` reads the file's header: a whole pickled model is refused before any stage runs. */
    @Test
    void checkRefusesAnUnusableFileAtOnce() throws Exception {
        PyTorchPeer.require();
        Path recipe = Files.writeString(dir.resolve("check.recipe"), TrainHarness.CLASSES.replace("v/none", "pipeline/v/none") + """
                train resnet18 { epochs 0; pretrained "whole_model.pth" }
                """);
        var result = io.wkforge.lang.check.Checker.check(io.wkforge.lang.source.SourceFile.read(recipe));
        var d = result.diagnostics().stream().filter(x -> x.code().number() == 156).findFirst().orElseThrow(
                () -> new AssertionError(result.diagnostics().toString()));
        assertTrue(d.message().contains("whole_model.pth holds a whole pickled model object"), d.message());
        Files.writeString(recipe, TrainHarness.CLASSES.replace("v/none", "pipeline/v/none") + """
                train resnet18 { epochs 0; pretrained "mmcls.pth" }
                """);
        var ok = io.wkforge.lang.check.Checker.check(io.wkforge.lang.source.SourceFile.read(recipe));
        assertTrue(ok.diagnostics().stream().noneMatch(x -> x.code().number() == 156), ok.diagnostics().toString());
    }

    /** freeze_epochs: during them only the classifier trains; the pretrained convolutions stay as the file has them. */
    @Test
    void frozenEpochsTrainOnlyTheClassifier() throws Exception {
        PyTorchPeer.require();
        TrainHarness h = new TrainHarness(dir.resolve("frozen"), TrainHarness.CLASSES + """
                preprocess { resize 72x72; crop 64x64 }
                train resnet18 { epochs 1; batch 4; lr 0.05; pretrained "../tv_zip.pth"; freeze_epochs 1; pretrained_lr 0.1 }
                """);
        h.shapes(2, 1, 72);
        io.wkforge.run.Executor.Result r = h.run();
        assertEquals(io.wkforge.run.Executor.Outcome.OK, r.outcome(), r.failures() + " " + h.notes);
        Map<String, Tensor> trained = io.wkforge.stages.model.SafeTensors.read(h.model("model.safetensors"));
        Map<String, Tensor> file = WeightsFile.open(dir.resolve("tv_zip.pth"), true).tensors();
        for (String t : List.of("conv1.weight", "layer2.0.conv1.weight", "layer4.1.bn2.weight", "layer4.1.bn2.bias")) {
            assertArrayEquals(file.get(t).data(), trained.get(t).data(), "frozen: " + t);
        }
        assertFalse(java.util.Arrays.equals(file.get("fc.weight").data(), trained.get("fc.weight").data()), "the classifier trained");
        Map<?, ?> metrics = (Map<?, ?>) io.wkforge.util.Json.read(Files.readString(h.model("metrics.json")));
        assertEquals("kept", ((Map<?, ?>) metrics.get("imported")).get("classifier"));
    }
}
