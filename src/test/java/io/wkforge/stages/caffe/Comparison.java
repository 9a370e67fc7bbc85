package io.wkforge.stages.caffe;

/**
 * How far two runs of the same classifier on the same images lie apart.
 *
 * @param logitRange spread of the reference logits (a comparison of flat logits proves little)
 */
record Comparison(double probDiff, double logitDiff, double logitRange, int top1Agreements, int images) {

    static Comparison of(int images, int classes, float[] logits, float[] probs, float[] refLogits, float[] refProbs) {
        double probDiff = 0;
        double logitDiff = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        int agree = 0;
        for (int n = 0; n < images; n++) {
            int best = 0;
            int refBest = 0;
            for (int k = 0; k < classes; k++) {
                int i = n * classes + k;
                probDiff = Math.max(probDiff, Math.abs(probs[i] - refProbs[i]));
                logitDiff = Math.max(logitDiff, Math.abs(logits[i] - refLogits[i]));
                min = Math.min(min, refLogits[i]);
                max = Math.max(max, refLogits[i]);
                if (probs[i] > probs[n * classes + best]) best = k;
                if (refProbs[i] > refProbs[n * classes + refBest]) refBest = k;
            }
            if (best == refBest) agree++;
        }
        return new Comparison(probDiff, logitDiff, max - min, agree, images);
    }
}
