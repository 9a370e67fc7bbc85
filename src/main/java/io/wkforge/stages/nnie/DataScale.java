package io.wkforge.stages.nnie;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Which {@code [data_scale]} the cfg gets. The exported network expects one value (export.json:
 * 1/std, or 1/mean(std) when export folded a per-channel std into conv1). A recipe that sets
 * {@code quantize.data_scale} gets exactly what it wrote (an explicit setting is never silently
 * replaced), and a warning when that differs from the export's by more than one part in a
 * million: the board would then scale the input by a factor the network was not trained for,
 * which the accuracy estimate measures, because it feeds the network with the value written.
 *
 * @param written the value in the cfg
 * @param fromRecipe whether it is the recipe's {@code quantize.data_scale}
 * @param expected what the exported network expects
 */
record DataScale(BigDecimal written, boolean fromRecipe, BigDecimal expected) {
    /** Relative difference below which the two values are the same number written with fewer digits. */
    static final double AGREEMENT = 1e-6;
    /** The cfg gets at least this many significant digits ("the more digits the better"). */
    static final int MIN_DIGITS = 17;

    static DataScale choose(BigDecimal recipe, BigDecimal exported) {
        return recipe == null ? new DataScale(exported, false, exported) : new DataScale(recipe, true, exported);
    }

    double relativeDifference() {
        return written.subtract(expected).abs().divide(expected, MathContext.DECIMAL64).doubleValue();
    }

    boolean agrees() {
        return relativeDifference() <= AGREEMENT;
    }

    /** The cfg text: the exact decimal, padded with zeros to at least 17 significant digits. */
    String cfgText() {
        BigDecimal v = written.stripTrailingZeros();
        if (v.precision() < MIN_DIGITS) v = v.setScale(v.scale() + MIN_DIGITS - v.precision());
        return v.toPlainString();
    }

    /** The warning for a recipe value the export does not agree with, or null. */
    String disagreement(String where) {
        if (agrees()) return null;
        return String.format(Locale.ROOT, "quantize.data_scale %s (%s) differs from the %s the exported network expects "
                        + "(caffe/export.json) by %.3g%%: the board will scale every input by %.6g times what the network was trained on. "
                        + "The cfg gets the recipe's value, as written; remove quantize.data_scale to use the export's",
                written.toPlainString(), where, expected.round(MathContext.DECIMAL64).toPlainString(), 100 * relativeDifference(),
                written.divide(expected, MathContext.DECIMAL64).doubleValue());
    }
}
