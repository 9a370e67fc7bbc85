package io.wkforge.stages.model;

import io.wkforge.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code model/model.json}: what was trained, described well enough that export, verify and
 * quantize rebuild the same network and feed it the same input without reading the recipe.
 *
 * @param valTop1 the best epoch's validation top-1 accuracy, as a fraction
 * @param extra further informative fields written as they are (engine, device, ...)
 */
public record ModelCard(String architecture, List<ModelClass> classes, Preprocessing input, int bestEpoch, double valTop1,
                        Map<String, Object> extra) {
    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "model.json";
    public static final String WEIGHTS_FILE_NAME = "model.safetensors";

    /** One output of the network. */
    public record ModelClass(int index, int id, String folder, String nature, String name, boolean background) {}

    public ModelCard {
        classes = List.copyOf(classes);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public int numClasses() {
        return classes.size();
    }

    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", FORMAT_VERSION);
        m.put("architecture", architecture);
        m.put("num_classes", classes.size());
        List<Object> cs = new ArrayList<>();
        for (ModelClass c : classes) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("index", c.index());
            e.put("id", c.id());
            e.put("folder", c.folder());
            e.put("nature", c.nature());
            e.put("name", c.name());
            e.put("background", c.background());
            cs.add(e);
        }
        m.put("classes", cs);
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("width", input.cropWidth());
        in.put("height", input.cropHeight());
        in.put("resize", List.of(input.resizeWidth(), input.resizeHeight()));
        in.put("channel_order", input.channelOrder());
        in.put("mean", doubles(input.mean()));
        in.put("std", doubles(input.std()));
        m.put("input", in);
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("kernel", ResNet18Layout.STEM_POOL_KERNEL);
        pool.put("stride", ResNet18Layout.STEM_POOL_STRIDE);
        pool.put("pad", ResNet18Layout.STEM_POOL_PAD);
        pool.put("ceil_mode", ResNet18Layout.STEM_POOL_CEIL);
        m.put("stem_pool", pool);
        m.put("batchnorm_eps", ResNet18Layout.BATCHNORM_EPS);
        m.put("best_epoch", bestEpoch);
        m.put("val_top1", valTop1);
        m.put("weights", WEIGHTS_FILE_NAME);
        m.putAll(extra);
        return Json.write(m) + "\n";
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, json(), StandardCharsets.UTF_8);
    }

    /** Reads a model card; the message names the file and the field that is wrong. */
    public static ModelCard read(Path file) throws IOException {
        Object parsed;
        try {
            parsed = Json.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not JSON: " + e.getMessage());
        }
        try {
            Map<?, ?> m = (Map<?, ?>) parsed;
            long version = num(m, "format_version").longValue();
            if (version != FORMAT_VERSION) throw new IOException(file + ": format_version " + version + " is not " + FORMAT_VERSION);
            String architecture = (String) m.get("architecture");
            if (!ResNet18Layout.ARCHITECTURE.equals(architecture)) {
                throw new IOException(file + ": architecture " + architecture + " is not " + ResNet18Layout.ARCHITECTURE);
            }
            List<ModelClass> classes = new ArrayList<>();
            for (Object o : (List<?>) m.get("classes")) {
                Map<?, ?> c = (Map<?, ?>) o;
                classes.add(new ModelClass(num(c, "index").intValue(), num(c, "id").intValue(), (String) c.get("folder"),
                        (String) c.get("nature"), (String) c.get("name"), Boolean.TRUE.equals(c.get("background"))));
            }
            Map<?, ?> in = (Map<?, ?>) m.get("input");
            List<?> resize = (List<?>) in.get("resize");
            Preprocessing p = new Preprocessing(((Number) resize.get(0)).intValue(), ((Number) resize.get(1)).intValue(),
                    num(in, "width").intValue(), num(in, "height").intValue(), (String) in.get("channel_order"),
                    doubleArray(in.get("mean")), doubleArray(in.get("std")));
            Map<String, Object> extra = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                if (!List.of("format_version", "architecture", "num_classes", "classes", "input", "stem_pool", "batchnorm_eps",
                        "best_epoch", "val_top1", "weights").contains(k) && e.getValue() != null) {
                    extra.put(k, e.getValue());
                }
            }
            if (num(m, "num_classes").intValue() != classes.size()) throw new IOException(file + ": num_classes disagrees with classes");
            return new ModelCard(architecture, classes, p, num(m, "best_epoch").intValue(), num(m, "val_top1").doubleValue(), extra);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new IOException(file + ": not a wkforge model card (" + e.getMessage() + ")");
        }
    }

    private static Number num(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) throw new IllegalArgumentException("field " + key + " is missing or not a number");
        return n;
    }

    private static double[] doubleArray(Object o) {
        List<?> l = (List<?>) o;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) l.get(i)).doubleValue();
        return out;
    }

    private static List<Object> doubles(double[] values) {
        List<Object> out = new ArrayList<>();
        for (double v : values) out.add(v);
        return out;
    }
}
