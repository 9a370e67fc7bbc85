package io.wkforge.stages.dataset;

import io.wkforge.lang.glob.GlobMatcher;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code clean.exclude}: frames a person rejected. A pattern with a '/' is a glob over the path
 * relative to the frames folder ({@code 01_kitchen_mushroom/*_clip3_*}); one without matches file
 * names in any class folder ({@code 01_kitchen_mushroom_clip3_000017.png}, {@code *_clip3_*}).
 */
final class ExcludePatterns {
    private final Map<String, PathMatcher> matchers = new LinkedHashMap<>();
    private final Map<String, Integer> hits = new LinkedHashMap<>();

    ExcludePatterns(List<String> patterns) {
        for (String p : patterns) {
            if (p.isBlank()) continue;
            String glob = p.strip().replace('\\', '/');
            if (glob.startsWith("frames/")) glob = glob.substring("frames/".length());
            matchers.put(p, GlobMatcher.pathMatcher(glob)); // linear, however many stars
            hits.put(p, 0);
        }
    }

    /** The pattern that excludes this frame, or null. */
    synchronized String match(FrameRef f) {
        for (Map.Entry<String, PathMatcher> e : matchers.entrySet()) {
            Path subject = e.getKey().contains("/") ? Path.of(f.pathInFrames()) : Path.of(f.fileName());
            if (e.getValue().matches(subject)) {
                hits.merge(e.getKey(), 1, Integer::sum);
                return e.getKey();
            }
        }
        return null;
    }

    /** Patterns that matched no frame: most likely a typo. */
    List<String> unused() {
        List<String> out = new ArrayList<>();
        hits.forEach((p, n) -> {
            if (n == 0) out.add(p);
        });
        return out;
    }
}
