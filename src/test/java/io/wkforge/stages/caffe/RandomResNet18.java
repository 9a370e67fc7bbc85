package io.wkforge.stages.caffe;

import io.wkforge.stages.model.ModelCard;
import io.wkforge.stages.model.SafeTensors;
import io.wkforge.stages.model.Tensor;
import io.wkforge.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A plausible trained ResNet-18 made up at test time: He-initialised convolutions, batch-norm
 * statistics that are not the identity (random means, variances, gammas and betas, so a folding
 * or ordering mistake shows), and a classifier scaled so the softmax is not saturated. Named and
 * shaped exactly as torchvision's state_dict, as the train stage writes it.
 */
final class RandomResNet18 {
    static final double[] EQUAL_STD = {127.5, 127.5, 127.5};
    static final double[] EQUAL_MEAN = {127.5, 127.5, 127.5};
    static final double[] IMAGENET_STD = {58.395, 57.12, 57.375};
    static final double[] IMAGENET_MEAN = {123.675, 116.28, 103.53};

    private RandomResNet18() {}

    static Map<String, Tensor> weights(int classes, long seed) {
        Random r = new Random(seed);
        Map<String, Tensor> t = new LinkedHashMap<>();
        conv(t, r, "conv1", 64, 3, 7);
        bn(t, r, "bn1", 64);
        int in = 64;
        int[] widths = {64, 128, 256, 512};
        for (int stage = 1; stage <= 4; stage++) {
            int out = widths[stage - 1];
            for (int block = 0; block < 2; block++) {
                String p = "layer" + stage + "." + block;
                conv(t, r, p + ".conv1", out, in, 3);
                bn(t, r, p + ".bn1", out);
                conv(t, r, p + ".conv2", out, out, 3);
                bn(t, r, p + ".bn2", out);
                if (stage > 1 && block == 0) {
                    conv(t, r, p + ".downsample.0", out, in, 1);
                    bn(t, r, p + ".downsample.1", out);
                }
                in = out;
            }
        }
        float[] fc = new float[classes * 512];
        for (int i = 0; i < fc.length; i++) fc[i] = (float) (r.nextGaussian() * 0.15);
        t.put("fc.weight", new Tensor(new long[] {classes, 512}, fc));
        float[] bias = new float[classes];
        for (int i = 0; i < classes; i++) bias[i] = (float) (r.nextGaussian() * 0.5);
        t.put("fc.bias", new Tensor(new long[] {classes}, bias));
        return t;
    }

    private static void conv(Map<String, Tensor> t, Random r, String name, int out, int in, int k) {
        float[] w = new float[out * in * k * k];
        double std = Math.sqrt(2.0 / (in * k * k));
        for (int i = 0; i < w.length; i++) w[i] = (float) (r.nextGaussian() * std);
        t.put(name + ".weight", new Tensor(new long[] {out, in, k, k}, w));
    }

    private static void bn(Map<String, Tensor> t, Random r, String name, int c) {
        float[] gamma = new float[c];
        float[] beta = new float[c];
        float[] mean = new float[c];
        float[] var = new float[c];
        for (int i = 0; i < c; i++) {
            gamma[i] = (float) (0.4 + 0.6 * r.nextDouble());
            beta[i] = (float) (r.nextGaussian() * 0.2);
            mean[i] = (float) (r.nextGaussian() * 0.3);
            var[i] = (float) (0.5 + 1.5 * r.nextDouble());
        }
        t.put(name + ".weight", new Tensor(new long[] {c}, gamma));
        t.put(name + ".bias", new Tensor(new long[] {c}, beta));
        t.put(name + ".running_mean", new Tensor(new long[] {c}, mean));
        t.put(name + ".running_var", new Tensor(new long[] {c}, var));
    }

    /** model.json as the train stage writes it (docs/architecture.md, "Model card"). */
    static Map<String, Object> card(int classes, int width, int height, double[] mean, double[] std) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", 1);
        m.put("architecture", "resnet18");
        m.put("num_classes", classes);
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            boolean background = i == classes - 1;
            String name = background ? "background" : "thing" + i;
            String nature = background ? "other" : "kitchen";
            String id = String.format("%02d", i + 1);
            rows.add(Map.of("index", i, "id", i + 1, "folder", id + "_" + nature + "_" + name, "nature", nature, "name", name));
        }
        m.put("classes", rows);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("width", width);
        input.put("height", height);
        input.put("resize", List.of(width + width / 7, height + height / 7));
        input.put("channel_order", "rgb");
        input.put("mean", List.of(mean[0], mean[1], mean[2]));
        input.put("std", List.of(std[0], std[1], std[2]));
        m.put("input", input);
        m.put("stem_pool", Map.of("kernel", 3, "stride", 2, "pad", 0, "ceil_mode", true));
        m.put("batchnorm_eps", 1e-5);
        m.put("best_epoch", 7);
        m.put("val_top1", 0.5);
        return m;
    }

    /** Writes model/model.safetensors and model/model.json under a folder; returns the model card. */
    static ModelCard writeModel(Path modelDir, int classes, int width, int height, double[] mean, double[] std, long seed)
            throws IOException {
        Files.createDirectories(modelDir);
        SafeTensors.write(modelDir.resolve("model.safetensors"), weights(classes, seed), Map.of("format", "pt"));
        Map<String, Object> card = card(classes, width, height, mean, std);
        Files.writeString(modelDir.resolve("model.json"), Json.write(card), StandardCharsets.UTF_8);
        return ModelCard.read(modelDir.resolve("model.json"));
    }
}
