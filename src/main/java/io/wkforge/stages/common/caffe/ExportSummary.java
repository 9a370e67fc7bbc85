package io.wkforge.stages.common.caffe;

import io.wkforge.util.JsonFields;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;

/**
 * What {@code caffe/export.json} tells the stages after export (verify, quantize): the input the
 * Caffe network expects and how it was written. See docs/stages/export.md, "export.json".
 *
 * @param mean       per channel, in {@code channelOrder}, on the 0-255 scale
 * @param std        the trained per-channel std, in {@code channelOrder}
 * @param dataScale  the one scale the Caffe network expects its input multiplied by, after the
 *                   mean is subtracted
 * @param dataScaleDecimal the same as an exact decimal (34 significant digits)
 * @param stdFolded  whether a per-channel std was folded into conv1 (then the network expects
 *                   {@code (pixel - mean) * dataScale}, not {@code (pixel - mean) / std})
 */
public record ExportSummary(int numClasses, int width, int height, String channelOrder, double[] mean, double[] std,
                            double dataScale, BigDecimal dataScaleDecimal, boolean stdFolded, boolean foldBatchnorm,
                            String outputBlob) {

    public static ExportSummary read(Path file) throws IOException {
        try {
            JsonFields root = JsonFields.read(file);
            JsonFields input = root.object("input");
            int[] shape = input.integers("shape", 4);
            double[] std = input.numbers("std", 3);
            return new ExportSummary(root.integer("num_classes"), shape[3], shape[2], input.string("channel_order"),
                    input.numbers("mean", 3), std, root.number("data_scale"),
                    root.has("data_scale_decimal") ? new BigDecimal(root.string("data_scale_decimal")) : decimalDataScale(std),
                    root.bool("std_folded_into_conv1", false), root.bool("fold_batchnorm", false), root.string("output_blob", "prob"));
        } catch (IllegalArgumentException e) { // JsonFields.Bad, and NumberFormatException from a bad decimal
            throw new IOException(file + ": not an export summary written by this wkforge (" + e.getMessage() + "); run export again");
        }
    }

    /**
     * The data_scale as a decimal with 34 significant digits, computed in decimal from the std
     * values as written (127.5, not the binary double nearest to it): what export records as
     * {@code data_scale_decimal} and quantize writes into the mapper's cfg, where the seed
     * advises "the more digits the better".
     */
    public static BigDecimal decimalDataScale(double[] std) {
        BigDecimal s0 = BigDecimal.valueOf(std[0]);
        boolean equal = std[0] == std[1] && std[1] == std[2];
        BigDecimal ref = equal ? s0
                : s0.add(BigDecimal.valueOf(std[1])).add(BigDecimal.valueOf(std[2])).divide(BigDecimal.valueOf(3), MathContext.DECIMAL128);
        return BigDecimal.ONE.divide(ref, MathContext.DECIMAL128);
    }

    /** The mean in another channel order ({@code rgb} or {@code bgr}). */
    public double[] meanIn(String order) {
        return order.equals(channelOrder) ? mean.clone() : new double[] {mean[2], mean[1], mean[0]};
    }
}
