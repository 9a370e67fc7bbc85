package io.wkforge.stages.train;

import io.wkforge.lang.model.Setting;
import io.wkforge.lang.syntax.Value;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.model.Preprocessing;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code train} and {@code preprocess} settings, read once through the task's context. */
record TrainSettings(int epochs, int batch, OptimizerKind optimizer, double lr, double momentum, double weightDecay,
                     Schedule schedule, int patience, Path pretrained, Devices devices, long seed, Preprocessing preprocessing,
                     FineTune fineTune, String boardInput) {

    /**
     * How pretrained weights are taken: the stem pool they were trained with ({@code null} when
     * the recipe does not say, so the file decides), the rate of the pretrained layers as a
     * fraction of lr, and the epochs during which they stay frozen.
     */
    record FineTune(String pool, double pretrainedLr, int freezeEpochs) {}

    enum OptimizerKind { SGD, ADAM, ADAMW }

    static TrainSettings read(TaskContext ctx) {
        Value.SizeLit resize = ctx.setting("preprocess.resize").asSize();
        Value.SizeLit crop = ctx.setting("preprocess.crop").asSize();
        Preprocessing p = new Preprocessing(resize.width(), resize.height(), crop.width(), crop.height(),
                ctx.setting("preprocess.channel_order").asString(), doubles(ctx.setting("preprocess.mean")),
                doubles(ctx.setting("preprocess.std")));
        int epochs = ctx.setting("train.epochs").asInt();
        Setting pretrained = ctx.setting("train.pretrained");
        List<Path> paths = pretrained.isSet() ? pretrained.asPaths(ctx.recipeDir()) : List.of();
        return new TrainSettings(
                epochs,
                ctx.setting("train.batch").asInt(),
                OptimizerKind.valueOf(ctx.setting("train.optimizer").asString().toUpperCase(java.util.Locale.ROOT)),
                ctx.setting("train.lr").asDouble(),
                ctx.setting("train.momentum").asDouble(),
                ctx.setting("train.weight_decay").asDouble(),
                Schedule.parse(ctx.setting("train.schedule").asStrings(), ctx.setting("train.lr").asDouble(), epochs),
                ctx.setting("train.patience").asInt(),
                paths.isEmpty() ? null : paths.get(0),
                Devices.parse(ctx.setting("train.devices").asStrings()),
                ctx.setting("train.seed").asLong(),
                p,
                new FineTune(ctx.setting("train.pretrained_pool").isSet() ? ctx.setting("train.pretrained_pool").asString() : null,
                        ctx.setting("train.pretrained_lr").asDouble(), ctx.setting("train.freeze_epochs").asInt()),
                boardInput(ctx.setting("train.board_input").asString(), ctx.setting("quantize.image_type").asString()));
    }

    /**
     * The YUV sampling whose round trip training images go through ({@code yuv420sp} or
     * {@code yuv422sp}), or {@code none}: {@code auto} follows the board's input type.
     */
    static String boardInput(String setting, String imageType) {
        if (!setting.equals("auto")) return setting;
        return imageType.startsWith("yuv") ? imageType : "none";
    }

    private static double[] doubles(Setting s) {
        List<BigDecimal> values = s.asDecimals();
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i).doubleValue();
        return out;
    }

    /** A one-line summary for the log. */
    String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(epochs + " epochs");
        parts.add("batch " + batch);
        parts.add(optimizer.name().toLowerCase(java.util.Locale.ROOT) + " lr " + lr
                + (optimizer == OptimizerKind.SGD ? " momentum " + momentum : "") + " weight_decay " + weightDecay);
        parts.add("schedule " + schedule.describe());
        if (patience > 0) parts.add("patience " + patience);
        parts.add("seed " + seed);
        parts.add("input " + preprocessing);
        if (!boardInput.equals("none")) parts.add("board input " + boardInput + " round trip (train and val)");
        if (pretrained != null) {
            parts.add("pretrained " + pretrained);
            if (fineTune.pretrainedLr() != 1) parts.add("pretrained layers at " + fineTune.pretrainedLr() + " x lr");
            if (fineTune.freezeEpochs() > 0) parts.add("pretrained layers frozen for " + fineTune.freezeEpochs() + " epochs");
        }
        return String.join(", ", parts);
    }
}
