package io.wkforge.stages.common.caffe;

/**
 * Class scores of a batch as networks return them: {@code n * classes} floats, image after
 * image. Verify and the quantization estimate compare them image by image.
 */
public final class ClassScores {
    private ClassScores() {}

    /** The scores of image {@code i} of a batch of {@code classes} scores per image. */
    public static float[] slice(float[] all, int i, int classes) {
        float[] out = new float[classes];
        System.arraycopy(all, i * classes, out, 0, classes);
        return out;
    }

    /** The top-1 class: the first index of the largest score. */
    public static int argmax(float[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
        return best;
    }
}
