package io.wkforge.stages.train;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.run.StageException;
import io.wkforge.stages.model.ResNet18Layout;
import io.wkforge.stages.model.Tensor;
import io.wkforge.stages.model.WeightsFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code train.pretrained}: starting weights from a ResNet-18 a user brings, in any format
 * {@link WeightsFile} reads (torch.save checkpoints of torchvision or mmclassification,
 * safetensors, also a model.safetensors from an earlier wkforge run, numpy {@code .npz},
 * TorchScript). Tensors are matched by torchvision name and shape; a classifier for another
 * number of classes is replaced by a fresh one when training follows, and is an error with
 * {@code epochs 0}, as are class names in another order than the recipe's.
 */
final class PretrainedWeights {
    /** What was taken from the file, and what the user should know about it. */
    record Loaded(Map<String, Tensor> weights, String format, String layout, String sha256, List<String> notes, boolean classifierKept,
                  boolean writtenByWkforge) {}

    private PretrainedWeights() {}

    static Loaded load(Path file, List<ClassDef> classes, int epochs, long seed) throws StageException {
        WeightsFile wf;
        Map<String, Tensor> byName;
        String sha;
        try {
            wf = WeightsFile.open(file, true);
            String problem = problem(wf, classes, epochs);
            if (problem != null) throw new StageException("train.pretrained: " + file + " cannot be used: " + problem);
            byName = wf.tensors();
            sha = sha256(file);
        } catch (IOException e) {
            throw new StageException("train.pretrained: " + file + " " + e.getMessage());
        }
        List<String> notes = new ArrayList<>(wf.notes());
        boolean ours = false;
        if (wf.format().equals(WeightsFile.SAFETENSORS)) {
            try {
                ours = ResNet18Layout.ARCHITECTURE.equals(io.wkforge.stages.model.SafeTensors.readMetadata(file).get("architecture"));
            } catch (IOException e) {
                ours = false;
            }
        }
        return new Loaded(map(file, wf.format(), byName, classes.size(), seed, notes), wf.format(), wf.layout(), sha, notes,
                wf.classCount() == classes.size(), ours);
    }

    /**
     * Why the file's weights cannot start this recipe's network, or null: a tensor missing or of
     * another shape, and, where the classifier is kept (`epochs 0`, or the same class count), a
     * class count or class names that differ from the recipe's. Read from names and shapes only,
     * so {@code check} can ask it without reading the data.
     */
    static String problem(WeightsFile wf, List<ClassDef> classes, int epochs) {
        if (wf.format().equals(WeightsFile.TORCHSCRIPT) && wf.infos().isEmpty()) return null; // known when libtorch loads it
        Map<String, long[]> wanted = ResNet18Layout.tensorShapes(classes.size());
        boolean noRunningStats = wf.infos().keySet().stream().noneMatch(ResNet18Layout::isRunningStatistic);
        for (Map.Entry<String, long[]> w : wanted.entrySet()) {
            String name = w.getKey();
            if (name.startsWith("fc.")) continue;
            WeightsFile.Info t = wf.infos().get(name);
            if (t == null && noRunningStats && ResNet18Layout.isRunningStatistic(name)) continue;
            if (t == null) {
                return "it does not fit ResNet-18: it has no tensor `" + name + "` (the first layer that does not fit; torchvision's resnet18 "
                        + "names are expected, e.g. conv1.weight, layer1.0.bn1.running_mean, fc.weight, or mmclassification's "
                        + "backbone.conv1.weight and head.fc.weight). Its tensors: " + sample(wf.infos().keySet());
            }
            if (!WeightsFile.readsDtype(t.dtype())) {
                return "tensor `" + name + "` is " + t.dtype() + ", which wkforge does not read (it reads " + WeightsFile.DTYPES + ")";
            }
            if (!Arrays.equals(t.shape(), w.getValue())) {
                return "it does not fit ResNet-18: `" + name + "` has shape " + t.shapeText() + " in the file, the network needs "
                        + Arrays.toString(w.getValue()) + " (the first layer that does not fit; is it a ResNet-18?)";
            }
        }
        int fileClasses = wf.classCount();
        if (epochs == 0 && fileClasses != classes.size()) {
            return (fileClasses < 0 ? "it has no classifier (fc.weight)" : "its classifier has " + fileClasses + " classes")
                    + " and the recipe " + classes.size() + "; with `epochs 0` the weights are used as they are, so the counts must "
                    + "agree (set epochs to 1 or more to train a new classifier for the recipe's classes)";
        }
        List<String> names = wf.classNames();
        if (!names.isEmpty() && fileClasses == classes.size()) {
            boolean same = names.size() == classes.size();
            for (int i = 0; same && i < names.size(); i++) same = sameClass(names.get(i), classes.get(i));
            if (!same) {
                return "the checkpoint's classes (meta.CLASSES, in the classifier's order) are " + String.join(", ", names)
                        + " and the recipe's are " + String.join(", ", classes.stream().map(ClassDef::folderName).toList())
                        + "; a different order or different names would mislabel every prediction, so order the recipe's class "
                        + "table as the checkpoint's (or rename the classes to match)";
            }
        }
        return null;
    }

    /** A checkpoint's class name matches a recipe class given as folder name, `nature_name` or name. */
    private static boolean sameClass(String fromFile, ClassDef c) {
        return fromFile.equals(c.folderName()) || fromFile.equals(c.nature() + "_" + c.name()) || fromFile.equals(c.name());
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
}
