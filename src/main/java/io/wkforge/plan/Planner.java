package io.wkforge.plan;

import io.wkforge.lang.check.VideoGlobs;
import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.model.Setting;
import io.wkforge.lang.schema.Schema;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.schema.StageId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Compiles an effective recipe into tasks and decides, for each, whether it must run and why.
 * A task's key covers exactly: the settings its stage reads (from the schema; a setting that
 * names a file by the file's content), the class table when its stage reads it, its input files'
 * contents, the committed upstream outputs it reads ({@link StageReads}), and what computes the
 * stage ({@link StageTools}).
 */
public final class Planner {
    /** Marks a component that is known only after an upstream task has run. */
    public static final String PENDING = "(pending)";

    /** Which earlier stages' outputs each stage reads (the rows of {@link StageReads}). */
    public static List<StageId> upstreamOf(StageId stage) {
        return StageReads.upstreamOf(stage);
    }

    /**
     * The upstream stages whose outputs a stage cannot do without: when one of them is skipped
     * (its tool is not installed), so is the stage. Other upstream stages are read when present.
     */
    public static List<StageId> requiredUpstreamOf(StageId stage) {
        return stage == StageId.REPORT ? List.of() : upstreamOf(stage);
    }

    /**
     * Stages that run in every run that reaches them, whatever their key says: {@code report}
     * describes the run it is part of (what ran, what came from the cache, how long it took).
     */
    public static boolean runsEveryRun(StageId stage) {
        return stage == StageId.REPORT;
    }

    private final EffectiveRecipe recipe;
    private final PreviousRuns previous;
    private final StageTools tools;
    private final Set<StageId> forced;
    private final Map<StageId, String> unavailable = new EnumMap<>(StageId.class);
    private final Map<StageId, List<TaskSpec>> tasks = new EnumMap<>(StageId.class);

    public Planner(EffectiveRecipe recipe, PreviousRuns previous, StageTools tools, Set<StageId> forced) {
        this.recipe = recipe;
        this.previous = previous;
        this.tools = tools;
        this.forced = forced;
    }

    /** With one fixed tool version for every stage (tests). */
    public Planner(EffectiveRecipe recipe, PreviousRuns previous, String toolVersion, Set<StageId> forced) {
        this(recipe, previous, StageTools.fixed(toolVersion), forced);
    }

    /** Stages that cannot run on this machine, with the reason (from the stage registry). */
    public Planner withUnavailable(Map<StageId, String> reasons) {
        unavailable.putAll(reasons);
        return this;
    }

    /**
     * Why a stage is skipped: it is unavailable itself, or a stage whose outputs it requires is
     * skipped. Null when it can run.
     */
    public String skipReason(StageId stage) {
        String own = unavailable.get(stage);
        if (own != null) return own;
        for (StageId up : requiredUpstreamOf(stage)) {
            String why = skipReason(up);
            if (why != null) {
                // the reason of the stage that cannot run, so the user sees what to install
                return "needs the outputs of `" + up.id() + "`, which is skipped" + (unavailable.containsKey(up) ? ": " + why : "");
            }
        }
        return null;
    }

    public Plan plan(Layout layout) {
        Map<StageId, List<TaskPlan>> out = new EnumMap<>(StageId.class);
        for (StageId stage : StageId.values()) {
            List<TaskPlan> plans = new ArrayList<>();
            String skip = skipReason(stage);
            for (TaskSpec t : tasksOf(stage)) {
                plans.add(skip != null ? TaskPlan.skipped(t, skip) : decide(t, out));
            }
            out.put(stage, plans);
        }
        return new Plan(layout, out);
    }

    /** The tasks of a stage (worked out once: video globs are expanded on disk). */
    public List<TaskSpec> tasksOf(StageId stage) {
        synchronized (tasks) {
            return tasks.computeIfAbsent(stage, this::makeTasks);
        }
    }

    private List<TaskSpec> makeTasks(StageId stage) {
        Map<String, String> settings = recipe.settingsReadBy(stage);
        // files keyed by content: those settings name, and programs outside wkforge that the stage runs
        Map<String, Path> files = settingFilesReadBy(stage);
        tools.programsOf(stage, recipe).forEach((name, program) -> files.put("program " + name, program));
        if (stage != StageId.FRAMES) {
            return List.of(new TaskSpec(stage, stage.id(), settings, files, upstreamOf(stage), null, null, null));
        }
        List<TaskSpec> out = new ArrayList<>();
        for (ClassDef c : recipe.classes()) {
            Set<String> stems = new HashSet<>();
            for (Path video : VideoGlobs.videosOf(c, recipe.dir())) {
                String stem = uniqueStem(video, stems);
                String id = "frames/" + c.folderName() + "/" + stem;
                Map<String, Path> inputs = new TreeMap<>(files);
                inputs.put("video", video);
                out.add(new TaskSpec(stage, id, settings, inputs, List.of(), c, video, stem));
            }
        }
        return List.copyOf(out);
    }

    /** Settings a stage reads that name a file (train.pretrained, say): keyed by the file's content. */
    private Map<String, Path> settingFilesReadBy(StageId stage) {
        Map<String, Path> out = new TreeMap<>();
        for (String name : recipe.settingsReadBy(stage).keySet()) {
            Setting s = recipe.setting(name);
            if (!s.spec().inputFile() || !s.isSet()) continue;
            List<Path> paths = s.asPaths(recipe.dir());
            if (!paths.isEmpty()) out.put(name, paths.get(0));
        }
        return out;
    }

    private static boolean namesInputFile(String settingName) {
        SettingSpec spec = Schema.setting(settingName);
        return spec != null && spec.inputFile();
    }

    /** The file name without extension, made unique within a class (two folders may hold clip.mp4). */
    private static String uniqueStem(Path video, Set<String> taken) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_.-]", "_");
        String candidate = stem;
        for (int n = 2; !taken.add(candidate); n++) candidate = stem + "-" + n;
        return candidate;
    }

    /** The components of a task's key, with upstream outputs as recorded in the given stamps. */
    public Map<String, String> components(TaskSpec t, Map<StageId, String> upstreamHashes) {
        Map<String, String> c = new TreeMap<>();
        tools.componentsOf(t.stage()).forEach(c::put);
        t.settings().forEach((k, v) -> {
            if (!namesInputFile(k)) c.put(k, v); // the file's content is keyed below, as an input
        });
        if (t.isPerVideo()) {
            c.put("class", t.classDef().folderName());
        } else if (Schema.CLASSES_READ_BY.contains(t.stage())) {
            c.put("classes", recipe.classTableText());
        }
        if (Schema.RECIPE_NAME_READ_BY.contains(t.stage())) c.put("recipe name", recipe.stem());
        t.inputs().forEach((label, path) -> c.put("input " + label, inputHash(t, label, path)));
        for (StageId up : t.upstream()) {
            c.put("output of " + up.id(), upstreamHashes.getOrDefault(up, PENDING));
        }
        return c;
    }

    /**
     * The content hash of an input. A setting's file that is missing is keyed as missing (the
     * stage reports it if it needs the file); a video that vanished since the recipe was checked
     * fails its task when the key is worked out.
     */
    private String inputHash(TaskSpec t, String label, Path path) {
        if (!label.equals("video") && !Files.isRegularFile(path)) return "missing: " + path;
        return previous.hashOf(path);
    }

    private TaskPlan decide(TaskSpec t, Map<StageId, List<TaskPlan>> decided) {
        Map<StageId, String> upstreamHashes = new EnumMap<>(StageId.class);
        List<String> rerunningUpstream = new ArrayList<>();
        for (StageId up : t.upstream()) {
            List<TaskPlan> ups = decided.get(up);
            if (ups.stream().anyMatch(TaskPlan::willRun)) {
                rerunningUpstream.add(up.id());
            } else {
                upstreamHashes.put(up, readHash(t.stage(), up));
            }
        }
        List<String> reasons = new ArrayList<>();
        if (forced.contains(t.stage())) reasons.add("forced with --force " + t.stage().id());
        if (runsEveryRun(t.stage())) return new TaskPlan(t, true, List.of("always: it reports on this run"));
        Stamp stamp = previous.stamp(t.id());
        if (stamp == null) {
            // the key is not needed to decide, and hashing a new video can wait until it is extracted
            reasons.add("no previous run");
        } else {
            reasons.addAll(differences(stamp.components(), components(t, upstreamHashes)));
            if (reasons.isEmpty() && !previous.outputsIntact(stamp)) reasons.add("outputs missing or changed on disk");
        }
        if (!rerunningUpstream.isEmpty() && (stamp != null && reasons.isEmpty())) {
            reasons.add("waits for " + String.join(", ", rerunningUpstream) + " (re-checked after it runs)");
        }
        return new TaskPlan(t, !reasons.isEmpty(), reasons);
    }

    /**
     * One hash over the committed outputs of {@code upstream} that {@code reader} declares it reads
     * (from the upstream tasks' stamps); an upstream task without a stamp counts by its id.
     */
    public String readHash(StageId reader, StageId upstream) {
        StringBuilder sb = new StringBuilder();
        for (TaskSpec t : tasksOf(upstream)) {
            if (previous.stamp(t.id()) == null) sb.append(t.id()).append(" none\n");
        }
        declaredOutputs(reader, upstream).forEach((rel, sizeAndHash) -> sb.append(rel).append('=').append(sizeAndHash).append('\n'));
        return Hashing.of(sb.toString());
    }

    /**
     * The committed outputs of {@code upstream} that {@code reader} declares it reads, as relative
     * path -> "size:sha256", sorted. Empty when {@code reader} does not read {@code upstream}.
     */
    public SortedMap<String, String> declaredOutputs(StageId reader, StageId upstream) {
        StageReads.Read read = StageReads.of(reader).get(upstream);
        SortedMap<String, String> out = new TreeMap<>();
        if (read == null) return out;
        Set<String> listed = read instanceof StageReads.ListedIn l ? listedIn(l) : null;
        for (TaskSpec t : tasksOf(upstream)) {
            Stamp s = previous.stamp(t.id());
            if (s == null) continue;
            s.outputs().forEach((rel, sizeAndHash) -> {
                boolean declared = listed != null ? listed.contains(rel) : ((StageReads.Matching) read).matches(rel);
                if (declared) out.put(rel, sizeAndHash);
            });
        }
        return out;
    }

    /** The paths a committed list names (empty when its stage has not committed it). */
    private Set<String> listedIn(StageReads.ListedIn list) {
        Set<String> out = new HashSet<>();
        boolean committed = tasksOf(list.listOwner()).stream().map(t -> previous.stamp(t.id()))
                .anyMatch(s -> s != null && s.outputs().containsKey(list.listFile()));
        if (!committed) return out;
        try {
            for (String line : Files.readAllLines(previous.outDir().resolve(list.listFile()), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) out.add(line.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Reasons in the form {@code frames.fps: 1 -> 2}, one per changed component. */
    static List<String> differences(Map<String, String> old, Map<String, String> now) {
        List<String> out = new ArrayList<>();
        Map<String, String> all = new LinkedHashMap<>();
        now.keySet().forEach(k -> all.put(k, ""));
        old.keySet().forEach(k -> all.put(k, ""));
        for (String k : all.keySet()) {
            String a = old.get(k);
            String b = now.get(k);
            if (b != null && b.equals(a)) continue;
            if (PENDING.equals(b)) continue; // reported as "waits for"
            out.add(describeChange(k, a, b));
        }
        return out;
    }

    private static String describeChange(String k, String a, String b) {
        if (a == null) return k + " is new";
        if (b == null) return k + " no longer applies";
        if (k.startsWith("input ") || k.startsWith("output of ")) return k + " changed";
        if (k.equals("tool code")) return "the stage's code changed (a new wkforge build)";
        if (k.equals("classes")) return "class table changed";
        return k + ": " + show(a) + " -> " + show(b);
    }

    private static String show(String v) {
        if (v.isEmpty()) return "(unset)";
        return v.length() > 60 ? v.substring(0, 57) + "..." : v;
    }
}
