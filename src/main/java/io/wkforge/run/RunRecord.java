package io.wkforge.run;

import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.model.Setting;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code .wkforge/runs/<id>/run.yaml}: what a run was asked, what it did, and how long it took.
 * Written when the run starts (status {@code running}) and rewritten at the end, so a killed run
 * leaves a record that says so.
 */
public final class RunRecord {
    private static final java.util.concurrent.atomic.AtomicInteger RUNS_IN_THIS_PROCESS = new java.util.concurrent.atomic.AtomicInteger();
    private final Path file;
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final List<Object> tasks = new ArrayList<>();
    private final List<Object> warnings = new ArrayList<>();
    private final List<Object> failures = new ArrayList<>();
    private final String id;
    private final List<String> args;

    public RunRecord(Path runsDir, EffectiveRecipe recipe, String toolVersion, List<String> args) {
        int n = RUNS_IN_THIS_PROCESS.incrementAndGet();
        String id = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + ProcessHandle.current().pid() + (n > 1 ? "-" + n : "");
        this.id = id;
        this.args = List.copyOf(args);
        this.file = runsDir.resolve(id).resolve("run.yaml");
        data.put("id", id);
        data.put("status", "running");
        data.put("recipe", recipe.file() == null ? null : recipe.file().toAbsolutePath().toString());
        data.put("arguments", new ArrayList<>(args));
        data.put("started_at", Instant.now().toString());
        Map<String, Object> tools = new LinkedHashMap<>();
        tools.put("wkforge", toolVersion);
        tools.put("java", System.getProperty("java.version"));
        tools.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        data.put("tools", tools);
        data.put("params", new LinkedHashMap<>(recipe.params()));
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Map.Entry<String, Setting> e : recipe.settings().entrySet()) {
            if (e.getValue().isSet()) settings.put(e.getKey(), e.getValue().text());
        }
        data.put("settings", settings);
        data.put("classes", recipe.classTableText());
        data.put("tasks", tasks);
        data.put("warnings", warnings);
    }

    /**
     * Loads and initialises the YAML writer on a daemon thread (about 150 ms the first time in a
     * process), so that the first record write does not hold up the first task.
     */
    public static void warmUpInBackground() {
        Thread t = new Thread(() -> Yaml.create().dump(Map.of("warm", "up")), "wkforge-yaml-warm-up");
        t.setDaemon(true);
        t.start();
    }

    public Path file() {
        return file;
    }

    /** Unique per run: {@code yyyyMMdd-HHmmss-<pid>}. */
    public String id() {
        return id;
    }

    /** The command line as the user typed it (for the lock's holder line). */
    public String command() {
        return ("wkforge " + String.join(" ", args)).strip();
    }

    public synchronized void task(String taskId, String status, String key, long millis, String reason) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", taskId);
        t.put("status", status);
        t.put("key", key);
        t.put("duration_ms", millis);
        if (reason != null) t.put("reason", reason);
        tasks.add(t);
    }

    public synchronized void warning(String taskId, String message) {
        warnings.add(taskId + ": " + message);
    }

    /** Why the run failed, beyond its failed tasks (a stage's verdict on its tasks' problems). */
    public synchronized void failure(String message) {
        failures.add(message);
        data.put("failures", failures);
    }

    public synchronized void finish(String status, int exitCode) {
        data.put("status", status);
        data.put("exit_code", exitCode);
        data.put("finished_at", Instant.now().toString());
    }

    public synchronized void save() {
        try {
            Yaml.write(file, data);
        } catch (IOException ignored) {
            // the record is informative; a full disk shows up elsewhere
        }
    }
}
