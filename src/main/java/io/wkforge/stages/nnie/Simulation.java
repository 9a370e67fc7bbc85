package io.wkforge.stages.nnie;

import java.io.IOException;

/**
 * A quantized version of the exported network next to its float original. Each batch runs
 * through both; the per-layer comparison goes into the given {@link LayerCosines}.
 */
interface Simulation extends AutoCloseable {
    /**
     * Float and quantized class scores, {@code n * classes} each: the logits (the input of the final
     * Softmax), whose largest value is the top-1 class.
     */
    record Outputs(float[] floatScores, float[] quantizedScores) {}

    Outputs run(float[] input, int n, LayerCosines cosines) throws IOException;

    /** Bits per weight and activation, as quant.json reports it: 8, 16, or "8/16" for a mix. */
    String precision();

    /** One paragraph: what is modelled and how. */
    String method();

    @Override
    void close();
}
