package io.wkforge.stages.common.wk;

import io.wkforge.lang.model.Setting;
import io.wkforge.lang.syntax.Value;
import java.util.List;
import java.util.function.Function;

/**
 * What a .wk made from a recipe must hold, taken from the recipe's settings: the format version
 * its target's loader accepts, chip or simulation, the input the network takes (3 channels of the
 * crop, of the type {@code quantize.image_type} gives it), one output per class, and the blob
 * names of the exported prototxt when they are known.
 *
 * @param inputName  the exported prototxt's input blob, or null when no export is at hand
 * @param outputName its output blob, or null likewise
 */
public record WkExpectation(int[] version, boolean simulation, int channels, int width, int height, String imageType,
                            int classes, String inputName, String outputName) {
    /** Every network wkforge exports takes RGB or BGR pictures: 3 channels. */
    public static final int CHANNELS = 3;

    /** From the recipe's settings ({@code recipe::setting} or {@code ctx::setting}) and its class count. */
    public static WkExpectation of(Function<String, Setting> settings, int classes, String inputName, String outputName) {
        List<String> digits = settings.apply("quantize.wk_version").asStrings();
        int[] version = digits.stream().mapToInt(Integer::parseInt).toArray();
        Value.SizeLit crop = settings.apply("preprocess.crop").asSize();
        return new WkExpectation(version, settings.apply("quantize.is_simulation").asBool(), CHANNELS, crop.width(), crop.height(),
                settings.apply("quantize.image_type").asString(), classes, inputName, outputName);
    }

    public String versionText() {
        return WkFile.versionText(version);
    }

    /** {@code 3x224x224} */
    public String inputShape() {
        return channels + "x" + height + "x" + width;
    }
}
