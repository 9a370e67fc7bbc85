package io.wkforge.stages.caffe;

import io.wkforge.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code model/model.json} says about the trained network (docs/architecture.md, "Model
 * card"): the geometry and normalisation it was trained with, the stem pooling, the batch-norm
 * epsilon and the class count. Export reads these rather than the recipe, so the Caffe files
 * describe the network that was actually trained.
 */
public record ModelCard(String architecture, int numClasses, int width, int height, String channelOrder,
                        double[] mean, double[] std, int stemKernel, int stemStride, int stemPad, boolean stemCeil,
                        double batchnormEps, List<Object> classes) {

    public static ModelCard read(Path file) throws IOException {
        Object parsed;
        try {
            parsed = Json.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage());
        }
        try {
            return of(parsed);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IOException(file + ": " + (e.getMessage() == null ? "unexpected content" : e.getMessage()));
        }
    }

    static ModelCard of(Object parsed) {
        Map<?, ?> root = map(parsed, "the file");
        long version = number(root, "format_version").longValue();
        if (version != 1) throw new IllegalArgumentException("format_version " + version + " is not supported (this wkforge reads 1)");
        String architecture = string(root, "architecture");
        if (!architecture.equals("resnet18")) {
            throw new IllegalArgumentException("architecture `" + architecture + "` cannot be exported (this wkforge exports resnet18)");
        }
        Map<?, ?> input = map(root.get("input"), "input");
        Map<?, ?> pool = map(root.get("stem_pool"), "stem_pool");
        ModelCard card = new ModelCard(architecture, number(root, "num_classes").intValue(),
                number(input, "width").intValue(), number(input, "height").intValue(), string(input, "channel_order"),
                triple(input, "mean"), triple(input, "std"),
                number(pool, "kernel").intValue(), number(pool, "stride").intValue(), number(pool, "pad").intValue(),
                bool(pool, "ceil_mode"), number(root, "batchnorm_eps").doubleValue(),
                root.get("classes") instanceof List<?> l ? List.copyOf(l) : List.of());
        card.validate();
        return card;
    }

    private void validate() {
        if (numClasses < 2) throw new IllegalArgumentException("num_classes " + numClasses + " (a classifier needs at least 2)");
        if (width < 1 || height < 1) throw new IllegalArgumentException("input size " + width + "x" + height);
        if (!channelOrder.equals("rgb") && !channelOrder.equals("bgr")) {
            throw new IllegalArgumentException("input.channel_order `" + channelOrder + "` (expected rgb or bgr)");
        }
        for (double s : std) if (!(s > 0)) throw new IllegalArgumentException("input.std holds " + s + " (must be positive)");
        if (!(batchnormEps > 0)) throw new IllegalArgumentException("batchnorm_eps " + batchnormEps + " (must be positive)");
        // NNIE pools in ceil mode without a way to say otherwise: only a network trained that way exports exactly
        if (stemKernel != 3 || stemStride != 2 || stemPad != 0 || !stemCeil) {
            throw new IllegalArgumentException("stem_pool is kernel " + stemKernel + " stride " + stemStride + " pad " + stemPad
                    + (stemCeil ? " ceil" : " floor") + "; NNIE computes kernel 3 stride 2 pad 0 ceil, so only a network "
                    + "trained with that pooling exports exactly");
        }
    }

    private static Map<?, ?> map(Object v, String what) {
        if (!(v instanceof Map<?, ?> m)) throw new IllegalArgumentException(what + " is not a JSON object");
        return m;
    }

    private static Number number(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Number n)) throw new IllegalArgumentException("`" + key + "` is missing or not a number");
        return n;
    }

    private static String string(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof String s)) throw new IllegalArgumentException("`" + key + "` is missing or not a string");
        return s;
    }

    private static boolean bool(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Boolean b)) throw new IllegalArgumentException("`" + key + "` is missing or not true/false");
        return b;
    }

    private static double[] triple(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof List<?> l) || l.size() != 3 || !l.stream().allMatch(x -> x instanceof Number)) {
            throw new IllegalArgumentException("input." + key + " is not a list of 3 numbers");
        }
        return l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
    }
}
