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
    private final Instant startedAt;
    private final List<RunSoFar.SettingUse> settingUses;
    private final List<RunSoFar.SourceText> sources;
    private final java.util.concurrent.CompletableFuture<Map<String, Object>> git;
    /** The outcome of each task so far, for {@link #soFar()}. */
    private final List<RunSoFar.TaskOutcome> outcomes = new ArrayList<>();

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
        data.put("recipe_sha256", RunFacts.sha256(recipe.file()));
        data.put("git", null); // filled in when git has answered (see save)
        data.put("arguments", new ArrayList<>(args));
        data.put("overrides", RunFacts.overrides(args));
        this.startedAt = Instant.now();
        data.put("started_at", startedAt.toString());
        Map<String, Object> tools = new LinkedHashMap<>();
        tools.put("wkforge", toolVersion);
        tools.put("java", System.getProperty("java.version"));
        tools.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        data.put("tools", tools);
        data.put("params", new LinkedHashMap<>(recipe.params()));
        // every effective setting, unset ones as null: two runs' settings compare name by name
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Map.Entry<String, Setting> e : recipe.settings().entrySet()) {
            settings.put(e.getKey(), e.getValue().isSet() ? e.getValue().text() : null);
        }
        data.put("settings", settings);
        data.put("classes", recipe.classTableText());
        data.put("tasks", tasks);
        data.put("warnings", warnings);
        data.put("metrics", new LinkedHashMap<>());
        this.settingUses = RunFacts.settings(recipe);
        this.sources = RunFacts.sources(recipe);
        this.git = RunFacts.git(recipe.dir());
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
        outcomes.add(new RunSoFar.TaskOutcome(taskId, stageOf(taskId), status, millis, reason, null, 0));
    }

    /**
     * A task that came from the cache: its key, and when and how fast the run that computed its
     * outputs finished it (from its stamp), so the report can say what the cache saved.
     */
    public synchronized void cached(String taskId, String key, String computedAt, long computedMillis) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", taskId);
        t.put("status", "cached");
        t.put("key", key);
        t.put("duration_ms", 0L);
        t.put("computed_at", computedAt);
        t.put("computed_ms", computedMillis);
        tasks.add(t);
        outcomes.add(new RunSoFar.TaskOutcome(taskId, stageOf(taskId), "cached", 0, null, computedAt, computedMillis));
    }

    /** What computes a stage's outputs (its code digest, libraries, algorithm version), under {@code tools.stages}. */
    @SuppressWarnings("unchecked")
    public synchronized void stageTools(io.wkforge.lang.schema.StageId stage, Map<String, String> components) {
        Map<String, Object> tools = (Map<String, Object>) data.get("tools");
        Map<String, Object> stages = (Map<String, Object>) tools.computeIfAbsent("stages", k -> new LinkedHashMap<>());
        Map<String, Object> c = new LinkedHashMap<>();
        components.forEach((k, v) -> c.put(k.startsWith("tool ") ? k.substring("tool ".length()) : k, v));
        stages.put(stage.id(), c);
    }

    /** The key metrics read from the stages' outputs at the end of the run (val top-1, ...). */
    public synchronized void metrics(Map<String, Object> metrics) {
        data.put("metrics", new LinkedHashMap<>(metrics));
    }

    /** What the run has done so far, for a stage that reports on it. */
    public synchronized RunSoFar soFar() {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (String k : List.of("recipe", "recipe_sha256", "arguments", "overrides", "tools")) facts.put(k, data.get(k));
        facts.put("git", gitFacts(true));
        return new RunSoFar(id, startedAt.toString(), facts, settingUses, sources, List.copyOf(outcomes));
    }

    private static io.wkforge.lang.schema.StageId stageOf(String taskId) {
        int slash = taskId.indexOf('/');
        return io.wkforge.lang.schema.StageId.parse(slash < 0 ? taskId : taskId.substring(0, slash));
    }

    /** Git's answer, waiting for it a little when {@code wait} (git normally answers in milliseconds). */
    private Map<String, Object> gitFacts(boolean wait) {
        try {
            return wait ? git.get(5, java.util.concurrent.TimeUnit.SECONDS) : git.getNow(null);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public synchronized void warning(String taskId, String message) {
        warnings.add(taskId + ": " + message);
    }

    /** Why the run failed, beyond its failed tasks (a stage's verdict on its tasks' problems). */
    public synchronized void failure(String message) {
        failures.add(message);
        data.put("failures", failures);
        // "frames: 2 videos cannot be decoded ...": the report shows it as that stage's failure
        int colon = message.indexOf(": ");
        io.wkforge.lang.schema.StageId stage = colon < 0 ? null : io.wkforge.lang.schema.StageId.parse(message.substring(0, colon));
        if (stage != null) {
            outcomes.add(new RunSoFar.TaskOutcome(stage.id(), stage, "failed", 0, message.substring(colon + 2).lines().findFirst().orElse(""),
                    null, 0));
        }
    }

    public synchronized void finish(String status, int exitCode) {
        Instant now = Instant.now();
        data.put("status", status);
        data.put("exit_code", exitCode);
        data.put("finished_at", now.toString());
        data.put("duration_ms", java.time.Duration.between(startedAt, now).toMillis());
    }

    public synchronized void save() {
        // the first saves do not wait for git; the one at the end does (briefly)
        if (data.get("git") == null) data.put("git", gitFacts(data.containsKey("finished_at")));
        try {
            Yaml.write(file, data);
        } catch (IOException ignored) {
            // the record is informative; a full disk shows up elsewhere
        }
    }
}
