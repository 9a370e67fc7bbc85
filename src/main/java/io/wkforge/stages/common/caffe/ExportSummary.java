package io.wkforge.stages.common.caffe;

import io.wkforge.stages.caffe.InputScaling;

import io.wkforge.util.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
        Object parsed;
        try {
            parsed = Json.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage());
        }
        try {
            Map<?, ?> root = (Map<?, ?>) parsed;
            Map<?, ?> input = (Map<?, ?>) root.get("input");
            List<?> shape = (List<?>) input.get("shape");
            double dataScale = number(root, "data_scale");
            Object decimal = root.get("data_scale_decimal");
            double[] std = triple(input.get("std"), "input.std");
            return new ExportSummary((int) number(root, "num_classes"), ((Number) shape.get(3)).intValue(), ((Number) shape.get(2)).intValue(),
                    (String) input.get("channel_order"), triple(input.get("mean"), "input.mean"), std, dataScale,
                    decimal instanceof String s ? new BigDecimal(s) : InputScaling.decimalDataScale(std),
                    Boolean.TRUE.equals(root.get("std_folded_into_conv1")), Boolean.TRUE.equals(root.get("fold_batchnorm")),
                    root.get("output_blob") instanceof String o ? o : "prob");
        } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException | NumberFormatException e) {
            throw new IOException(file + ": not an export summary written by this wkforge (" + e.getMessage() + "); run export again");
        }
    }

    /** The mean in another channel order ({@code rgb} or {@code bgr}). */
    public double[] meanIn(String order) {
        return order.equals(channelOrder) ? mean.clone() : new double[] {mean[2], mean[1], mean[0]};
    }

    private static double number(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Number n)) throw new NullPointerException("`" + key + "` is missing or not a number");
        return n.doubleValue();
    }

    private static double[] triple(Object o, String what) {
        if (!(o instanceof List<?> l) || l.size() != 3) throw new NullPointerException(what + " is not a list of 3 numbers");
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) out[i] = ((Number) l.get(i)).doubleValue();
        return out;
    }
}
