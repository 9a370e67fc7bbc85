package io.wkforge.stages.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.run.StageException;
import io.wkforge.stages.model.ResNet18Layout;
import io.wkforge.stages.model.SafeTensors;
import io.wkforge.stages.model.Tensor;
import io.wkforge.stages.model.WeightsFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train.pretrained}: files written here in Java (so the test runs anywhere) and, where
 * Debian's PyTorch is installed, real torchvision files exported the documented way.
 */
class PretrainedWeightsTest {
    @TempDir
    Path dir;

    /** A torchvision-layout ImageNet-sized state dict with distinct values, as a user's file would hold. */
    static Map<String, Tensor> imagenetLike() {
        Map<String, Tensor> w = new LinkedHashMap<>();
        int k = 0;
        for (Map.Entry<String, long[]> e : ResNet18Layout.tensorShapes(1000).entrySet()) {
            int n = (int) Arrays.stream(e.getValue()).reduce(1, (a, b) -> a * b);
            float[] d = new float[n];
            for (int i = 0; i < n; i++) d[i] = (float) Math.sin(++k * 0.001);
            w.put(e.getKey(), new Tensor(e.getValue(), d));
        }
        return w;
    }

    /** Writes numpy's .npz layout (a zip of version-1 .npy files), as numpy.savez does. */
    static void writeNpz(Path file, Map<String, Tensor> tensors) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                StringBuilder shape = new StringBuilder("(");
                for (long d : e.getValue().shape()) shape.append(d).append(", ");
                String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape.append(")") + ", }";
                int pad = 64 - (10 + dict.length() + 1) % 64;
                String header = dict + " ".repeat(pad % 64) + "\n";
                ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 4 * e.getValue().data().length).order(ByteOrder.LITTLE_ENDIAN);
                b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
                b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
                b.asFloatBuffer().put(e.getValue().data());
                zip.write(b.array());
                zip.closeEntry();
            }
        }
    }

    @Test
    void aStateDictMapsByNameAndTheClassifierIsReplaced() throws Exception {
        Map<String, Tensor> file = imagenetLike();
        file.put("bn1.num_batches_tracked", new Tensor(new long[] {}, new float[] {7}));
        writeNpz(dir.resolve("r18.npz"), file);
        SafeTensors.write(dir.resolve("r18.safetensors"), file, null);
        for (String name : List.of("r18.npz", "r18.safetensors")) {
            PretrainedWeights.Loaded loaded = PretrainedWeights.load(dir.resolve(name), classes(4), 1, 0);
            assertEquals(List.copyOf(ResNet18Layout.tensorShapes(4).keySet()), List.copyOf(loaded.weights().keySet()), name);
            for (String t : loaded.weights().keySet()) {
                if (t.startsWith("fc.")) continue;
                assertArrayEquals(file.get(t).data(), loaded.weights().get(t).data(), name + ": " + t);
            }
            assertArrayEquals(new long[] {4, 512}, loaded.weights().get("fc.weight").shape());
            assertArrayEquals(InitialWeights.classifier(4, 0).get("fc.weight").data(), loaded.weights().get("fc.weight").data());
            assertTrue(loaded.notes().get(0).startsWith("classifier replaced: the file's has 1000 classes, the recipe 4"), loaded.notes().toString());
        }
    }

    @Test
    void theSameClassCountKeepsTheClassifierAndDataParallelNamesAreAccepted() throws Exception {
        Map<String, Tensor> mine = new LinkedHashMap<>();
        InitialWeights.of(4, 5).forEach((k, v) -> mine.put("module." + k, v));
        SafeTensors.write(dir.resolve("earlier.safetensors"), mine, null);
        PretrainedWeights.Loaded loaded = PretrainedWeights.load(dir.resolve("earlier.safetensors"), classes(4), 1, 0);
        assertArrayEquals(mine.get("module.fc.weight").data(), loaded.weights().get("fc.weight").data());
        assertTrue(loaded.notes().get(0).contains("`module.`"), loaded.notes().toString());
    }

    @Test
    void theFirstTensorThatDoesNotFitIsNamed() throws Exception {
        Map<String, Tensor> file = imagenetLike();
        file.remove("layer3.1.bn2.running_var");
        file.remove("layer4.0.conv1.weight");
        SafeTensors.write(dir.resolve("partial.safetensors"), file, null);
        StageException e = assertThrows(StageException.class, () -> PretrainedWeights.load(dir.resolve("partial.safetensors"), classes(4), 1, 0));
        assertTrue(e.getMessage().contains("has no tensor `layer3.1.bn2.running_var` (the first layer that does not fit"), e.getMessage());

        Files.writeString(dir.resolve("notes.txt"), "hello");
        e = assertThrows(StageException.class, () -> PretrainedWeights.load(dir.resolve("notes.txt"), classes(4), 1, 0));
        assertTrue(e.getMessage().contains("not a weights format wkforge knows") && e.getMessage().contains("torch.save(model.state_dict()"), e.getMessage());
        e = assertThrows(StageException.class, () -> PretrainedWeights.load(dir.resolve("missing.npz"), classes(4), 1, 0));
        assertTrue(e.getMessage().contains("missing.npz does not exist"), e.getMessage());
    }

    /** The documented export, run for real: numpy.savez of a torchvision state dict, and TorchScript. */
    @Test
    void realTorchvisionFilesLoad() throws Exception {
        PyTorchPeer.require();
        String code = String.join("\n",
                "import torch, torchvision, numpy",
                "torch.manual_seed(0)",
                "m = torchvision.models.resnet18()",
                "m.train()",
                "with torch.no_grad(): m(torch.randn(2, 3, 64, 64))  # running statistics move away from 0 and 1",
                "m.eval()",
                "numpy.savez('tv.npz', **{k: v.numpy() for k, v in m.state_dict().items()})",
                "torch.jit.script(m).save('tv.pt')",
                "torch.save(m.state_dict(), 'tv.pth')",
                "sd = m.state_dict()",
                "open('check.txt', 'w').write('%r %r' % (sd['layer1.0.bn1.running_var'].sum().item(), sd['conv1.weight'].sum().item()))");
        assertEquals("", PyTorchPeer.run(List.of("-c", code), dir, 300));

        PretrainedWeights.Loaded npz = PretrainedWeights.load(dir.resolve("tv.npz"), classes(4), 1, 0);
        assertEquals(WeightsFile.NPZ, npz.format());
        String[] torchSums = Files.readString(dir.resolve("check.txt")).split(" ");
        double runningVar = sum(npz.weights().get("layer1.0.bn1.running_var"));
        assertEquals(Double.parseDouble(torchSums[0]), runningVar, 1e-3);
        assertEquals(Double.parseDouble(torchSums[1]), sum(npz.weights().get("conv1.weight")), 1e-3);
        assertTrue(Math.abs(runningVar - 64) > 0.01, "running statistics came through (not the 1.0 default)");

        PretrainedWeights.Loaded script = PretrainedWeights.load(dir.resolve("tv.pt"), classes(4), 1, 0);
        assertEquals("TorchScript", script.format());
        for (String t : npz.weights().keySet()) {
            if (t.startsWith("fc.") || ResNet18Layout.isRunningStatistic(t)) continue;
            assertArrayEquals(npz.weights().get(t).data(), script.weights().get(t).data(), t);
        }
        assertTrue(script.notes().stream().anyMatch(n -> n.contains("no BatchNorm running statistics")), script.notes().toString());

        PretrainedWeights.Loaded pth = PretrainedWeights.load(dir.resolve("tv.pth"), classes(4), 1, 0);
        assertEquals("torch.save (zip)", pth.format());
        for (String t : npz.weights().keySet()) assertArrayEquals(npz.weights().get(t).data(), pth.weights().get(t).data(), t);
    }

    /** A recipe's classes c1..cN, as the checker makes them. */
    static List<ClassDef> classes(int n) {
        List<ClassDef> out = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) out.add(new ClassDef(i, "n", "c" + i, List.of(), false, null, null, null));
        return out;
    }

    private static double sum(Tensor t) {
        double s = 0;
        for (float v : t.data()) s += v;
        return s;
    }
}
