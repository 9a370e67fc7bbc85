package io.wkforge.plan;

import io.wkforge.lang.check.VideoGlobs;
import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.Schema;
import io.wkforge.lang.schema.StageId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compiles an effective recipe into tasks and decides, for each, whether it must run and why.
 * A task's key covers exactly: the settings its stage reads (from the schema), the class table
 * when its stage reads it, its input files' contents, the committed outputs of the stages it
 * reads, and the tool version.
 */
public final class Planner {
    /** Marks a component that is known only after an upstream task has run. */
    public static final String PENDING = "(pending)";

    /** Which earlier stages' outputs each stage reads. */
    public static List<StageId> upstreamOf(StageId stage) {
        return switch (stage) {
            case FRAMES -> List.of();
            case CLEAN -> List.of(StageId.FRAMES);
            case SPLIT -> List.of(StageId.FRAMES, StageId.CLEAN);
            case TRAIN -> List.of(StageId.SPLIT);
            case EXPORT -> List.of(StageId.TRAIN);
            case VERIFY -> List.of(StageId.TRAIN, StageId.EXPORT, StageId.SPLIT);
            case QUANTIZE -> List.of(StageId.EXPORT, StageId.SPLIT);
            case WK -> List.of(StageId.EXPORT, StageId.QUANTIZE);
            case DEPLOY -> List.of(StageId.WK);
            case REPORT -> List.of(StageId.CLEAN, StageId.SPLIT, StageId.TRAIN, StageId.VERIFY, StageId.QUANTIZE, StageId.WK);
        };
    }

    /**
     * The upstream stages whose outputs a stage cannot do without: when one of them is skipped
     * (its tool is not installed), so is the stage. Other upstream stages are read when present.
     */
    public static List<StageId> requiredUpstreamOf(StageId stage) {
        return stage == StageId.REPORT ? List.of() : upstreamOf(stage);
    }

    private final EffectiveRecipe recipe;
    private final PreviousRuns previous;
    private final String toolVersion;
    private final Set<StageId> forced;
    private final Map<StageId, String> unavailable = new EnumMap<>(StageId.class);

    public Planner(EffectiveRecipe recipe, PreviousRuns previous, String toolVersion, Set<StageId> forced) {
        this.recipe = recipe;
        this.previous = previous;
        this.toolVersion = toolVersion;
        this.forced = forced;
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

    /** The tasks of a stage. */
    public List<TaskSpec> tasksOf(StageId stage) {
        Map<String, String> settings = recipe.settingsReadBy(stage);
        if (stage != StageId.FRAMES) {
            return List.of(new TaskSpec(stage, stage.id(), settings, Map.of(), upstreamOf(stage), null, null, null));
        }
        List<TaskSpec> tasks = new ArrayList<>();
        for (ClassDef c : recipe.classes()) {
            Set<String> stems = new HashSet<>();
            for (Path video : VideoGlobs.videosOf(c, recipe.dir())) {
                String stem = uniqueStem(video, stems);
                String id = "frames/" + c.folderName() + "/" + stem;
                tasks.add(new TaskSpec(stage, id, settings, Map.of("video", video), List.of(), c, video, stem));
            }
        }
        return tasks;
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
        c.put("tool version", toolVersion);
        t.settings().forEach((k, v) -> c.put(k, v));
        if (t.isPerVideo()) {
            c.put("class", t.classDef().folderName());
        } else if (Schema.CLASSES_READ_BY.contains(t.stage())) {
            c.put("classes", recipe.classTableText());
        }
        t.inputs().forEach((label, path) -> c.put("input " + label, previous.hashOf(path)));
        for (StageId up : t.upstream()) {
            c.put("output of " + up.id(), upstreamHashes.getOrDefault(up, PENDING));
        }
        return c;
    }

    private TaskPlan decide(TaskSpec t, Map<StageId, List<TaskPlan>> decided) {
        Map<StageId, String> upstreamHashes = new EnumMap<>(StageId.class);
        List<String> rerunningUpstream = new ArrayList<>();
        for (StageId up : t.upstream()) {
            List<TaskPlan> ups = decided.get(up);
            if (ups.stream().anyMatch(TaskPlan::willRun)) {
                rerunningUpstream.add(up.id());
            } else {
                upstreamHashes.put(up, committedOutputHash(up));
            }
        }
        List<String> reasons = new ArrayList<>();
        if (forced.contains(t.stage())) reasons.add("forced with --force " + t.stage().id());
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

    /** One hash over the committed outputs of all current tasks of a stage (from their stamps). */
    public String committedOutputHash(StageId stage) {
        StringBuilder sb = new StringBuilder();
        for (TaskSpec t : tasksOf(stage)) {
            Stamp s = previous.stamp(t.id());
            sb.append(t.id()).append('=').append(s == null ? "none" : s.outputHash()).append('\n');
        }
        return Hashing.of(sb.toString());
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
        if (k.equals("classes")) return "class table changed";
        return k + ": " + show(a) + " -> " + show(b);
    }

    private static String show(String v) {
        if (v.isEmpty()) return "(unset)";
        return v.length() > 60 ? v.substring(0, 57) + "..." : v;
    }
}
