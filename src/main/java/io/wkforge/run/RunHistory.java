package io.wkforge.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The run records of a build folder ({@code .wkforge/runs/<id>/run.yaml}), newest first: what
 * {@code wkforge runs} lists and compares. A record that cannot be read is reported, not fatal:
 * a killed run may have left one half-written by an older wkforge.
 */
public final class RunHistory {
    private RunHistory() {}

    /** One recorded run, read back. Fields an older record lacks come back empty. */
    public record Run(Path file, Map<String, Object> data) {
        public String id() {
            return str("id");
        }

        public String status() {
            return str("status");
        }

        /** The recipe's absolute path as the run saw it. */
        public String recipe() {
            return str("recipe");
        }

        public String recipeSha256() {
            return str("recipe_sha256");
        }

        public String startedAt() {
            return str("started_at");
        }

        public String finishedAt() {
            return str("finished_at");
        }

        /** Wall time of the run in ms, or -1 when it did not finish (or the record predates the field). */
        public long durationMs() {
            Object d = data.get("duration_ms");
            if (d instanceof Number n) return n.longValue();
            try {
                if (startedAt() != null && finishedAt() != null) {
                    return java.time.Duration.between(java.time.Instant.parse(startedAt()), java.time.Instant.parse(finishedAt())).toMillis();
                }
            } catch (java.time.format.DateTimeParseException ignored) {
                // an unreadable time: no duration
            }
            return -1;
        }

        public String gitCommit() {
            return data.get("git") instanceof Map<?, ?> g && g.get("commit") != null ? String.valueOf(g.get("commit")) : null;
        }

        public boolean gitDirty() {
            return data.get("git") instanceof Map<?, ?> g && Boolean.TRUE.equals(g.get("dirty"));
        }

        public List<String> overrides() {
            return strings("overrides");
        }

        public List<String> arguments() {
            return strings("arguments");
        }

        /** Every effective setting as recipe text ("" when unset), by qualified name. */
        public Map<String, String> settings() {
            return stringMap("settings");
        }

        public Map<String, String> params() {
            return stringMap("params");
        }

        /** Key metrics (val_top1, verify_max_abs_diff, ...) as numbers or booleans, by name. */
        public Map<String, Object> metrics() {
            Map<String, Object> out = new LinkedHashMap<>();
            if (data.get("metrics") instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }

        /** Each task's key (cached and ran tasks; a skipped or failed task has none), by task id. */
        public Map<String, String> taskKeys() {
            Map<String, String> out = new LinkedHashMap<>();
            if (data.get("tasks") instanceof List<?> tasks) {
                for (Object o : tasks) {
                    if (o instanceof Map<?, ?> t && t.get("id") != null && t.get("key") != null) {
                        out.put(String.valueOf(t.get("id")), String.valueOf(t.get("key")));
                    }
                }
            }
            return out;
        }

        /** Each task's status in this run (ran, cached, skipped, failed), by task id. */
        public Map<String, String> taskStatus() {
            Map<String, String> out = new LinkedHashMap<>();
            if (data.get("tasks") instanceof List<?> tasks) {
                for (Object o : tasks) {
                    if (o instanceof Map<?, ?> t && t.get("id") != null) out.put(String.valueOf(t.get("id")), String.valueOf(t.get("status")));
                }
            }
            return out;
        }

        private String str(String key) {
            Object v = data.get(key);
            return v == null ? null : String.valueOf(v);
        }

        private List<String> strings(String key) {
            List<String> out = new ArrayList<>();
            if (data.get(key) instanceof List<?> l) l.forEach(o -> out.add(String.valueOf(o)));
            return out;
        }

        private Map<String, String> stringMap(String key) {
            Map<String, String> out = new LinkedHashMap<>();
            if (data.get(key) instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            return out;
        }
    }

    /** What was found in a runs folder: the runs, newest first, and the records that could not be read. */
    public record Found(List<Run> runs, List<String> unreadable) {}

    public static Found load(Path runsDir) {
        List<Run> runs = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        if (!Files.isDirectory(runsDir)) return new Found(runs, bad);
        try (Stream<Path> dirs = Files.list(runsDir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Path f = d.resolve("run.yaml");
                if (!Files.isRegularFile(f)) continue;
                try {
                    Map<String, Object> data = Yaml.read(f);
                    if (data == null || data.get("id") == null) bad.add(f + ": not a run record");
                    else runs.add(new Run(f, data));
                } catch (IOException | RuntimeException e) {
                    bad.add(f + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            bad.add(runsDir + ": " + e.getMessage());
        }
        runs.sort(Comparator.comparing((Run r) -> r.startedAt() == null ? "" : r.startedAt())
                .thenComparing(r -> r.id()).reversed());
        return new Found(runs, bad);
    }

    /**
     * The run a user means: an id, the unique start of one, {@code latest}, or {@code latest~N}
     * (the N-th before the latest). Throws IllegalArgumentException with a message for the user.
     */
    public static Run resolve(List<Run> newestFirst, String ref) {
        if (newestFirst.isEmpty()) throw new IllegalArgumentException("no runs recorded yet");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("latest(?:~(\\d+))?").matcher(ref);
        if (m.matches()) {
            int back = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            if (back >= newestFirst.size()) {
                throw new IllegalArgumentException(ref + ": only " + newestFirst.size() + " run" + (newestFirst.size() == 1 ? " is" : "s are") + " recorded");
            }
            return newestFirst.get(back);
        }
        List<Run> matches = newestFirst.stream().filter(r -> r.id().equals(ref)).toList();
        if (matches.isEmpty()) matches = newestFirst.stream().filter(r -> r.id().startsWith(ref)).toList();
        if (matches.size() == 1) return matches.get(0);
        if (matches.isEmpty()) throw new IllegalArgumentException("no run " + ref + " (`wkforge runs` lists them)");
        throw new IllegalArgumentException(ref + " matches " + matches.size() + " runs (" + String.join(", ",
                matches.stream().limit(4).map(Run::id).toList()) + (matches.size() > 4 ? ", ..." : "") + "); give more of the id");
    }
}
