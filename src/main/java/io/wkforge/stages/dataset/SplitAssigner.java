package io.wkforge.stages.dataset;

import io.wkforge.stages.common.dataset.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Decides the side of every frame: stratified (each class gets its own share of val), by single
 * frames or by whole videos, and deterministic: the same seed and the same frames always give the
 * same split, whatever order they were listed in.
 */
public final class SplitAssigner {
    private final double valFraction;
    private final boolean byVideo;
    private final long seed;

    public SplitAssigner(double valFraction, boolean byVideo, long seed) {
        this.valFraction = valFraction;
        this.byVideo = byVideo;
        this.seed = seed;
    }

    /** @param frames the frames of one class */
    public Map<FrameRef, Side> assign(String classFolder, List<FrameRef> frames) {
        // group by unit (a video, or each frame on its own), units in a canonical order
        Map<String, List<FrameRef>> units = new TreeMap<>();
        for (FrameRef f : frames) {
            units.computeIfAbsent(byVideo ? f.videoKey() : f.relPath(), k -> new ArrayList<>()).add(f);
        }
        List<String> order = new ArrayList<>(units.keySet());
        // one stream per class, so adding a class does not reshuffle the others
        Collections.shuffle(order, new Random(seed * 1_000_003L + classFolder.hashCode()));
        long target = Math.round(valFraction * frames.size());
        long val = 0;
        int valUnits = 0;
        Map<FrameRef, Side> out = new LinkedHashMap<>();
        for (String unit : order) {
            List<FrameRef> members = units.get(unit);
            // take a unit when it brings val closer to the target, and never empty the train side
            boolean closer = Math.abs(val + members.size() - target) < Math.abs(val - target);
            boolean trainKeepsSome = valUnits + 1 < units.size();
            Side side = closer && trainKeepsSome ? Side.VAL : Side.TRAIN;
            if (side == Side.VAL) {
                val += members.size();
                valUnits++;
            }
            for (FrameRef f : members) out.put(f, side);
        }
        return out;
    }
}
