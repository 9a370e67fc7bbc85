package io.wkforge.run;

import io.wkforge.plan.Layout;
import io.wkforge.plan.PreviousRuns;
import io.wkforge.plan.Stamp;
import io.wkforge.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Task stamps on disk, one JSON file per task under {@code .wkforge/stamps/}. JSON rather than
 * YAML because every start of a run reads all of them, and a stamp lists every output file: a
 * demo's 25 frames stamps are 325 KB, which SnakeYAML took a third of an all-cached run to read
 * (the JSON reader of io.wkforge.util is several times faster). Stamps of older versions
 * ({@code .yaml}) are not read, so their tasks run again once, and are removed when the new stamp
 * is written.
 */
public final class StampStore implements PreviousRuns {
    private static final String SUFFIX = ".json";
    private static final String LEGACY_SUFFIX = ".yaml";

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

    @Override
    public Path outDir() {
        return layout.outDir();
    }

    public FileHasher hasher() {
        return hasher;
    }

    Path fileOf(String taskId) {
        return layout.stampsDir().resolve(fileStem(taskId) + SUFFIX);
    }

    private Path legacyFileOf(String taskId) {
        return layout.stampsDir().resolve(fileStem(taskId) + LEGACY_SUFFIX);
    }

    private static String fileStem(String taskId) {
        return taskId.replaceAll("[^A-Za-z0-9_./-]", "_");
    }

    /** Forgets what was read: another run may have committed since (a run that waited for the lock). */
    public void reload() {
        cache.clear();
    }

    @Override
    public Stamp stamp(String taskId) {
        Stamp cached = cache.get(taskId);
        if (cached != null) return cached;
        Stamp s = read(fileOf(taskId));
        if (s == null || !s.taskId().equals(taskId)) return null;
        cache.put(taskId, s);
        return s;
    }

    /** The tasks of a stage that have a stamp file (of this version or an older one), by task id. */
    List<String> taskIdsOf(String stageId) throws IOException {
        Path dir = layout.stampsDir().resolve(stageId);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> layout.stampsDir().relativize(p).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(SUFFIX) || f.endsWith(LEGACY_SUFFIX))
                    .map(f -> f.substring(0, f.lastIndexOf('.'))).distinct().sorted().toList();
        }
    }

    /** Every readable stamp on disk, whether or not its task is still in the recipe. */
    public List<Stamp> all() throws IOException {
        List<Stamp> out = new ArrayList<>();
        if (!Files.isDirectory(layout.stampsDir())) return out;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(layout.stampsDir())) {
            files = walk.filter(p -> p.toString().endsWith(SUFFIX) && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path f : files) {
            Stamp s = read(f);
            if (s == null) continue;
            out.add(s);
            if (f.equals(fileOf(s.taskId()))) cache.put(s.taskId(), s);
        }
        return out;
    }

    private static Stamp read(Path f) {
        if (!Files.isRegularFile(f)) return null;
        try {
            return Json.read(Files.readString(f, StandardCharsets.UTF_8)) instanceof Map<?, ?> m ? fromMap(cast(m)) : null;
        } catch (IOException | RuntimeException damaged) {
            return null; // a damaged stamp means "not done": the task simply runs again
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    static Stamp fromMap(Map<String, Object> m) {
        if (m == null || !(m.get("task") instanceof String task)) return null;
        return new Stamp(task, (String) m.get("key"), strings(m.get("components")), strings(m.get("outputs")),
                (String) m.get("output_hash"), String.valueOf(m.get("finished_at")),
                ((Number) m.getOrDefault("duration_ms", 0)).longValue(), list(m.get("problems")));
    }

    private static List<String> list(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) l.forEach(v -> out.add(String.valueOf(v)));
        return out;
    }

    static Map<String, Object> toMap(Stamp s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", s.taskId());
        m.put("key", s.key());
        m.put("finished_at", s.finishedAt());
        m.put("duration_ms", s.durationMs());
        m.put("output_hash", s.outputHash());
        m.put("components", new LinkedHashMap<>(s.components()));
        m.put("outputs", new LinkedHashMap<>(s.outputs()));
        if (!s.problems().isEmpty()) m.put("problems", new ArrayList<>(s.problems()));
        return m;
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return out;
    }

    /** Writes a stamp durably: once this returns, the task counts as done even after a power loss. */
    public void write(Stamp s) throws IOException {
        AtomicFiles.writeDurably(fileOf(s.taskId()), Json.write(toMap(s)).getBytes(StandardCharsets.UTF_8));
        Files.deleteIfExists(legacyFileOf(s.taskId()));
        cache.put(s.taskId(), s);
    }

    /** Forgets a task: from now on it counts as not done, whatever files exist. */
    public void remove(String taskId) throws IOException {
        cache.remove(taskId);
        Files.deleteIfExists(fileOf(taskId));
        Files.deleteIfExists(legacyFileOf(taskId));
    }

    @Override
    public boolean outputsIntact(Stamp stamp) {
        for (Map.Entry<String, String> e : stamp.outputs().entrySet()) {
            Path p = layout.outDir().resolve(e.getKey());
            try {
                if (!Files.isRegularFile(p) || Files.size(p) != sizeOf(e.getValue())) return false;
            } catch (IOException | RuntimeException ex) {
                return false;
            }
        }
        return true;
    }

    /** The size part of an output entry ({@code size:sha256}). */
    static long sizeOf(String sizeAndHash) {
        return Long.parseLong(sizeAndHash.substring(0, sizeAndHash.indexOf(':')));
    }

    /** The hash part of an output entry ({@code size:sha256}). */
    static String hashOf(String sizeAndHash) {
        return sizeAndHash.substring(sizeAndHash.indexOf(':') + 1);
    }

    @Override
    public String hashOf(Path file) {
        return hasher.hash(file);
    }
}
