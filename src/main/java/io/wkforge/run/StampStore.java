package io.wkforge.run;

import io.wkforge.plan.Layout;
import io.wkforge.plan.PreviousRuns;
import io.wkforge.plan.Stamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Task stamps on disk, one YAML file per task under {@code .wkforge/stamps/}. */
public final class StampStore implements PreviousRuns {
    private final Layout layout;
    private final FileHasher hasher;
    private final Map<String, Stamp> cache = new ConcurrentHashMap<>();

    public StampStore(Layout layout) {
        this.layout = layout;
        this.hasher = new FileHasher(layout.stateDir().resolve("file-hashes.tsv"));
    }

    public Layout layout() {
        return layout;
    }

    public FileHasher hasher() {
        return hasher;
    }

    Path fileOf(String taskId) {
        return layout.stampsDir().resolve(taskId.replaceAll("[^A-Za-z0-9_./-]", "_") + ".yaml");
    }

    @Override
    public Stamp stamp(String taskId) {
        Stamp cached = cache.get(taskId);
        if (cached != null) return cached;
        Path f = fileOf(taskId);
        if (!Files.isRegularFile(f)) return null;
        try {
            Map<String, Object> m = Yaml.read(f);
            if (m == null || !taskId.equals(m.get("task"))) return null;
            Stamp s = new Stamp(taskId, (String) m.get("key"), strings(m.get("components")), strings(m.get("outputs")),
                    (String) m.get("output_hash"), String.valueOf(m.get("finished_at")),
                    ((Number) m.getOrDefault("duration_ms", 0)).longValue(), list(m.get("problems")));
            cache.put(taskId, s);
            return s;
        } catch (IOException | RuntimeException damaged) {
            return null; // a damaged stamp means "not done": the task simply runs again
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return out;
    }

    private static List<String> list(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) l.forEach(v -> out.add(String.valueOf(v)));
        return out;
    }

    public void write(Stamp s) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", s.taskId());
        m.put("key", s.key());
        m.put("finished_at", s.finishedAt());
        m.put("duration_ms", s.durationMs());
        m.put("output_hash", s.outputHash());
        m.put("components", new LinkedHashMap<>(s.components()));
        m.put("outputs", new LinkedHashMap<>(s.outputs()));
        if (!s.problems().isEmpty()) m.put("problems", new ArrayList<>(s.problems()));
        Yaml.write(fileOf(s.taskId()), m);
        cache.put(s.taskId(), s);
    }

    /** Forgets a task: from now on it counts as not done, whatever files exist. */
    public void remove(String taskId) throws IOException {
        cache.remove(taskId);
        Files.deleteIfExists(fileOf(taskId));
    }

    @Override
    public boolean outputsIntact(Stamp stamp) {
        for (Map.Entry<String, String> e : stamp.outputs().entrySet()) {
            Path p = layout.outDir().resolve(e.getKey());
            try {
                String size = e.getValue().substring(0, e.getValue().indexOf(':'));
                if (!Files.isRegularFile(p) || Files.size(p) != Long.parseLong(size)) return false;
            } catch (IOException | RuntimeException ex) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String hashOf(Path file) {
        return hasher.hash(file);
    }
}
