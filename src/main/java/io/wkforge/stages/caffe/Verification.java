package io.wkforge.stages.caffe;

import io.wkforge.stages.common.caffe.ClassScores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison verify makes, image by image: the trained network's logits (DJL) against the
 * Caffe network's logits and probabilities (OpenCV). Probabilities of the trained side are the
 * softmax of its logits, computed in double precision.
 *
 * <p>A top-1 disagreement counts as a near tie, not a failure, when the trained network itself
 * scores the two classes within the tolerance of each other: a faithful export may then pick
 * either, and the probability check already bounds the difference.
 */
public final class Verification {
    private final double tolerance;
    private final List<ImageResult> results = new ArrayList<>();

    /** One image: its largest probability and logit differences and both top-1 classes. */
    public record ImageResult(String name, double maxProbDiff, double maxLogitDiff, int trainedTop1, int caffeTop1, boolean nearTie) {
        public boolean agrees() {
            return trainedTop1 == caffeTop1;
        }
    }

    public Verification(double tolerance) {
        this.tolerance = tolerance;
    }

    public void add(String name, float[] trainedLogits, float[] caffeLogits, float[] caffeProbs) {
        int k = trainedLogits.length;
        if (caffeLogits.length != k || caffeProbs.length != k) {
            throw new IllegalArgumentException(name + ": " + k + " trained outputs but " + caffeLogits.length + " Caffe logits and "
                    + caffeProbs.length + " probabilities");
        }
        double[] p = softmax(trainedLogits);
        double prob = 0;
        double logit = 0;
        for (int c = 0; c < k; c++) {
            prob = Math.max(prob, Math.abs(p[c] - caffeProbs[c]));
            logit = Math.max(logit, Math.abs((double) trainedLogits[c] - caffeLogits[c]));
        }
        int a = ClassScores.argmax(trainedLogits);
        int b = ClassScores.argmax(caffeProbs);
        boolean tie = a != b && p[a] - p[b] <= tolerance;
        results.add(new ImageResult(name, prob, logit, a, b, tie));
    }

    public int images() {
        return results.size();
    }

    public double maxProbDiff() {
        return results.stream().mapToDouble(ImageResult::maxProbDiff).max().orElse(0);
    }

    public double maxLogitDiff() {
        return results.stream().mapToDouble(ImageResult::maxLogitDiff).max().orElse(0);
    }

    public double top1Agreement() {
        return results.isEmpty() ? 0 : (double) results.stream().filter(ImageResult::agrees).count() / results.size();
    }

    /** Disagreements that are not near ties: each one fails verification. */
    public List<ImageResult> disagreements() {
        return results.stream().filter(r -> !r.agrees() && !r.nearTie()).toList();
    }

    public List<ImageResult> nearTies() {
        return results.stream().filter(ImageResult::nearTie).toList();
    }

    /** The images with the largest probability difference, largest first. */
    public List<ImageResult> worst(int n) {
        return results.stream().sorted(Comparator.comparingDouble(ImageResult::maxProbDiff).reversed()).limit(n).toList();
    }

    public boolean passed() {
        return !results.isEmpty() && maxProbDiff() <= tolerance && disagreements().isEmpty();
    }

    public double tolerance() {
        return tolerance;
    }

    /** verify.json's figures (the stage adds what it knows about the inputs). */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("images", results.size());
        m.put("max_abs_diff", maxProbDiff());
        m.put("max_abs_diff_logits", maxLogitDiff());
        m.put("top1_agreement", top1Agreement());
        m.put("top1_disagreements", disagreements().stream().map(Verification::describe).toList());
        m.put("top1_near_ties", nearTies().stream().map(Verification::describe).toList());
        if (!results.isEmpty()) {
            ImageResult w = worst(1).get(0);
            Map<String, Object> worst = new LinkedHashMap<>();
            worst.put("path", w.name());
            worst.put("max_abs_diff", w.maxProbDiff());
            worst.put("max_abs_diff_logits", w.maxLogitDiff());
            m.put("worst_image", worst);
        }
        m.put("tolerance", tolerance);
        m.put("passed", passed());
        return m;
    }

    static Map<String, Object> describe(ImageResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", r.name());
        m.put("trained_top1", r.trainedTop1());
        m.put("caffe_top1", r.caffeTop1());
        return m;
    }

    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) max = Math.max(max, l);
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return p;
    }
}
