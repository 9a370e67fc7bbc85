package io.wkforge.stages.dataset;

import io.wkforge.stages.dataset.CleanDecision.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cleaning rules, over frames already measured. Frames are judged per class in name order
 * (video by video, in time order), and duplicates are looked for among the frames kept so far,
 * so the first frame of a still scene stays and its repeats go.
 */
public final class Cleaner {
    /**
     * @param duplicates similarity at or above which a frame is a near duplicate; 1 means exact
     *                   duplicates only (a perceptual hash match alone is not proof of equality)
     * @param blur       Laplacian variance below which a frame is blurry (0: off)
     * @param uniform    grey standard deviation below which a frame is near-uniform (0: off)
     */
    public record Thresholds(double duplicates, double blur, double uniform) {}

    private final Thresholds t;

    public Cleaner(Thresholds thresholds) {
        this.t = thresholds;
    }

    /**
     * @param frames   one class's frames in order
     * @param metrics  measurements by frame; frames absent from it were excluded by a person
     * @param excluded frames a person rejected
     */
    public List<CleanDecision> judge(List<FrameRef> frames, Map<FrameRef, FrameMetrics> metrics, java.util.Set<FrameRef> excluded) {
        List<CleanDecision> out = new ArrayList<>();
        Map<String, FrameRef> keptByPixels = new HashMap<>();
        List<FrameRef> kept = new ArrayList<>();
        for (FrameRef f : frames) {
            if (excluded.contains(f)) {
                out.add(new CleanDecision(f, metrics.get(f), List.of(Reason.EXCLUDED), null, 0));
                continue;
            }
            FrameMetrics m = metrics.get(f);
            List<Reason> reasons = new ArrayList<>();
            if (m.greyStd() < t.uniform()) reasons.add(Reason.UNIFORM);
            if (m.sharpness() < t.blur()) reasons.add(Reason.BLURRY);
            FrameRef original = keptByPixels.get(m.pixelHash());
            double similarity = original != null ? 1.0 : 0;
            if (original != null) {
                reasons.add(Reason.DUPLICATE);
            } else if (t.duplicates() < 1) {
                for (FrameRef k : kept) {
                    double s = DifferenceHash.similarity(m.dHash(), metrics.get(k).dHash());
                    if (s >= t.duplicates() && s > similarity) {
                        similarity = s;
                        original = k;
                    }
                }
                if (original != null) reasons.add(Reason.NEAR_DUPLICATE);
            }
            out.add(new CleanDecision(f, m, List.copyOf(reasons), original, similarity));
            if (reasons.isEmpty()) {
                kept.add(f);
                keptByPixels.put(m.pixelHash(), f);
            }
        }
        return out;
    }
}
