package io.wkforge.lang.schema;

import static io.wkforge.lang.schema.SchemaBuilder.c;
import static io.wkforge.lang.schema.StageId.CLEAN;
import static io.wkforge.lang.schema.StageId.DEPLOY;
import static io.wkforge.lang.schema.StageId.EXPORT;
import static io.wkforge.lang.schema.StageId.FRAMES;
import static io.wkforge.lang.schema.StageId.QUANTIZE;
import static io.wkforge.lang.schema.StageId.REPORT;
import static io.wkforge.lang.schema.StageId.SPLIT;
import static io.wkforge.lang.schema.StageId.TRAIN;
import static io.wkforge.lang.schema.StageId.VERIFY;
import static io.wkforge.lang.schema.StageId.WK;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * THE schema: every block and setting of the language, declared once. The checker, `render`,
 * `fmt`, docs/language.md, the editor grammar and completion, and the stage cache keys are all
 * derived from this class. Add a setting here and everything else follows.
 */
public final class Schema {
    /** Stages that read the class table (ids, names, videos): their keys change with it. */
    public static final Set<StageId> CLASSES_READ_BY = EnumSet.of(FRAMES, SPLIT, TRAIN, EXPORT, VERIFY, DEPLOY, REPORT);
    /**
     * Stages that show the recipe's name (its file name without .recipe: labels.txt, install.sh,
     * the report's title): their keys change with it. Never the output folder's name, which
     * differs under --out.
     */
    public static final Set<StageId> RECIPE_NAME_READ_BY = EnumSet.of(DEPLOY, REPORT);

    private static final Map<String, BlockSpec> BLOCKS = declare();

    private Schema() {}

    public static Collection<BlockSpec> blocks() {
        return BLOCKS.values();
    }

    public static BlockSpec block(String name) {
        return BLOCKS.get(name);
    }

    /** A setting by its qualified name {@code block.key}, or null. */
    public static SettingSpec setting(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        if (dot < 0) return null;
        BlockSpec b = BLOCKS.get(qualifiedName.substring(0, dot));
        if (b == null) return null;
        String key = qualifiedName.substring(dot + 1);
        if (b.label() != null && b.label().name().equals(key)) return b.label();
        return b.setting(key);
    }

    private static Map<String, BlockSpec> declare() {
        SchemaBuilder s = new SchemaBuilder();

        s.block("classes", "The classes to recognise, one row each: `ID NATURE NAME videos PATTERN... [background]`. "
                + "Ids run 1..N; the background class comes last. The board app shows class indices by fixed ranges (deploy.app_categories; the stock app: 0-5 kitchen, 6-9 harmful, 10-15 recyclable, 16-19 other, anything after unknown), so the background is best given an index the app shows as unknown (20 or above for the stock app, as in the seed's 21 classes).")
                .classRows().end();

        s.block("frames", "Frame extraction from the class videos (FFmpeg through JavaCV).")
                .setting("fps", "Frames kept per second of video: the first frame at or after each instant k/fps.", FRAMES)
                    .number("0", true, "120", false).unit("frames/s").byDefault("1").done()
                .setting("format", "Image format of extracted frames.", FRAMES)
                    .oneOf(c("png", "lossless, larger files"), c("jpg", "smaller files, lossy")).byDefault("png").done()
                .setting("quality", "JPEG quality of extracted frames (higher: larger files, fewer artefacts).", FRAMES)
                    .integer(1, 100).onlyWhen("format", "jpg").byDefault("95").done()
                .setting("stream_fps", "Frame rate of raw .h264/.h265 streams, which carry no timestamps.", FRAMES)
                    .number("0", true, "240", false).unit("frames/s").byDefault("30").done()
                .setting("on_error", "What a video that does not decode cleanly does to the run (its clean frames are kept either way).", FRAMES)
                    .oneOf(c("fail", "extract every video, then fail the stage listing every bad file"),
                           c("skip", "warn about bad videos and go on with the frames that decoded cleanly"))
                    .judgesTasks().byDefault("fail").done()
                .end();

        s.block("clean", "Dropping frames that would hurt training: duplicates, blur, near-uniform frames.")
                .setting("duplicates", "Similarity (perceptual hash) at or above which a frame is a duplicate of an earlier one; 1 drops exact duplicates only.", CLEAN)
                    .number("0", false, "1", false).byDefault("1").done()
                .setting("blur", "Variance of the Laplacian below which a frame is dropped as blurry; 0 keeps all.", CLEAN)
                    .number("0", false, null, false).unit("variance").byDefault("0").done()
                .setting("uniform", "Grey-level standard deviation below which a frame is near-uniform (covered lens, black, overexposed); 0 keeps all.", CLEAN)
                    .number("0", false, "255", false).unit("grey levels").byDefault("4").done()
                .setting("exclude", "Frames a person rejected, as paths or patterns relative to the frames folder.", CLEAN)
                    .patterns().byDefault("").done()
                .end();

        s.block("split", "Labelling and the train/val split of the cleaned frames.")
                .setting("val", "Fraction of each class that goes to validation.", SPLIT)
                    .percent("0", true, "0.5", true).byDefault("10%").done()
                .setting("by", "Unit of the split: single frames, or whole videos (the honest split for frames of one recording).", SPLIT)
                    .oneOf(c("frame", "frames are assigned independently"), c("video", "all frames of a video go to the same side"))
                    .byDefault("frame").done()
                .setting("seed", "Seed of the split's shuffle; the same seed and inputs give the same split.", SPLIT)
                    .integer(0, Integer.MAX_VALUE).byDefault("0").done()
                .end();

        s.block("preprocess", "Input geometry and normalisation, shared by training, export and the board.")
                .setting("resize", "Size every image is resized to first (the board app resizes camera frames to 256x256).", TRAIN, VERIFY, QUANTIZE, REPORT)
                    .size(8, 4096).unit("pixels").byDefault("256x256").done()
                .setting("crop", "Centre crop taken after resizing: the network's input size.", TRAIN, EXPORT, VERIFY, QUANTIZE, WK, DEPLOY, REPORT)
                    .size(8, 4096).unit("pixels").byDefault("224x224").done()
                .setting("mean", "Per-channel mean subtracted from pixel values (0-255), in channel_order.", TRAIN, VERIFY, QUANTIZE)
                    .numbers(3, "0", false, "255", false).byDefault("127.5 127.5 127.5").done()
                .setting("std", "Per-channel standard deviation pixel values are divided by. NNIE applies ONE data_scale, so channels should agree.", TRAIN, VERIFY, QUANTIZE)
                    .numbers(3, "0", true, "255", false).byDefault("127.5 127.5 127.5").done()
                .setting("channel_order", "Channel order of the network input.", TRAIN, VERIFY, QUANTIZE)
                    .oneOf(c("rgb", "red, green, blue"), c("bgr", "blue, green, red")).byDefault("rgb").done()
                .end();

        s.block("train", "Training the classifier (DJL, libtorch). The label names the network.")
                .label("model", "Network architecture.", TRAIN, EXPORT, VERIFY, REPORT)
                    .oneOf(c("resnet18", "ResNet-18 in torchvision's layout, with NNIE's ceil-mode stem pooling"))
                    .byDefault("resnet18").done()
                .setting("epochs", "Passes over the training set; 0 takes the `pretrained` weights as they are (evaluated on the validation set and passed on unchanged to export, verify, quantize, wk and deploy).", TRAIN)
                    .integer(0, 100_000).byDefault("100").done()
                .setting("batch", "Images per training step.", TRAIN)
                    .integer(1, 4096).byDefault("32").done()
                .setting("optimizer", "Optimisation algorithm.", TRAIN)
                    .oneOf(c("sgd", "stochastic gradient descent with momentum"), c("adam", "Adam"), c("adamw", "Adam with decoupled weight decay"))
                    .byDefault("sgd").done()
                .setting("lr", "Initial learning rate.", TRAIN)
                    .number("0", true, "10", false).byDefault("0.1").done()
                .setting("momentum", "Momentum of SGD.", TRAIN)
                    .number("0", false, "1", true).byDefault("0.9").done()
                .setting("weight_decay", "L2 weight decay.", TRAIN)
                    .number("0", false, "1", true).byDefault("1e-4").done()
                .setting("schedule", "Learning-rate schedule: `constant`, `cosine`, or `step E1 E2...` (divide by 10 at those epochs).", TRAIN)
                    .oneOf(c("constant", "keep the initial rate"), c("cosine", "cosine decay to zero over all epochs"),
                           c("step", "divide the rate by 10 at each listed epoch"))
                    .integers(0, Integer.MAX_VALUE, 1, 100_000).byDefault("cosine").done()
                .setting("patience", "Stop early after this many epochs without a better val accuracy; 0 never stops early.", TRAIN)
                    .integer(0, 100_000).unit("epochs").byDefault("0").done()
                .setting("pretrained", "Weights to start from: a ResNet-18 as torch.save wrote it (torchvision's state dict or an mmclassification checkpoint, zip or legacy format), safetensors, numpy .npz or TorchScript; unset trains from scratch.", TRAIN)
                    .inputFile().done()
                .setting("pretrained_pool", "Stem max-pool the `pretrained` weights were trained with: `pytorch` (k3 s2 pad 1 floor, torchvision's and mmclassification's) or `nnie` (pad 0 ceil, as wkforge trains and the board runs); model/metrics.json measures both.", TRAIN)
                    .oneOf(c("pytorch", "PyTorch's pad 1 floor-mode pooling (files from torchvision, mmclassification)"),
                           c("nnie", "NNIE's pad 0 ceil-mode pooling (files wkforge wrote)"))
                    .byDefault("pytorch").done()
                .setting("pretrained_lr", "Learning rate of the pretrained layers (all but the classifier) as a fraction of `lr`, with which the classifier trains; 1 trains every layer alike.", TRAIN)
                    .number("0", true, "1", false).byDefault("1").done()
                .setting("freeze_epochs", "With `pretrained`: the first epochs train only the classifier, the pretrained layers stay as they are (their BatchNorm statistics still adapt); 0 freezes nothing.", TRAIN)
                    .integer(0, 100_000).unit("epochs").byDefault("0").done()
                .setting("devices", "Where to train: `auto` (a GPU when present), `cpu`, or `gpu` with optional device ids.", TRAIN)
                    .oneOf(c("auto", "a GPU when one is present, else the CPU"), c("cpu", "the CPU"), c("gpu", "the listed GPUs (all when none listed)"))
                    .integers(0, 16, 0, 64).byDefault("auto").done()
                .setting("board_input", "Pass training and validation images through the board's input conversion, so the network learns, and val top-1 measures, what the board sees: `auto` follows quantize.image_type.", TRAIN)
                    .oneOf(c("auto", "the YUV round trip when quantize.image_type is yuv420sp or yuv422sp, else none"),
                           c("none", "the decoded pictures as they are"),
                           c("yuv420sp", "BGR -> YUV420SP (NV21, BT.601) -> BGR, as quantize simulates the camera app's frames"),
                           c("yuv422sp", "BGR -> YUV422 -> BGR"))
                    .byDefault("auto").done()
                .setting("seed", "Seed of weight initialisation and data order.", TRAIN)
                    .integer(0, Integer.MAX_VALUE).byDefault("0").done()
                .end();

        s.block("export", "Export of the trained network to Caffe files that nnie_mapper accepts.")
                .label("format", "Export format.", EXPORT)
                    .oneOf(c("caffe", "prototxt + caffemodel in NNIE's dialect")).byDefault("caffe").done()
                .setting("fold_batchnorm", "Fold BatchNorm into the preceding convolution (equivalent, fewer layers).", EXPORT)
                    .bool().byDefault("false").done()
                .setting("verify_tolerance", "Largest allowed difference between the trained network's and the Caffe model's outputs.", VERIFY)
                    .number("0", true, "1", false).byDefault("1e-4").done()
                .end();

        s.block("quantize", "nnie_mapper settings (one per .cfg key) and the calibration images.")
                .setting("calibration", "Number of reference images for quantization, drawn evenly across classes.", QUANTIZE)
                    .integer(1, 1000).optionalWord("images").byDefault("20 images").done()
                .setting("max_top1_drop", "Accuracy gate: fail (exit 4) when the estimated top-1 drop from the export's input to the quantized "
                        + "network fed through the board's input path exceeds this (the failure says which part, board input or quantization, "
                        + "costs it); unset means no gate.", QUANTIZE)
                    .percent("0", false, "1", false).judgesTasks().done()
                .setting("mapper", "The nnie_mapper executable (a name looked up on PATH, or a path relative to the recipe); the NNIE_MAPPER environment variable, when set, overrides it.", WK)
                    .string().byDefault("\"nnie_mapper_12\"").done()
                .setting("wk_version", "Format version (bytes 16-19 of the .wk) that the target chip family's NNIE loader accepts: wk and deploy refuse a .wk with another, which another family's mapper made (1 1 1 2: Hi3516CV500, Hi3516DV300, Hi3516AV300).", WK, DEPLOY)
                    .integers(4, 4, 0, 9).byDefault("1 1 1 2").done()
                .setting("mapper_timeout", "Longest the mapper may run before it is stopped and the stage fails.", WK)
                    .integer(1, 604_800).unit("s").byDefault("7200").done()
                .setting("net_type", "[net_type] network kind.", QUANTIZE, WK)
                    .oneOf(c("cnn", "plain CNN (ResNet-18)", "0"), c("roi", "ROI/PSROI network", "1"), c("recurrent", "recurrent network", "2"))
                    .byDefault("cnn").done()
                .setting("image_type", "[image_type] input the model takes on the board.", TRAIN, QUANTIZE, WK, DEPLOY, REPORT)
                    .oneOf(c("feature_map", "S32 feature map (requires norm_type none)", "0"), c("u8", "U8 gray or RGB", "1"),
                           c("yuv420sp", "YUV420 semi-planar (the camera app's)", "3"), c("yuv422sp", "YUV422 semi-planar", "5"))
                    .byDefault("u8").done()
                .setting("norm_type", "[norm_type] how the mapper normalises input (mean from preprocess.mean, scale from preprocess.std).", QUANTIZE, WK)
                    .oneOf(c("none", "no normalisation", "0"), c("mean_file", "mean file", "1"), c("channel_mean", "per-channel mean", "2"),
                           c("data_scale", "data_scale only", "3"), c("mean_file_data_scale", "mean file and data_scale", "4"),
                           c("channel_mean_data_scale", "per-channel mean and data_scale", "5"))
                    .byDefault("channel_mean_data_scale").done()
                .setting("data_scale", "[data_scale] one scale for all channels; unset: the one the exported network expects (caffe/export.json: 1/std, or 1/mean(std) when export folded a per-channel std into conv1), written with 34 significant digits. A value that differs from it is written as given, with a warning.", QUANTIZE, WK)
                    .number("0.000244140625", true, null, false).done()
                .setting("batch_num", "[batch_num] images per batch on the board (0 and 1: single image).", QUANTIZE, WK)
                    .integer(0, 256).byDefault("1").done()
                .setting("sparse_rate", "[sparse_rate] weight sparsity the mapper may apply.", QUANTIZE, WK)
                    .number("0", false, "1", false).byDefault("0").done()
                .setting("compile_mode", "[compile_mode] precision of the compiled model.", QUANTIZE, WK)
                    .oneOf(c("low_bandwidth", "8-bit, some accuracy loss", "0"), c("high_precision", "16-bit, slower", "1"),
                           c("user_specify", "16-bit only for layers named *_hp", "2"))
                    .byDefault("low_bandwidth").done()
                .setting("compress_mode", "[compress_mode] weight compression.", QUANTIZE, WK)
                    .oneOf(c("normal", "compressed", "0"), c("bypass", "uncompressed", "1")).byDefault("normal").done()
                .setting("is_simulation", "[is_simulation] build for functional simulation on a PC instead of the chip.", QUANTIZE, WK, DEPLOY)
                    .bool().byDefault("false").done()
                .setting("is_check_prototxt", "[is_check_prototxt] only check the prototxt, write no .wk (deploy is then skipped).", QUANTIZE, WK, DEPLOY)
                    .bool().byDefault("false").done()
                .setting("log_level", "[log_level] mapper verbosity, 0 (quiet) to 3.", QUANTIZE, WK)
                    .integer(0, 3).byDefault("0").done()
                .setting("instruction_name", "[instruction_name] the .wk file's name without extension (under 120 characters).", QUANTIZE, WK, DEPLOY)
                    .string().byDefault("\"model\"").done()
                .setting("internal_stride", "[internal_stride] memory alignment: 16 for DDR3, 32 for DDR4 (RuyiStudio: align_bytes).", QUANTIZE, WK)
                    .oneOf(c("16", "DDR3", "16"), c("32", "DDR4", "32")).byDefault("16").done()
                .setting("rgb_order", "[RGB_order] channel order in which the mapper and the board feed pictures to the network: must be preprocess.channel_order (the mapper's own default is BGR).", QUANTIZE, WK)
                    .oneOf(c("rgb", "RGB", "RGB"), c("bgr", "BGR", "BGR")).byDefault("rgb").done()
                .setting("gfpq_param_file", "[gfpq_param_file] vendor file of undocumented meaning; unset leaves the key empty.", QUANTIZE, WK)
                    .inputFile().done()
                .setting("recurrent_tmax", "[recurrent_tmax] longest sequence, for recurrent networks only.", QUANTIZE, WK)
                    .integer(1, 1024).done()
                .setting("max_roi_frame_cnt", "[max_roi_frame_cnt] most ROIs per frame, for ROI networks only.", QUANTIZE, WK)
                    .integer(1, 5000).done()
                .setting("roi_coordinate_file", "[roi_coordinate_file] ROI coordinates for calibration, for ROI networks only.", QUANTIZE, WK)
                    .inputFile().done()
                .end();

        s.block("deploy", "Pushing the model to the board. The label names the board.")
                .label("board", "The board.", DEPLOY, REPORT)
                    .oneOf(c("taurus", "HiSpark Taurus (Hi3516DV300) running the camera AI sample")).byDefault("taurus").done()
                .setting("via", "How files reach the board: `dir PATH` (an NFS export or SD card folder) or `ssh` (the settings below).", DEPLOY)
                    .oneOf(c("dir", "copy into a folder the board mounts"), c("ssh", "copy over SSH/SFTP and run the app"))
                    .optionalPath().byDefault("dir \"deploy\"").done()
                .setting("host", "Board address for `via ssh`.", DEPLOY).string().done()
                .setting("port", "SSH port.", DEPLOY).integer(1, 65535).byDefault("22").done()
                .setting("user", "SSH user.", DEPLOY).string().byDefault("\"root\"").done()
                .setting("key", "SSH private key file (`~/` is your home folder); unset uses the SSH agent's keys.", DEPLOY).inputFile().done()
                .setting("password_env", "Name of an environment variable that holds the SSH password (never the password itself); unset: no password login.", DEPLOY)
                    .string().done()
                .setting("known_hosts", "The known_hosts file the board's host key must be in; unset: ~/.ssh/known_hosts.", DEPLOY).path().done()
                .setting("host_key", "What to do with a board whose host key is not in known_hosts. A changed key is always refused.", DEPLOY)
                    .oneOf(c("strict", "refuse it (add the key with `wkforge doctor --accept-new-host-key`)"),
                           c("accept_new", "trust it on first contact and add it to known_hosts"))
                    .byDefault("strict").done()
                .setting("connect_timeout", "Longest wait for the board to answer, per attempt.", DEPLOY)
                    .integer(1, 600).unit("s").byDefault("10").done()
                .setting("retries", "Further connection attempts when the board cannot be reached (backoff 1, 2, 4... s); never after a refused login or host key.", DEPLOY)
                    .integer(0, 10).byDefault("3").done()
                .setting("command_timeout", "Longest a board command (checksums, install.sh) may run.", DEPLOY)
                    .integer(1, 86_400).unit("s").byDefault("120").done()
                .setting("remote_dir", "Folder on the board that receives the bundle (in its `wkforge/` folder, over SSH).", DEPLOY)
                    .path().byDefault("\"/userdata\"").done()
                .setting("model_path", "Where the board app reads the .wk.", DEPLOY)
                    .path().byDefault("\"/userdata/models/cnn_trash_classify/resnet_inst.wk\"").done()
                .setting("config_path", "Where the board app reads its switch file.", DEPLOY)
                    .path().byDefault("\"/userdata/sample_ai.conf\"").done()
                .setting("app_input", "The input the board app feeds the network: size and picture type (the stock camera app: 224x224 YUV420SP). A crop or quantize.image_type it cannot feed is a warning in check, plan, doctor, run and the report.", DEPLOY, REPORT)
                    .size(8, 4096).oneOf(c("u8", "U8 gray or RGB"), c("yuv420sp", "YUV420 semi-planar"), c("yuv422sp", "YUV422 semi-planar"), c("feature_map", "S32 feature map"))
                    .byDefault("224x224 yuv420sp").done()
                .setting("app_categories", "How many class indices the board app shows as each category, in the order kitchen, harmful, recyclable, other; indices after them show as unknown. The stock camera app: 6 4 6 4 (0-5 kitchen, 6-9 harmful, 10-15 recyclable, 16-19 other). A class the app would show under another category than its nature is a warning.", DEPLOY, REPORT)
                    .integers(4, 4, 0, 1000).byDefault("6 4 6 4").done()
                .setting("run", "Command that starts the app on the board (ssh only); unset copies and installs only.", DEPLOY)
                    .string().done()
                .setting("follow", "How long the started app's output is shown; the app keeps running on the board afterwards. 0 starts it and returns.", DEPLOY)
                    .integer(0, 86_400).unit("s").byDefault("15").done()
                .end();

        return s.blocks();
    }
}
