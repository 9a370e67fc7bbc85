package io.wkforge.caffe.lint;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one NNIE chip's nnie_mapper accepts. The layer list is the documented one: HiSilicon's
 * public feature list (nnie-facts.md), the extension and CPU layer types the Taurus SDK's guide
 * names (doc 4.3: ROIPooling, PSROIPooling, Normalize, Upsample, Passthrough; Proposal and Custom
 * for parts that run on the CPU), and standard Caffe layers that public NNIE models use and
 * reports list as supported (the vendor's HiSVP guide was not available to check). A type a
 * user's mapper is known to accept can be allowed with {@code --allow-type}; nothing here was
 * checked against a mapper binary (none is available).
 */
public record NnieTarget(String id, String chip, Set<String> supportedTypes) {

    private static final Set<String> HI3516DV300_TYPES = Set.of(
            "Input", "Convolution", "Deconvolution", "DepthwiseConv", "Pooling", "InnerProduct",
            "ReLU", "PReLU", "Sigmoid", "TanH", "ELU", "AbsVal", "BNLL", "Power", "Exp", "Log", "Threshold",
            "LRN", "BatchNorm", "Scale", "Bias", "Concat", "Eltwise", "Slice", "Split", "Softmax",
            "Flatten", "Reshape", "Permute", "Crop", "Dropout", "ArgMax", "Normalize", "Upsample",
            "ROIPooling", "PSROIPooling", "Passthrough", "Proposal", "Custom");

    /** Layers that only make sense while training: a deploy prototxt has none. */
    static final Set<String> TRAINING_ONLY = Set.of(
            "Data", "ImageData", "HDF5Data", "HDF5Output", "MemoryData", "DummyData", "WindowData", "AnnotatedData",
            "VideoData", "Accuracy", "SoftmaxWithLoss", "EuclideanLoss", "HingeLoss", "InfogainLoss",
            "MultinomialLogisticLoss", "SigmoidCrossEntropyLoss", "ContrastiveLoss", "MultiBoxLoss",
            "DetectionEvaluate", "Silence", "Python");

    /** Layers of well-known networks that NNIE leaves to the CPU, with what to do instead. */
    static final Map<String, String> CPU_SIDE = Map.of(
            "PriorBox", "prior boxes depend only on the input size: compute them once on the CPU (the SDK's SSD sample does), and drop the layer",
            "DetectionOutput", "decode boxes and run NMS on the CPU after the NNIE part (the SDK's SSD sample does), and drop the layer");

    private static final Map<String, NnieTarget> TARGETS = Map.of(
            "hi3516dv300", new NnieTarget("hi3516dv300", "Hi3516DV300 (HiSpark Taurus), nnie_mapper_12", HI3516DV300_TYPES));

    public static NnieTarget byId(String id) {
        return TARGETS.get(id);
    }

    public static List<String> ids() {
        return List.copyOf(new TreeSet<>(TARGETS.keySet()));
    }

    public static NnieTarget standard() {
        return TARGETS.get("hi3516dv300");
    }

    /** This target with more layer types accepted (a mapper version that runs them). */
    public NnieTarget allowing(java.util.Collection<String> moreTypes) {
        if (moreTypes == null || moreTypes.isEmpty()) return this;
        Set<String> all = new TreeSet<>(supportedTypes);
        all.addAll(moreTypes);
        return new NnieTarget(id, chip, Set.copyOf(all));
    }

    public boolean supports(String type) {
        return supportedTypes.contains(type);
    }
}
