package io.wkforge.stages.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A file of ResNet-18 weights as a user brings it, recognised by content: safetensors, a numpy
 * {@code .npz} of the state dict, a TorchScript module, or a {@code torch.save} file (zip or
 * legacy) holding a torchvision state dict or an mmclassification checkpoint
 * ({@code {"state_dict": {backbone.*, head.fc.*}, "meta": {"CLASSES": ...}}}), with or without
 * DataParallel's {@code module.} prefix. Tensor names are given in torchvision's layout whatever
 * the file used. Opened without data, only names, shapes and class names are read (check,
 * inspect); the values are read when {@link #tensors()} is called.
 */
public final class WeightsFile {
    public static final String SAFETENSORS = "safetensors";
    public static final String NPZ = "numpy .npz";
    public static final String TORCHSCRIPT = "TorchScript";

    /** The dtypes whose values are read (converted to float32), for messages. */
    public static final String DTYPES = TorchTensor.SUPPORTED;

    /** Whether a tensor of this dtype can be read. */
    public static boolean readsDtype(String dtype) {
        return TorchUnpickler.STORAGE_TYPES.values().stream().anyMatch(t -> t.dtype().equals(dtype) && t.supported());
    }

    /** A tensor's shape and dtype as the file holds it. */
    public record Info(long[] shape, String dtype) {
        public String shapeText() {
            return java.util.Arrays.toString(shape);
        }
    }

    private final String format;
    private final String layout;
    private final Map<String, Info> infos;
    private final List<String> classNames;
    private final List<String> notes;
    private final Loader loader;

    private interface Loader {
        Map<String, Tensor> load() throws IOException;
    }

    private WeightsFile(String format, String layout, Map<String, Info> infos, List<String> classNames, List<String> notes, Loader loader) {
        this.format = format;
        this.layout = layout;
        this.infos = Collections.unmodifiableMap(infos);
        this.classNames = List.copyOf(classNames);
        this.notes = List.copyOf(notes);
        this.loader = loader;
    }

    /** The container format found ("torch.save (zip)", "safetensors", ...). */
    public String format() {
        return format;
    }

    /** The naming layout found ("torchvision", "mmclassification checkpoint", ...). */
    public String layout() {
        return layout;
    }

    /** Every tensor by torchvision name (prefixes removed), in the file's order; empty for TorchScript opened without data. */
    public Map<String, Info> infos() {
        return infos;
    }

    /** The class names the file carries (mmclassification's meta.CLASSES), or an empty list. */
    public List<String> classNames() {
        return classNames;
    }

    /** What was adapted while reading (prefixes removed, tensors skipped). */
    public List<String> notes() {
        return notes;
    }

    /** The classifier's class count (rows of fc.weight), or -1 when the file has no classifier. */
    public int classCount() {
        Info fc = infos.get("fc.weight");
        return fc == null || fc.shape().length != 2 ? -1 : Math.toIntExact(fc.shape()[0]);
    }

    /** The tensors' values as float32, by torchvision name. */
    public Map<String, Tensor> tensors() throws IOException {
        return loader.load();
    }

    /**
     * Reads the file. An IOException's message is one sentence that follows the file's name
     * ("is damaged: ...", "holds a whole pickled model object ...") and says what to save instead.
     */
    public static WeightsFile open(Path file, boolean withData) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("does not exist");
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 9 && head[8] == '{') return eager(SAFETENSORS, SafeTensors.read(file));
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            String kind = zipKind(file);
            return switch (kind) {
                case NPZ -> eager(NPZ, Npz.read(file));
                case TORCHSCRIPT -> withData ? eager(TORCHSCRIPT, torchScript(file))
                        : new WeightsFile(TORCHSCRIPT, "TorchScript module (parameters read through libtorch when training starts)",
                        new LinkedHashMap<>(), List.of(), List.of(), () -> torchScript(file));
                case TorchSave.ZIP -> torchSave(file, withData);
                default -> throw new IOException(kind);
            };
        }
        if (TorchSave.isLegacyHead(java.util.Arrays.copyOf(head, Math.max(n, 0)))) return torchSave(file, withData);
        throw new IOException("is not a weights format wkforge knows (torch.save .pth, safetensors, numpy .npz or TorchScript): "
                + TorchSave.SAVE_INSTEAD);
    }

    private static String zipKind(Path file) throws IOException {
        boolean npy = false;
        boolean pickle = false;
        boolean code = false;
        // the central directory, not a stream: PyTorch writes stored entries with data descriptors
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName();
                if (name.endsWith(".npy")) npy = true;
                if (name.endsWith("data.pkl")) pickle = true;
                if (name.contains("/code/") || name.endsWith("constants.pkl")) code = true;
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException("is damaged: its zip structure cannot be read (" + e.getMessage() + "); it may be truncated");
        }
        if (npy) return NPZ;
        if (pickle && code) return TORCHSCRIPT;
        if (pickle) return TorchSave.ZIP;
        return "is a zip archive that holds neither .npy arrays, a torch.save pickle nor a TorchScript model";
    }

    private static WeightsFile eager(String format, Map<String, Tensor> raw) {
        List<String> notes = new ArrayList<>();
        Map<String, Tensor> byName = new LinkedHashMap<>();
        String layout = normalise(raw, byName, notes);
        Map<String, Info> infos = new LinkedHashMap<>();
        byName.forEach((k, t) -> infos.put(k, new Info(t.shape(), "float32")));
        return new WeightsFile(format, layout, infos, List.of(), notes, () -> byName);
    }

    /** Names in torchvision's layout: DataParallel's `module.` and mmclassification's `backbone.`/`head.` removed. */
    private static <T> String normalise(Map<String, T> raw, Map<String, T> out, List<String> notes) {
        boolean dataParallel = !raw.isEmpty() && raw.keySet().stream().allMatch(k -> k.startsWith("module."));
        boolean mmcls = raw.keySet().stream().anyMatch(k -> strip(k, dataParallel).startsWith("backbone."));
        int skipped = 0;
        for (Map.Entry<String, T> e : raw.entrySet()) {
            String name = strip(e.getKey(), dataParallel);
            if (mmcls) {
                if (name.startsWith("backbone.")) name = name.substring("backbone.".length());
                else if (name.startsWith("head.fc.")) name = name.substring("head.".length());
            }
            if (name.endsWith("num_batches_tracked")) {
                skipped++;
                continue;
            }
            out.put(name, e.getValue());
        }
        if (dataParallel) notes.add("the tensor names start with `module.` (saved from DataParallel); matched without it");
        String layout = mmcls ? "mmclassification checkpoint (backbone.*, head.fc.*)" : "torchvision state dict";
        return dataParallel ? layout + ", saved from DataParallel (module.*)" : layout;
    }

    private static String strip(String name, boolean dataParallel) {
        return dataParallel ? name.substring("module.".length()) : name;
    }

    private static WeightsFile torchSave(Path file, boolean withData) throws IOException {
        TorchSave.Contents c = TorchSave.read(file, withData);
        Object root = c.root();
        if (!(root instanceof Map<?, ?> top)) {
            throw new IOException("holds " + pythonType(root) + ", not a state dict (a dict of tensors): " + TorchSave.SAVE_INSTEAD);
        }
        Map<?, ?> stateDict = top;
        String container = null;
        for (String key : List.of("state_dict", "model", "model_state_dict")) {
            if (top.get(key) instanceof Map<?, ?> inner && !hasTensors(top)) {
                stateDict = inner;
                container = key;
                break;
            }
        }
        List<String> classNames = container == null ? List.of() : classNames(top.get("meta"));
        Map<String, TorchTensor> raw = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        int other = 0;
        for (Map.Entry<?, ?> e : stateDict.entrySet()) {
            if (e.getValue() instanceof TorchTensor t) raw.put(String.valueOf(e.getKey()), t);
            else other++;
        }
        if (raw.isEmpty()) {
            throw new IOException("holds a dict without tensors (keys " + sample(stateDict.keySet()) + "), not a state dict: "
                    + TorchSave.SAVE_INSTEAD);
        }
        if (other > 0) notes.add(other + " entries of the state dict are not tensors and were ignored");
        if (container != null) notes.add("the state dict is the checkpoint's `" + container + "` entry" + (classNames.isEmpty() ? ""
                : "; its meta names " + classNames.size() + " classes"));
        Map<String, TorchTensor> byName = new LinkedHashMap<>();
        String layout = normalise(raw, byName, notes);
        Map<String, Info> infos = new LinkedHashMap<>();
        byName.forEach((k, t) -> infos.put(k, new Info(t.shape.clone(), t.dtype())));
        Loader loader = () -> {
            Map<String, TorchTensor> source = byName;
            if (!withData) { // opened for a look: read again with the data
                return open(file, true).tensors();
            }
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, TorchTensor> e : source.entrySet()) out.put(e.getKey(), e.getValue().toTensor(e.getKey()));
            return out;
        };
        return new WeightsFile(c.format(), layout, infos, classNames, notes, loader);
    }

    private static boolean hasTensors(Map<?, ?> m) {
        return m.values().stream().anyMatch(v -> v instanceof TorchTensor);
    }

    /** meta.CLASSES (mmclassification) or meta.dataset_meta.classes (its successor). */
    private static List<String> classNames(Object meta) {
        if (!(meta instanceof Map<?, ?> m)) return List.of();
        Object classes = m.get("CLASSES");
        if (classes == null && m.get("dataset_meta") instanceof Map<?, ?> dm) classes = dm.get("classes");
        return TorchUnpickler.strings(classes);
    }

    private static String pythonType(Object o) {
        if (o == null) return "None";
        if (o instanceof TorchTensor) return "a single tensor";
        if (o instanceof List<?> || o instanceof Object[]) return "a list";
        if (o instanceof String) return "a string";
        if (o instanceof Number) return "a number";
        return "a " + o.getClass().getSimpleName();
    }

    static String sample(java.util.Collection<?> names) {
        List<String> l = names.stream().map(String::valueOf).toList();
        return l.size() <= 6 ? String.join(", ", l) : String.join(", ", l.subList(0, 6)) + ", ... (" + l.size() + " in all)";
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
            throw new IOException("cannot be loaded by libtorch as TorchScript: " + e.getMessage(), e);
        }
        return out;
    }
}
