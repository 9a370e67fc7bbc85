package io.wkforge.stages.nnie;

import io.wkforge.stages.common.dataset.SplitLists;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mapper's reference pictures: {@code quantize.calibration} images of the training side,
 * spread across the classes and, within a class, evenly over its pictures in name order (which
 * is video and time order), so that every class and every part of its recordings is seen.
 * Deterministic: the same dataset gives the same list.
 */
final class CalibrationImages {
    private CalibrationImages() {}

    static List<SplitLists.Image> choose(List<SplitLists.Image> train, int count) {
        Map<Integer, List<SplitLists.Image>> byClass = new TreeMap<>();
        for (SplitLists.Image i : train) byClass.computeIfAbsent(i.label(), k -> new ArrayList<>()).add(i);
        byClass.values().forEach(l -> l.sort(Comparator.comparing(SplitLists.Image::name)));
        List<List<SplitLists.Image>> classes = new ArrayList<>(byClass.values());
        int[] quota = new int[classes.size()];
        int given = 0;
        // one more picture per class in turn, skipping classes that have no more
        for (boolean progress = true; given < count && progress; ) {
            progress = false;
            for (int c = 0; c < classes.size() && given < count; c++) {
                if (quota[c] < classes.get(c).size()) {
                    quota[c]++;
                    given++;
                    progress = true;
                }
            }
        }
        List<SplitLists.Image> out = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<SplitLists.Image> l = classes.get(c);
            for (int j = 0; j < quota[c]; j++) out.add(l.get((int) ((j + 0.5) * l.size() / quota[c])));
        }
        return out;
    }
}
