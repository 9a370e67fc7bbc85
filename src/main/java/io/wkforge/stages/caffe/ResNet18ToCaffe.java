package io.wkforge.stages.caffe;

import io.wkforge.stages.common.caffe.proto.Caffe.BatchNormParameter;
import io.wkforge.stages.common.caffe.proto.Caffe.BlobProto;
import io.wkforge.stages.common.caffe.proto.Caffe.BlobShape;
import io.wkforge.stages.common.caffe.proto.Caffe.ConvolutionParameter;
import io.wkforge.stages.common.caffe.proto.Caffe.EltwiseParameter;
import io.wkforge.stages.common.caffe.proto.Caffe.FlattenParameter;
import io.wkforge.stages.common.caffe.proto.Caffe.InnerProductParameter;
import io.wkforge.stages.common.caffe.proto.Caffe.LayerParameter;
import io.wkforge.stages.common.caffe.proto.Caffe.NetParameter;
import io.wkforge.stages.common.caffe.proto.Caffe.PoolingParameter;
import io.wkforge.stages.common.caffe.proto.Caffe.ScaleParameter;
import io.wkforge.stages.model.ModelCard;
import io.wkforge.stages.model.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Walks torchvision's ResNet-18 (trained with NNIE's stem pooling: kernel 3, stride 2, pad 0,
 * ceil) and writes the same network as Caffe layers in NNIE's dialect: the input header with
 * n = 1, Convolution + BatchNorm + in-place Scale (or batch norm folded into the convolution),
 * in-place ReLU, Eltwise SUM for the shortcuts, average pooling over the whole last feature map,
 * Flatten, InnerProduct with one output per class, Softmax. Layer names follow torchvision's
 * module names ({@code conv1}, {@code layer1.0.conv1}, ..., {@code fc}) plus {@code prob}.
 */
final class ResNet18ToCaffe {
    /** @param weighted the network with its weights (the caffemodel); @param deploy the same without (the prototxt) */
    record Result(NetParameter weighted, NetParameter deploy, List<String> unusedTensors) {}

    private static final int[] WIDTHS = {64, 128, 256, 512};

    private final ModelCard card;
    private final WeightTable weights;
    private final boolean foldBatchnorm;
    private final InputScaling scaling;
    private final NetParameter.Builder net = NetParameter.newBuilder();

    ResNet18ToCaffe(ModelCard card, Map<String, Tensor> tensors, boolean foldBatchnorm, InputScaling scaling) {
        this.card = card;
        this.weights = new WeightTable(tensors);
        this.foldBatchnorm = foldBatchnorm;
        this.scaling = scaling;
    }

    Result build() {
        net.setName("resnet18");
        net.addInput("data");
        net.addInputShape(BlobShape.newBuilder().addDim(1).addDim(3).addDim(card.height()).addDim(card.width()));

        int h = conv(card.height(), 7, 2, 3);
        int w = conv(card.width(), 7, 2, 3);
        if (h < 3 || w < 3) throw new IllegalArgumentException("input " + card.width() + "x" + card.height() + " is too small for ResNet-18");
        String x = convBn("conv1", "bn1", "data", 64, 3, 7, 2, 3, scaling.folded() ? scaling.channelFactors() : null);
        relu("relu", x);
        net.addLayer(layer("maxpool", "Pooling", List.of(x), "maxpool").setPoolingParam(
                PoolingParameter.newBuilder().setPool(PoolingParameter.PoolMethod.MAX).setKernelSize(3).setStride(2)));
        x = "maxpool";
        h = ceilPool(h);
        w = ceilPool(w);

        int channels = 64;
        for (int stage = 1; stage <= 4; stage++) {
            int out = WIDTHS[stage - 1];
            for (int block = 0; block < 2; block++) {
                int stride = stage > 1 && block == 0 ? 2 : 1;
                x = basicBlock("layer" + stage + "." + block, x, channels, out, stride);
                channels = out;
                if (stride == 2) {
                    h = conv(h, 3, 2, 1);
                    w = conv(w, 3, 2, 1);
                }
            }
        }

        PoolingParameter.Builder avg = PoolingParameter.newBuilder().setPool(PoolingParameter.PoolMethod.AVE).setStride(1);
        if (h == w) avg.setKernelSize(h);
        else avg.setKernelH(h).setKernelW(w);
        net.addLayer(layer("avgpool", "Pooling", List.of(x), "avgpool").setPoolingParam(avg));
        net.addLayer(layer("flatten", "Flatten", List.of("avgpool"), "flatten").setFlattenParam(FlattenParameter.newBuilder().setAxis(1)));
        int classes = card.numClasses();
        net.addLayer(layer("fc", "InnerProduct", List.of("flatten"), "fc")
                .setInnerProductParam(InnerProductParameter.newBuilder().setNumOutput(classes).setBiasTerm(true))
                .addBlobs(blob(weights.get("fc.weight", classes, 512), classes, 512))
                .addBlobs(blob(weights.get("fc.bias", classes), classes)));
        net.addLayer(layer("prob", "Softmax", List.of("fc"), "prob"));

        if (!weights.problems().isEmpty()) throw new WeightsMismatch(weights.problems());
        NetParameter weighted = net.build();
        NetParameter.Builder deploy = weighted.toBuilder();
        for (LayerParameter.Builder l : deploy.getLayerBuilderList()) l.clearBlobs();
        return new Result(weighted, deploy.build(), weights.unused());
    }

    /** The weights file does not hold what a torchvision ResNet-18 of this class count holds. */
    static final class WeightsMismatch extends IllegalArgumentException {
        final List<String> problems;

        WeightsMismatch(List<String> problems) {
            super(problems.size() + " tensor" + (problems.size() == 1 ? " does" : "s do") + " not match a ResNet-18");
            this.problems = List.copyOf(problems);
        }
    }

    private String basicBlock(String name, String input, int in, int out, int stride) {
        String y = convBn(name + ".conv1", name + ".bn1", input, out, in, 3, stride, 1, null);
        relu(name + ".relu1", y);
        y = convBn(name + ".conv2", name + ".bn2", y, out, out, 3, 1, 1, null);
        String shortcut = input;
        if (stride != 1 || in != out) {
            shortcut = convBn(name + ".downsample.0", name + ".downsample.1", input, out, in, 1, stride, 0, null);
        }
        net.addLayer(layer(name + ".add", "Eltwise", List.of(y, shortcut), name)
                .setEltwiseParam(EltwiseParameter.newBuilder().setOperation(EltwiseParameter.EltwiseOp.SUM)));
        relu(name + ".relu2", name);
        return name;
    }

    /**
     * A convolution without bias followed by its batch norm: as Convolution, BatchNorm and an
     * in-place Scale, or as one Convolution with the batch norm folded in (computed in double).
     *
     * @param inputFactors multipliers of the input channels' weights (the per-channel std fold), or null
     * @return the name of the blob that holds the result
     */
    private String convBn(String conv, String bn, String bottom, int out, int in, int k, int stride, int pad, double[] inputFactors) {
        float[] w = weights.get(conv + ".weight", out, in, k, k);
        float[] gamma = weights.get(bn + ".weight", out);
        float[] beta = weights.get(bn + ".bias", out);
        float[] mean = weights.get(bn + ".running_mean", out);
        float[] var = weights.get(bn + ".running_var", out);
        int perOut = in * k * k;
        if (inputFactors != null) {
            for (int o = 0; o < out; o++) {
                for (int c = 0; c < in; c++) {
                    for (int i = 0; i < k * k; i++) {
                        int at = o * perOut + c * k * k + i;
                        w[at] = (float) (w[at] * inputFactors[c]);
                    }
                }
            }
        }
        ConvolutionParameter.Builder p = ConvolutionParameter.newBuilder().setNumOutput(out)
                .addKernelSize(k).addStride(stride);
        if (pad != 0) p.addPad(pad);
        if (foldBatchnorm) {
            float[] bias = new float[out];
            for (int o = 0; o < out; o++) {
                double s = gamma[o] / Math.sqrt((double) var[o] + card.batchnormEps());
                for (int i = 0; i < perOut; i++) w[o * perOut + i] = (float) (w[o * perOut + i] * s);
                bias[o] = (float) (beta[o] - mean[o] * s);
            }
            net.addLayer(layer(conv, "Convolution", List.of(bottom), conv).setConvolutionParam(p.setBiasTerm(true))
                    .addBlobs(blob(w, out, in, k, k)).addBlobs(blob(bias, out)));
            return conv;
        }
        net.addLayer(layer(conv, "Convolution", List.of(bottom), conv).setConvolutionParam(p.setBiasTerm(false))
                .addBlobs(blob(w, out, in, k, k)));
        // Caffe's BatchNorm divides mean and variance by its third blob, the moving-average scale factor: 1 keeps them as trained
        net.addLayer(layer(bn, "BatchNorm", List.of(conv), bn)
                .setBatchNormParam(BatchNormParameter.newBuilder().setUseGlobalStats(true).setEps((float) card.batchnormEps()))
                .addBlobs(blob(mean, out)).addBlobs(blob(var, out)).addBlobs(blob(new float[] {1f}, 1)));
        net.addLayer(layer(bn + ".scale", "Scale", List.of(bn), bn).setScaleParam(ScaleParameter.newBuilder().setBiasTerm(true))
                .addBlobs(blob(gamma, out)).addBlobs(blob(beta, out)));
        return bn;
    }

    private void relu(String name, String blob) {
        net.addLayer(layer(name, "ReLU", List.of(blob), blob));
    }

    private static LayerParameter.Builder layer(String name, String type, List<String> bottoms, String top) {
        return LayerParameter.newBuilder().setName(name).setType(type).addAllBottom(bottoms).addTop(top);
    }

    private static BlobProto blob(float[] data, long... shape) {
        BlobShape.Builder s = BlobShape.newBuilder();
        for (long d : shape) s.addDim(d);
        BlobProto.Builder b = BlobProto.newBuilder().setShape(s);
        for (float v : data) b.addData(v);
        return b.build();
    }

    private static int conv(int size, int k, int stride, int pad) {
        return (size + 2 * pad - k) / stride + 1;
    }

    /** kernel 3, stride 2, pad 0, rounding up: what the network was trained with and NNIE computes. */
    private static int ceilPool(int size) {
        return Math.floorDiv(size - 3 + 1, 2) + 1;
    }
}
