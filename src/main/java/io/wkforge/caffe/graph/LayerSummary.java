package io.wkforge.caffe.graph;

import io.wkforge.caffe.net.CaffeLayer;
import io.wkforge.caffe.text.TextNode;
import java.util.ArrayList;
import java.util.List;

/** The few parameters worth reading at a glance for each layer type (kernel, stride, outputs...). */
final class LayerSummary {
    private LayerSummary() {}

    static List<String> parameters(CaffeLayer layer) {
        List<String> out = new ArrayList<>();
        switch (layer.type()) {
            case "Convolution", "Deconvolution", "DepthwiseConv" -> {
                TextNode p = layer.param("convolution_param");
                if (p == null) break;
                out.add(window(p, "kernel_size", "kernel") + " " + window(p, "stride", "stride").replace("k", "s")
                        + " " + window(p, "pad", "pad").replace("k", "p"));
                String more = "out " + p.integer("num_output", 0);
                if (p.integer("group", 1) != 1) more += ", group " + p.integer("group", 1);
                if (!p.integers("dilation").isEmpty()) more += ", dilation " + p.integers("dilation").get(0);
                if (!p.bool("bias_term", true)) more += ", no bias";
                out.add(more);
            }
            case "Pooling" -> {
                TextNode p = layer.param("pooling_param");
                if (p == null) break;
                String pool = p.text("pool") == null ? "MAX" : p.text("pool");
                if (p.bool("global_pooling", false)) out.add(pool + " global");
                else out.add(pool + " " + window(p, "kernel_size", "kernel") + " " + window(p, "stride", "stride").replace("k", "s")
                        + " " + window(p, "pad", "pad").replace("k", "p"));
            }
            case "InnerProduct" -> {
                TextNode p = layer.param("inner_product_param");
                if (p != null) out.add("out " + p.integer("num_output", 0) + (p.bool("bias_term", true) ? "" : ", no bias"));
            }
            case "Eltwise" -> {
                TextNode p = layer.param("eltwise_param");
                out.add(p == null || p.text("operation") == null ? "SUM" : p.text("operation"));
            }
            case "Concat", "Softmax", "Flatten", "Slice" -> {
                String block = switch (layer.type()) {
                    case "Concat" -> "concat_param";
                    case "Softmax" -> "softmax_param";
                    case "Flatten" -> "flatten_param";
                    default -> "slice_param";
                };
                TextNode p = layer.param(block);
                if (p != null && p.get("axis") != null) out.add("axis " + p.integer("axis", 1));
                if (p != null && !p.integers("slice_point").isEmpty()) out.add("at " + join(p.integers("slice_point")));
            }
            case "Reshape" -> {
                TextNode p = layer.param("reshape_param");
                TextNode shape = p == null ? null : p.message("shape");
                if (shape != null) out.add("shape " + join(shape.integers("dim")));
            }
            case "Permute" -> {
                TextNode p = layer.param("permute_param");
                if (p != null) out.add("order " + join(p.integers("order")));
            }
            case "BatchNorm" -> {
                TextNode p = layer.param("batch_norm_param");
                if (p != null && p.get("eps") != null) out.add("eps " + p.text("eps"));
            }
            case "Scale" -> {
                TextNode p = layer.param("scale_param");
                if (p != null && p.bool("bias_term", false)) out.add("with bias");
            }
            case "ReLU" -> {
                TextNode p = layer.param("relu_param");
                if (p != null && p.get("negative_slope") != null) out.add("slope " + p.text("negative_slope"));
            }
            case "LRN" -> {
                TextNode p = layer.param("lrn_param");
                if (p != null) out.add("size " + p.integer("local_size", 5));
            }
            case "Dropout" -> {
                TextNode p = layer.param("dropout_param");
                if (p != null && p.get("dropout_ratio") != null) out.add("ratio " + p.text("dropout_ratio"));
            }
            default -> { }
        }
        return out;
    }

    /** {@code k3} or {@code k3x1}, from the repeated or the _h/_w form. */
    private static String window(TextNode p, String repeated, String prefix) {
        if (p.get(prefix + "_h") != null || p.get(prefix + "_w") != null) {
            return "k" + p.integer(prefix + "_h", 0) + "x" + p.integer(prefix + "_w", 0);
        }
        List<Long> v = p.integers(repeated);
        long fallback = repeated.equals("stride") ? 1 : 0;
        if (v.isEmpty()) return "k" + fallback;
        if (v.size() == 1 || v.stream().distinct().count() == 1) return "k" + v.get(0);
        return "k" + join(v).replace(' ', 'x');
    }

    private static String join(List<Long> v) {
        return String.join(" ", v.stream().map(String::valueOf).toList());
    }
}
