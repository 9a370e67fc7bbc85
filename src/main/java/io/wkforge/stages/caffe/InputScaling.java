package io.wkforge.stages.caffe;

/**
 * How the trained normalisation {@code (pixel - mean[c]) / std[c]} reaches the board, where
 * nnie_mapper subtracts the mean per channel but multiplies by ONE {@code data_scale}. When std
 * is equal across channels, data_scale is 1/std and the network is exported unchanged. When it
 * differs, data_scale is 1/std_ref with std_ref the mean of the three stds, and conv1's weights
 * for input channel c are multiplied by std_ref / std[c]: conv1 is linear and has no bias, and its
 * zero padding stays zero, so the deployed network computes exactly what the trained one does.
 *
 * @param dataScale the value quantize writes as [data_scale], in full double precision
 * @param channelFactors what conv1's input channel c is multiplied by (all 1 when not folded)
 */
public record InputScaling(double dataScale, double[] channelFactors, boolean folded) {

    public static InputScaling of(double[] std) {
        boolean equal = std[0] == std[1] && std[1] == std[2];
        if (equal) return new InputScaling(1.0 / std[0], new double[] {1, 1, 1}, false);
        double ref = (std[0] + std[1] + std[2]) / 3.0;
        double[] factors = new double[std.length];
        for (int c = 0; c < std.length; c++) factors[c] = ref / std[c];
        return new InputScaling(1.0 / ref, factors, true);
    }
}
