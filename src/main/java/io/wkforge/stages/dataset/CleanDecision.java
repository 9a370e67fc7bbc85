package io.wkforge.stages.dataset;

import java.util.List;

/**
 * The cleaner's verdict on one frame.
 *
 * @param metrics     null for an excluded frame (not measured)
 * @param reasons     why it was dropped, most decisive first; empty when kept
 * @param original    for a (near) duplicate: the kept frame it repeats, else null
 * @param similarity  for a (near) duplicate: its perceptual similarity to {@code original}
 */
public record CleanDecision(FrameRef frame, FrameMetrics metrics, List<Reason> reasons, FrameRef original, double similarity) {

    public enum Reason {
        EXCLUDED("excluded by a person"),
        UNIFORM("near-uniform (covered lens, black or overexposed)"),
        BLURRY("blurry"),
        DUPLICATE("exact duplicate"),
        NEAR_DUPLICATE("near duplicate");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean kept() {
        return reasons.isEmpty();
    }
}
