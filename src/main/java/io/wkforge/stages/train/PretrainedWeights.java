package io.wkforge.stages.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.wkforge.run.StageException;
import io.wkforge.stages.model.Libtorch;
import io.wkforge.stages.model.Npz;
import io.wkforge.stages.model.ResNet18Layout;
import io.wkforge.stages.model.SafeTensors;
import io.wkforge.stages.model.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code train.pretrained}: starting weights from a torchvision ResNet-18 a user exported, as a
 * safetensors file (also a model.safetensors from an earlier wkforge run), a numpy {@code .npz}
 * of the state dict, or a TorchScript file. Tensors are matched by torchvision name and shape;
 * a classifier for another number of classes is replaced by a fresh one.
 */
final class PretrainedWeights {
    /** The two lines of Python that export a state dict in a form wkforge reads (docs/stages/train.md). */
    static final String EXPORT_HINT = "export it with two lines of Python: `import torch, torchvision, numpy` and "
            + "`numpy.savez(\"resnet18.npz\", **{k: v.numpy() for k, v in torchvision.models.resnet18(weights=\"DEFAULT\").state_dict().items()})` "
            + "(or, for your own checkpoint, `torch.load(\"my.pth\", map_location=\"cpu\")` in place of the model's state_dict())";

    /** What was taken from the file, and what the user should know about it. */
    record Loaded(Map<String, Tensor> weights, String format, List<String> notes) {}

    private PretrainedWeights() {}

    static Loaded load(Path file, int numClasses, long seed) throws StageException {
        if (!Files.isRegularFile(file)) throw new StageException("train.pretrained: " + file + " does not exist");
        Map<String, Tensor> raw;
        String format;
        try {
            format = detect(file);
            raw = switch (format) {
                case "safetensors" -> SafeTensors.read(file);
                case "npz" -> Npz.read(file);
                case "TorchScript" -> torchScript(file);
                default -> throw new StageException("train.pretrained: " + file + " is " + format + ", which wkforge does not read; "
                        + EXPORT_HINT);
            };
        } catch (IOException e) {
            throw new StageException("train.pretrained: cannot read " + file + ": " + e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        Map<String, Tensor> byName = new LinkedHashMap<>();
        boolean stripped = false;
        for (Map.Entry<String, Tensor> e : raw.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("module.")) { // saved from DataParallel
                name = name.substring(7);
                stripped = true;
            }
            if (!name.endsWith("num_batches_tracked")) byName.put(name, e.getValue());
        }
        if (stripped) notes.add("the file's tensor names start with `module.` (saved from DataParallel); matched without it");
        return new Loaded(map(file, format, byName, numClasses, seed, notes), format, notes);
    }

    /** Matches the file's tensors to the network by name and shape, the classifier aside. */
    static Map<String, Tensor> map(Path file, String format, Map<String, Tensor> byName, int numClasses, long seed, List<String> notes)
            throws StageException {
        Map<String, long[]> wanted = ResNet18Layout.tensorShapes(numClasses);
        Map<String, Tensor> out = new LinkedHashMap<>();
        Map<String, Tensor> fresh = InitialWeights.of(numClasses, seed);
        boolean noRunningStats = byName.keySet().stream().noneMatch(ResNet18Layout::isRunningStatistic);
        for (Map.Entry<String, long[]> w : wanted.entrySet()) {
            String name = w.getKey();
            Tensor t = byName.get(name);
            if (name.startsWith("fc.")) {
                if (t != null && Arrays.equals(t.shape(), w.getValue())) {
                    out.put(name, t);
                    continue;
                }
                Tensor fcWeight = byName.get("fc.weight");
                if (fcWeight != null && fcWeight.rank() == 2 && fcWeight.dim(1) == ResNet18Layout.FEATURES) {
                    if (name.equals("fc.weight")) {
                        notes.add("classifier replaced: the file's has " + fcWeight.dim(0) + " classes, the recipe " + numClasses
                                + "; fc starts from scratch");
                    }
                    out.put(name, fresh.get(name));
                    continue;
                }
            } else if (t == null && noRunningStats && ResNet18Layout.isRunningStatistic(name)) {
                out.put(name, fresh.get(name));
                continue;
            }
            if (t == null) {
                throw new StageException("train.pretrained: " + file + " does not fit ResNet-18: it has no tensor `" + name
                        + "` (the first layer that does not fit; torchvision's resnet18 state dict names are expected, e.g. conv1.weight, "
                        + "layer1.0.bn1.running_mean, fc.weight). Its tensors: " + sample(byName.keySet()));
            }
            if (!Arrays.equals(t.shape(), w.getValue())) {
                throw new StageException("train.pretrained: " + file + " does not fit ResNet-18: `" + name + "` has shape "
                        + t.shapeText() + " in the file, the network needs " + Arrays.toString(w.getValue())
                        + " (the first layer that does not fit; is it a ResNet-18?)");
            }
            out.put(name, t);
        }
        if (noRunningStats) {
            notes.add("the " + format + " file has no BatchNorm running statistics (TorchScript keeps them as buffers, which it does not "
                    + "list with the parameters): they start at 0 and 1 and are re-estimated while training; for an exact start, "
                    + "export the state dict instead");
        }
        List<String> unused = byName.keySet().stream().filter(k -> !wanted.containsKey(k)).toList();
        if (!unused.isEmpty()) notes.add(unused.size() + " tensors of the file are not part of ResNet-18 and were ignored: " + sample(unused));
        return out;
    }

    private static String sample(java.util.Collection<String> names) {
        List<String> l = new ArrayList<>(names);
        return l.size() <= 6 ? String.join(", ", l) : String.join(", ", l.subList(0, 6)) + ", ... (" + l.size() + " in all)";
    }

    /** The file's format from its first bytes (and, for a zip, its entries). */
    static String detect(Path file) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 9 && head[8] == '{') return "safetensors";
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return zipKind(file);
        if (n >= 2 && (head[0] & 0xff) == 0x80) return "a PyTorch file in the legacy (pre-1.6) torch.save format";
        return "not a weights format wkforge knows (safetensors, numpy .npz or TorchScript)";
    }

    private static String zipKind(Path file) throws IOException {
        boolean npy = false;
        boolean pickle = false;
        boolean code = false;
        // the central directory, not a stream: PyTorch writes stored entries with data descriptors
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String name = e.getName();
                if (name.endsWith(".npy")) npy = true;
                if (name.endsWith("data.pkl")) pickle = true;
                if (name.contains("/code/") || name.endsWith("constants.pkl")) code = true;
            }
        }
        if (npy) return "npz";
        if (pickle && code) return "TorchScript";
        if (pickle) return "a torch.save() checkpoint (Python pickle, which wkforge does not execute)";
        return "a zip archive that holds neither .npy arrays nor a TorchScript model";
    }

    /** The named parameters of a TorchScript module, loaded by libtorch on the CPU. */
    private static Map<String, Tensor> torchScript(Path file) throws IOException {
        Libtorch.engine();
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (Model model = Model.newInstance("pretrained", Device.cpu(), "PyTorch"); InputStream in = Files.newInputStream(file)) {
            model.load(in, Map.of("mapLocation", "true"));
            for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                NDArray a = p.getValue().getArray();
                out.put(p.getKey(), new Tensor(a.getShape().getShape(), a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray()));
            }
        } catch (MalformedModelException | RuntimeException e) {
            throw new IOException("libtorch cannot load it as TorchScript: " + e.getMessage(), e);
        }
        return out;
    }
}
