package io.wkforge.stages.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The geometry of ResNet-18 as wkforge trains and deploys it: torchvision's layout (a 7x7/2 stem,
 * four stages of two basic blocks, global average pooling, one fully connected layer) except for
 * the stem max-pool, which is k3 s2 pad 0 in ceil mode because that is what Caffe and NNIE compute
 * (torchvision's pad 1 floor pooling cannot be expressed there). Plain Java: export and lint walk
 * it without libtorch.
 */
public final class ResNet18Layout {
    public static final String ARCHITECTURE = "resnet18";
    public static final int STEM_POOL_KERNEL = 3;
    public static final int STEM_POOL_STRIDE = 2;
    public static final int STEM_POOL_PAD = 0;
    public static final boolean STEM_POOL_CEIL = true;
    /** BatchNorm's epsilon, as torchvision's. */
    public static final double BATCHNORM_EPS = 1e-5;
    /** Width of the pooled features the classifier reads. */
    public static final int FEATURES = 512;
    /** The smallest input side: conv1 must leave at least the pool's 3x3 window. */
    public static final int MIN_INPUT = 5;

    /**
     * The stem max-pool: {@code NNIE} (k3 s2 pad 0, ceil) is what wkforge trains and deploys;
     * {@code PYTORCH} (k3 s2 pad 1, floor) is torchvision's, with which imported checkpoints were
     * trained, used only to measure them as trained ({@code train.pretrained_pool}).
     */
    public enum StemPool {
        NNIE(0, true), PYTORCH(1, false);

        public final int pad;
        public final boolean ceil;

        StemPool(int pad, boolean ceil) {
            this.pad = pad;
            this.ceil = ceil;
        }
    }

    private static final int[] STAGE_CHANNELS = {64, 128, 256, 512};

    private ResNet18Layout() {}

    /** One convolution (they have no bias, as in torchvision), named by its weight's prefix. */
    public record Conv(String name, int in, int out, int kernel, int stride, int pad) {
        public long[] weightShape() {
            return new long[] {out, in, kernel, kernel};
        }
    }

    /**
     * One basic block: conv1-bn1-relu-conv2-bn2, plus the shortcut (downsample.0 conv and
     * downsample.1 BatchNorm when the block changes size), summed, then relu.
     */
    public record BasicBlock(String name, Conv conv1, Conv conv2, Conv downsample) {
        public String bn1() {
            return name + ".bn1";
        }

        public String bn2() {
            return name + ".bn2";
        }

        public String downsampleBn() {
            return name + ".downsample.1";
        }
    }

    public static Conv stem() {
        return new Conv("conv1", 3, 64, 7, 2, 3);
    }

    /** The eight basic blocks in order, {@code layer1.0} to {@code layer4.1}. */
    public static List<BasicBlock> blocks() {
        List<BasicBlock> out = new ArrayList<>();
        int in = 64;
        for (int stage = 0; stage < 4; stage++) {
            int channels = STAGE_CHANNELS[stage];
            for (int b = 0; b < 2; b++) {
                String name = "layer" + (stage + 1) + "." + b;
                int stride = stage > 0 && b == 0 ? 2 : 1;
                Conv conv1 = new Conv(name + ".conv1", in, channels, 3, stride, 1);
                Conv conv2 = new Conv(name + ".conv2", channels, channels, 3, 1, 1);
                Conv down = stride != 1 || in != channels ? new Conv(name + ".downsample.0", in, channels, 1, stride, 0) : null;
                out.add(new BasicBlock(name, conv1, conv2, down));
                in = channels;
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Every tensor of the network with its shape, in the order and with the names of torchvision's
     * {@code resnet18().state_dict()} (without {@code num_batches_tracked}).
     */
    public static Map<String, long[]> tensorShapes(int numClasses) {
        Map<String, long[]> out = new LinkedHashMap<>();
        Conv stem = stem();
        out.put(stem.name() + ".weight", stem.weightShape());
        batchNorm(out, "bn1", stem.out());
        for (BasicBlock b : blocks()) {
            out.put(b.conv1().name() + ".weight", b.conv1().weightShape());
            batchNorm(out, b.bn1(), b.conv1().out());
            out.put(b.conv2().name() + ".weight", b.conv2().weightShape());
            batchNorm(out, b.bn2(), b.conv2().out());
            if (b.downsample() != null) {
                out.put(b.downsample().name() + ".weight", b.downsample().weightShape());
                batchNorm(out, b.downsampleBn(), b.downsample().out());
            }
        }
        out.put("fc.weight", new long[] {numClasses, FEATURES});
        out.put("fc.bias", new long[] {numClasses});
        return out;
    }

    /** The BatchNorm tensor suffixes, in torchvision's order. */
    public static final List<String> BATCHNORM_TENSORS = List.of("weight", "bias", "running_mean", "running_var");

    private static void batchNorm(Map<String, long[]> out, String name, int channels) {
        for (String t : BATCHNORM_TENSORS) out.put(name + "." + t, new long[] {channels});
    }

    /** Whether a tensor is a BatchNorm running statistic (a buffer, not trained by gradients). */
    public static boolean isRunningStatistic(String tensorName) {
        return tensorName.endsWith(".running_mean") || tensorName.endsWith(".running_var");
    }

    /** Side of a feature map after a convolution or floor-mode window. */
    static int convOut(int in, int kernel, int stride, int pad) {
        return Math.floorDiv(in + 2 * pad - kernel, stride) + 1;
    }

    /** Side after the stem pool: ceil mode, so a partial window at the edge still counts. */
    static int ceilPoolOut(int in) {
        return -Math.floorDiv(-(in + 2 * STEM_POOL_PAD - STEM_POOL_KERNEL), STEM_POOL_STRIDE) + 1;
    }

    /**
     * The feature-map sides after the stem convolution, the stem pool and each of the four stages,
     * for one input side (e.g. 224: 112, 56, 56, 28, 14, 7).
     */
    public static int[] featureSides(int input) {
        int[] out = new int[6];
        out[0] = convOut(input, 7, 2, 3);
        out[1] = ceilPoolOut(out[0]);
        out[2] = out[1];
        for (int s = 3; s < 6; s++) out[s] = convOut(out[s - 1], 3, 2, 1);
        return out;
    }

    /**
     * Why the network cannot take an input of this size, or null when it can. The reason says
     * which sizes work.
     */
    public static String inputProblem(int width, int height) {
        if (width >= MIN_INPUT && height >= MIN_INPUT) return null;
        return "ResNet-18 cannot take a " + width + "x" + height + " input: the stem convolution halves it and its "
                + STEM_POOL_KERNEL + "x" + STEM_POOL_KERNEL + " max-pool needs at least 3 pixels left, so both sides must be at least "
                + MIN_INPUT + " (sizes of 32 or more, ideally multiples of 32 such as 64, 112 or 224, keep every stage's feature map meaningful)";
    }
}
