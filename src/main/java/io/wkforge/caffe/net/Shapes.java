package io.wkforge.caffe.net;

import io.wkforge.caffe.text.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shape inference over the layers: each layer's output shapes from its inputs and parameters,
 * by Caffe's rules (pooling rounds up unless the file says otherwise). A shape that cannot be
 * worked out (an unknown type, a missing input shape) is null, and so is everything computed
 * from it; the graph shows "?" there.
 */
public final class Shapes {
    private final Map<String, long[]> blobs = new HashMap<>();
    private final Map<Integer, List<long[]>> tops = new HashMap<>();

    private Shapes() {}

    public static Shapes infer(CaffeNet net) {
        Shapes s = new Shapes();
        for (NetInput in : net.inputs()) {
            if (in.layer() == null) s.blobs.put(in.name(), in.dims() == null ? null : toArray(in.dims()));
        }
        for (CaffeLayer layer : net.layers()) {
            List<long[]> in = new ArrayList<>();
            for (BlobRef b : layer.bottoms()) in.add(s.blobs.get(b.name()));
            List<long[]> out;
            try {
                out = layerOutputs(layer, in, net);
            } catch (RuntimeException unreadable) {
                out = null; // parameters the rules cannot make sense of: unknown, not fatal
            }
            List<long[]> fixed = new ArrayList<>();
            for (int i = 0; i < layer.tops().size(); i++) {
                long[] shape = out != null && i < out.size() ? out.get(i) : null;
                if (shape != null) {
                    for (long d : shape) if (d <= 0) shape = null;
                }
                fixed.add(shape);
                s.blobs.put(layer.tops().get(i).name(), shape);
            }
            s.tops.put(layer.index(), fixed);
        }
        return s;
    }

    /** The shapes of a layer's tops, in order; an entry is null when unknown. */
    public List<long[]> outputsOf(CaffeLayer layer) {
        return tops.getOrDefault(layer.index(), List.of());
    }

    /** A blob's last known shape, or null. */
    public long[] blob(String name) {
        return blobs.get(name);
    }

    /** {@code 1x3x224x224}, or {@code ?}. */
    public static String format(long[] shape) {
        if (shape == null) return "?";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append('x');
            sb.append(shape[i]);
        }
        return sb.length() == 0 ? "scalar" : sb.toString();
    }

    private static long[] toArray(List<Long> dims) {
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<long[]> layerOutputs(CaffeLayer layer, List<long[]> in, CaffeNet net) {
        long[] x = in.isEmpty() ? null : in.get(0);
        int topCount = layer.tops().size();
        switch (layer.type()) {
            case "Input":
                return inputLayer(layer, net);
            case "Convolution", "DepthwiseConvolution", "ConvolutionDepthwise", "DepthwiseConv":
                return x == null ? null : List.of(convolution(layer, x, false));
            case "Deconvolution":
                return x == null ? null : List.of(convolution(layer, x, true));
            case "Pooling":
                return x == null ? null : List.of(pooling(layer, x));
            case "InnerProduct":
                return x == null ? null : List.of(innerProduct(layer, x));
            case "Flatten":
                return x == null ? null : List.of(flatten(layer, x));
            case "Reshape":
                return x == null ? null : List.of(reshape(layer, x));
            case "Permute":
                return x == null ? null : List.of(permute(layer, x));
            case "Concat":
                return List.of(concat(layer, in));
            case "Slice":
                return x == null ? null : slice(layer, x, topCount);
            case "Split":
                return x == null ? null : repeat(x, topCount);
            case "Eltwise", "ReLU", "PReLU", "Sigmoid", "TanH", "ELU", "AbsVal", "BNLL", "Power", "Exp", "Log",
                    "Threshold", "Dropout", "BatchNorm", "Scale", "Bias", "LRN", "MVN", "Softmax", "Normalize",
                    "Clip", "Swish", "ReLU6":
                return x == null ? null : repeat(x, Math.max(1, topCount));
            case "Crop":
                return in.size() < 2 || x == null || in.get(1) == null ? null : List.of(crop(layer, x, in.get(1)));
            case "Upsample":
                return x == null ? null : List.of(upsample(layer, x, in.size() > 1 ? in.get(1) : null));
            case "PriorBox":
                return x == null ? null : List.of(priorBox(layer, x));
            case "ROIPooling":
                return roiPooling(layer, in);
            case "PSROIPooling":
                return psroiPooling(layer, in);
            case "Custom":
                return custom(layer);
            case "ArgMax":
                return x == null ? null : List.of(argMax(layer, x));
            default:
                return null;
        }
    }

    private static List<long[]> repeat(long[] x, int n) {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(x.clone());
        return out;
    }

    private static int axis(long axis, int rank) {
        int a = (int) (axis < 0 ? axis + rank : axis);
        if (a < 0 || a >= rank) throw new IllegalArgumentException("axis out of range");
        return a;
    }

    private static List<long[]> inputLayer(CaffeLayer layer, CaffeNet net) {
        List<long[]> out = new ArrayList<>();
        for (BlobRef top : layer.tops()) {
            long[] shape = null;
            for (NetInput in : net.inputs()) {
                if (in.layer() == layer.node() && in.name().equals(top.name()) && in.dims() != null) shape = toArray(in.dims());
            }
            out.add(shape);
        }
        return out;
    }

    /** A spatial parameter: the {@code _h}/{@code _w} form, else the repeated form (one value for both, or one each). */
    private static long spatial(TextNode p, String repeated, String suffixed, int which, long fallback) {
        String hw = which == 0 ? "_h" : "_w";
        if (p.get(suffixed + hw) != null) return p.integer(suffixed + hw, fallback);
        List<Long> v = p.integers(repeated);
        if (v.isEmpty()) return fallback;
        return v.size() == 1 ? v.get(0) : v.get(Math.min(which, v.size() - 1));
    }

    private static long[] convolution(CaffeLayer layer, long[] x, boolean transposed) {
        TextNode p = layer.param("convolution_param");
        if (p == null || x.length != 4) return null;
        long[] out = x.clone();
        out[1] = p.integer("num_output", -1);
        for (int d = 0; d < 2; d++) {
            long k = spatial(p, "kernel_size", "kernel", d, -1);
            long s = spatial(p, "stride", "stride", d, 1);
            long pad = spatial(p, "pad", "pad", d, 0);
            long dil = p.integers("dilation").isEmpty() ? 1 : p.integers("dilation").get(Math.min(d, p.integers("dilation").size() - 1));
            long extent = dil * (k - 1) + 1;
            if (k <= 0 || s <= 0) return null;
            out[2 + d] = transposed ? s * (x[2 + d] - 1) + extent - 2 * pad : (x[2 + d] + 2 * pad - extent) / s + 1;
        }
        return out;
    }

    private static long[] pooling(CaffeLayer layer, long[] x) {
        TextNode p = layer.param("pooling_param");
        if (x.length != 4) return null;
        long[] out = x.clone();
        if (p != null && p.bool("global_pooling", false)) {
            out[2] = 1;
            out[3] = 1;
            return out;
        }
        if (p == null) return null;
        boolean ceil = !"FLOOR".equals(p.text("round_mode")) && p.bool("ceil_mode", true);
        for (int d = 0; d < 2; d++) {
            long k = spatial(p, "kernel_size", "kernel", d, -1);
            long s = spatial(p, "stride", "stride", d, 1);
            long pad = spatial(p, "pad", "pad", d, 0);
            if (k <= 0 || s <= 0) return null;
            long span = x[2 + d] + 2 * pad - k;
            long o = (ceil ? Math.floorDiv(span + s - 1, s) : Math.floorDiv(span, s)) + 1;
            // Caffe's rule: the last window must start inside the image (plus its leading pad)
            if (pad > 0 && (o - 1) * s >= x[2 + d] + pad) o--;
            out[2 + d] = o;
        }
        return out;
    }

    private static long[] innerProduct(CaffeLayer layer, long[] x) {
        TextNode p = layer.param("inner_product_param");
        if (p == null) return null;
        int axis = axis(p.integer("axis", 1), x.length);
        long[] out = new long[axis + 1];
        System.arraycopy(x, 0, out, 0, axis);
        out[axis] = p.integer("num_output", -1);
        return out;
    }

    private static long[] flatten(CaffeLayer layer, long[] x) {
        TextNode p = layer.param("flatten_param");
        int start = axis(p == null ? 1 : p.integer("axis", 1), x.length);
        int end = axis(p == null ? -1 : p.integer("end_axis", -1), x.length);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < start; i++) out.add(x[i]);
        long prod = 1;
        for (int i = start; i <= end; i++) prod *= x[i];
        out.add(prod);
        for (int i = end + 1; i < x.length; i++) out.add(x[i]);
        return toArray(out);
    }

    private static long[] reshape(CaffeLayer layer, long[] x) {
        TextNode p = layer.param("reshape_param");
        TextNode shape = p == null ? null : p.message("shape");
        if (shape == null) return null;
        List<Long> dims = shape.integers("dim");
        int start = axis(p.integer("axis", 0), x.length + 1);
        long numAxes = p.integer("num_axes", -1);
        int end = numAxes == -1 ? x.length : start + (int) numAxes;
        if (end > x.length) return null;
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < start; i++) out.add(x[i]);
        int inferred = -1;
        for (int i = 0; i < dims.size(); i++) {
            long d = dims.get(i);
            if (d == 0) {
                if (start + i >= x.length) return null;
                out.add(x[start + i]);
            } else if (d == -1) {
                if (inferred >= 0) return null;
                inferred = out.size();
                out.add(1L);
            } else {
                out.add(d);
            }
        }
        for (int i = end; i < x.length; i++) out.add(x[i]);
        long total = 1;
        for (long d : x) total *= d;
        if (inferred >= 0) {
            long known = 1;
            for (int i = 0; i < out.size(); i++) if (i != inferred) known *= out.get(i);
            if (known == 0 || total % known != 0) return null;
            out.set(inferred, total / known);
        }
        return toArray(out);
    }

    /** Caffe's Permute: the given order, then the axes it leaves out in their original order. */
    public static List<Integer> fullPermuteOrder(List<Long> given, int rank) {
        List<Integer> order = new ArrayList<>();
        for (long o : given) {
            if (o < 0 || o >= rank || order.contains((int) o)) return null;
            order.add((int) o);
        }
        for (int i = 0; i < rank; i++) if (!order.contains(i)) order.add(i);
        return order;
    }

    private static long[] permute(CaffeLayer layer, long[] x) {
        TextNode p = layer.param("permute_param");
        List<Integer> order = fullPermuteOrder(p == null ? List.of() : p.integers("order"), x.length);
        if (order == null) return null;
        long[] out = new long[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[order.get(i)];
        return out;
    }

    private static long[] concat(CaffeLayer layer, List<long[]> in) {
        if (in.isEmpty() || in.contains(null)) return null;
        TextNode p = layer.param("concat_param");
        long[] first = in.get(0);
        long axisValue = p == null ? 1 : p.get("axis") != null ? p.integer("axis", 1) : p.integer("concat_dim", 1);
        int axis = axis(axisValue, first.length);
        long[] out = first.clone();
        out[axis] = 0;
        for (long[] s : in) {
            if (s.length != first.length) return null;
            out[axis] += s[axis];
        }
        return out;
    }

    private static List<long[]> slice(CaffeLayer layer, long[] x, int topCount) {
        TextNode p = layer.param("slice_param");
        long axisValue = p == null ? 1 : p.get("axis") != null ? p.integer("axis", 1) : p.integer("slice_dim", 1);
        int axis = axis(axisValue, x.length);
        List<Long> points = p == null ? List.of() : p.integers("slice_point");
        List<long[]> out = new ArrayList<>();
        if (points.isEmpty()) {
            if (topCount == 0 || x[axis] % topCount != 0) return null;
            for (int i = 0; i < topCount; i++) {
                long[] s = x.clone();
                s[axis] = x[axis] / topCount;
                out.add(s);
            }
            return out;
        }
        long prev = 0;
        List<Long> bounds = new ArrayList<>(points);
        bounds.add(x[axis]);
        for (long b : bounds) {
            long[] s = x.clone();
            s[axis] = b - prev;
            out.add(s);
            prev = b;
        }
        return out;
    }

    private static long[] crop(CaffeLayer layer, long[] x, long[] reference) {
        TextNode p = layer.param("crop_param");
        int axis = axis(p == null ? 2 : p.integer("axis", 2), x.length);
        long[] out = x.clone();
        for (int i = axis; i < x.length && i < reference.length; i++) out[i] = reference[i];
        return out;
    }

    private static long[] upsample(CaffeLayer layer, long[] x, long[] reference) {
        TextNode p = layer.param("upsample_param");
        if (x.length != 4) return null;
        long[] out = x.clone();
        if (p != null && p.get("upsample_h") != null && p.get("upsample_w") != null) {
            out[2] = p.integer("upsample_h", -1);
            out[3] = p.integer("upsample_w", -1);
            return out;
        }
        if (reference != null && reference.length == 4) {
            out[2] = reference[2];
            out[3] = reference[3];
            return out;
        }
        long scale = p == null ? 2 : p.integer("scale", 2);
        out[2] = x[2] * (p == null ? scale : p.integer("scale_h", scale));
        out[3] = x[3] * (p == null ? scale : p.integer("scale_w", scale));
        return out;
    }

    /** SSD's PriorBox: [1, 2, H*W*priors*4], priors from min sizes, aspect ratios (flipped) and max sizes. */
    private static long[] priorBox(CaffeLayer layer, long[] x) {
        TextNode p = layer.param("prior_box_param");
        if (p == null || x.length != 4) return null;
        List<Double> ratios = new ArrayList<>(List.of(1.0));
        boolean flip = p.bool("flip", true);
        for (TextNode r : p.all("aspect_ratio")) {
            Double ar = r.value() == null ? null : r.value().asDouble();
            if (ar == null) return null;
            if (ratios.stream().anyMatch(e -> Math.abs(e - ar) < 1e-6)) continue;
            ratios.add(ar);
            if (flip) ratios.add(1 / ar);
        }
        long priors = (long) ratios.size() * p.all("min_size").size() + p.all("max_size").size();
        return new long[] {1, 2, x[2] * x[3] * priors * 4};
    }

    private static List<long[]> roiPooling(CaffeLayer layer, List<long[]> in) {
        TextNode p = layer.param("roi_pooling_param");
        if (p == null || in.size() < 2 || in.get(0) == null || in.get(1) == null) return null;
        return List.of(new long[] {in.get(1)[0], in.get(0)[1], p.integer("pooled_h", -1), p.integer("pooled_w", -1)});
    }

    private static List<long[]> psroiPooling(CaffeLayer layer, List<long[]> in) {
        TextNode p = layer.param("psroi_pooling_param");
        if (p == null || in.size() < 2 || in.get(1) == null) return null;
        long g = p.integer("group_size", -1);
        return List.of(new long[] {in.get(1)[0], p.integer("output_dim", -1), g, g});
    }

    private static List<long[]> custom(CaffeLayer layer) {
        TextNode p = layer.param("custom_param");
        if (p == null) return null;
        List<long[]> out = new ArrayList<>();
        for (TextNode shape : p.all("shape")) out.add(toArray(shape.integers("dim")));
        return out;
    }

    private static long[] argMax(CaffeLayer layer, long[] x) {
        TextNode p = layer.param("argmax_param");
        long topK = p == null ? 1 : p.integer("top_k", 1);
        boolean withValue = p != null && p.bool("out_max_val", false);
        if (p != null && p.get("axis") != null) {
            long[] out = x.clone();
            out[axis(p.integer("axis", 0), x.length)] = topK;
            return out;
        }
        return new long[] {x[0], withValue ? 2 : 1, topK, 1};
    }
}
