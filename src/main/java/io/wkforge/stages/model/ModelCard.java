package io.wkforge.stages.model;

import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.util.Json;
import io.wkforge.util.JsonFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code model/model.json}, the one owner of its format: what was trained, described well enough
 * that export, verify and quantize rebuild the same network and feed it the same input without
 * reading the recipe, and what the report shows of it. Every field is read back as it was
 * written, and every card (written or read) passes the same checks against the network wkforge
 * builds ({@link ResNet18Layout}): architecture, at least two classes numbered 0..n-1, a
 * positive input size and std, rgb or bgr, a positive batch-norm epsilon and the stem pooling
 * NNIE computes.
 *
 * @param stemPool   the max-pool after conv1 the network was trained with
 * @param valTop1    the best epoch's validation top-1 accuracy, as a fraction
 * @param extra      further informative fields written as they are (engine, device, ...), held as
 *                   JSON reads them back
 */
public record ModelCard(String architecture, List<ModelClass> classes, Preprocessing input, StemPool stemPool, double batchnormEps,
                        int bestEpoch, double valTop1, Map<String, Object> extra) {
    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "model.json";
    public static final String WEIGHTS_FILE_NAME = "model.safetensors";

    /** The fields this class reads itself; any other field is kept in {@link #extra()}. */
    private static final List<String> OWN_FIELDS = List.of("format_version", "architecture", "num_classes", "classes", "input",
            "stem_pool", "batchnorm_eps", "best_epoch", "val_top1", "weights");

    /** One output of the network. */
    public record ModelClass(int index, int id, String folder, String nature, String name, boolean background) {}

    /** The stem's max pooling: kernel, stride, padding and whether sizes round up (ceil mode). */
    public record StemPool(int kernel, int stride, int pad, boolean ceil) {
        /** The pooling wkforge's ResNet-18 trains with, and the only one NNIE computes. */
        public static final StemPool RESNET18 = new StemPool(ResNet18Layout.STEM_POOL_KERNEL, ResNet18Layout.STEM_POOL_STRIDE,
                ResNet18Layout.STEM_POOL_PAD, ResNet18Layout.STEM_POOL_CEIL);

        @Override
        public String toString() {
            return "kernel " + kernel + " stride " + stride + " pad " + pad + (ceil ? " ceil" : " floor");
        }
    }

    public ModelCard {
        classes = List.copyOf(classes);
        extra = extra == null ? Map.of() : normalised(extra);
        if (!ResNet18Layout.ARCHITECTURE.equals(architecture)) {
            throw new IllegalArgumentException("architecture `" + architecture + "` is not supported (this wkforge builds "
                    + ResNet18Layout.ARCHITECTURE + ")");
        }
        if (classes.size() < 2) throw new IllegalArgumentException("num_classes " + classes.size() + " (a classifier needs at least 2)");
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).index() != i) {
                throw new IllegalArgumentException("classes[" + i + "] has index " + classes.get(i).index() + " (indices run 0.."
                        + (classes.size() - 1) + " in order)");
            }
        }
        if (input.cropWidth() < 1 || input.cropHeight() < 1) {
            throw new IllegalArgumentException("input size " + input.cropWidth() + "x" + input.cropHeight());
        }
        if (!(batchnormEps > 0)) throw new IllegalArgumentException("batchnorm_eps " + batchnormEps + " (must be positive)");
        // NNIE pools in ceil mode without a way to say otherwise: only a network trained that way exports exactly
        if (!stemPool.equals(StemPool.RESNET18)) {
            throw new IllegalArgumentException("stem_pool is " + stemPool + "; NNIE computes " + StemPool.RESNET18
                    + ", so only a network trained with that pooling exports exactly");
        }
    }

    /** A card for a network wkforge trained: its ResNet-18's stem pooling and batch-norm epsilon. */
    public ModelCard(String architecture, List<ModelClass> classes, Preprocessing input, int bestEpoch, double valTop1,
                     Map<String, Object> extra) {
        this(architecture, classes, input, StemPool.RESNET18, ResNet18Layout.BATCHNORM_EPS, bestEpoch, valTop1, extra);
    }

    /** {@code model/model.json}: where train commits the card, relative to the out dir. */
    public static String relPath() {
        return Layout.dirOf(StageId.TRAIN) + "/" + FILE_NAME;
    }

    /** {@code model/model.safetensors}: where train commits the weights the card describes. */
    public static String weightsRelPath() {
        return Layout.dirOf(StageId.TRAIN) + "/" + WEIGHTS_FILE_NAME;
    }

    public int numClasses() {
        return classes.size();
    }

    /** The network's input width (the crop). */
    public int width() {
        return input.cropWidth();
    }

    /** The network's input height (the crop). */
    public int height() {
        return input.cropHeight();
    }

    public String channelOrder() {
        return input.channelOrder();
    }

    /** Per-channel mean in channel order, 0-255 scale (a copy). */
    public double[] mean() {
        return input.mean();
    }

    /** Per-channel std in channel order, 0-255 scale (a copy). */
    public double[] std() {
        return input.std();
    }

    /** The class folders in index order (what a label of the dataset lists stands for). */
    public List<String> folders() {
        return classes.stream().map(ModelClass::folder).toList();
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
        pool.put("kernel", stemPool.kernel());
        pool.put("stride", stemPool.stride());
        pool.put("pad", stemPool.pad());
        pool.put("ceil_mode", stemPool.ceil());
        m.put("stem_pool", pool);
        m.put("batchnorm_eps", batchnormEps);
        m.put("best_epoch", bestEpoch);
        m.put("val_top1", valTop1);
        m.put("weights", WEIGHTS_FILE_NAME);
        m.putAll(extra);
        return Json.write(m) + "\n";
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, json(), StandardCharsets.UTF_8);
    }

    /** Reads and checks a model card; the message names the file and the field that is wrong. */
    public static ModelCard read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /** A card from its JSON text; {@link IllegalArgumentException} naming the field that is wrong. */
    public static ModelCard parse(String text) {
        JsonFields m = JsonFields.parse(text);
        int version = m.integer("format_version");
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("format_version " + version + " is not supported (this wkforge reads " + FORMAT_VERSION + ")");
        }
        String architecture = m.string("architecture");
        List<ModelClass> classes = new ArrayList<>();
        for (JsonFields c : m.objects("classes")) {
            classes.add(new ModelClass(c.integer("index"), c.integer("id"), c.string("folder"), c.string("nature"), c.string("name"),
                    c.bool("background", false)));
        }
        int declared = m.integer("num_classes");
        if (declared != classes.size()) {
            throw new IllegalArgumentException("num_classes " + declared + " disagrees with the " + classes.size() + " entries of classes");
        }
        JsonFields in = m.object("input");
        String order = in.string("channel_order");
        if (!order.equals("rgb") && !order.equals("bgr")) {
            throw new IllegalArgumentException("input.channel_order `" + order + "` (expected rgb or bgr)");
        }
        double[] std = in.numbers("std", 3);
        for (double s : std) if (!(s > 0)) throw new IllegalArgumentException("input.std holds " + s + " (must be positive)");
        int[] resize = in.integers("resize", 2);
        Preprocessing p = new Preprocessing(resize[0], resize[1], in.integer("width"), in.integer("height"), order,
                in.numbers("mean", 3), std);
        JsonFields pool = m.object("stem_pool");
        StemPool stem = new StemPool(pool.integer("kernel"), pool.integer("stride"), pool.integer("pad"), pool.bool("ceil_mode"));
        Map<String, Object> extra = new LinkedHashMap<>();
        for (String k : m.keys()) if (!OWN_FIELDS.contains(k) && m.raw(k) != null) extra.put(k, m.raw(k));
        return new ModelCard(architecture, classes, p, stem, m.number("batchnorm_eps"), m.integer("best_epoch"), m.number("val_top1"),
                extra);
    }

    /** The extra fields as JSON reads them back (numbers as Long or Double), so a card equals its reading. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalised(Map<String, Object> extra) {
        return java.util.Collections.unmodifiableMap((Map<String, Object>) Json.read(Json.write(new LinkedHashMap<>(extra))));
    }

    private static List<Object> doubles(double[] values) {
        List<Object> out = new ArrayList<>();
        for (double v : values) out.add(v);
        return out;
    }
}
