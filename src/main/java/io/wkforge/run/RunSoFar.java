package io.wkforge.run;

import io.wkforge.lang.schema.StageId;
import java.util.List;
import java.util.Map;

/**
 * What the run in progress has done so far, for a stage that reports on the run it is part of
 * ({@code report}): the facts its record holds (recipe, git, tools, overrides), the effective
 * settings and where each came from, the recipe files it was read from, and each task's outcome.
 * A stage that reads this must run in every run: none of it is part of a key.
 *
 * @param facts the run record's top-level facts by name (recipe, recipe_sha256, git, overrides, tools, ...)
 */
public record RunSoFar(String id, String startedAt, Map<String, Object> facts, List<SettingUse> settings,
                       List<SourceText> sources, List<TaskOutcome> tasks) {

    /** One effective setting: its value as recipe text (null when unset) and where it came from. */
    public record SettingUse(String name, String value, String origin) {}

    /** A recipe file the run read (the recipe first, then its imports): its name as shown in diagnostics, and its text. */
    public record SourceText(String name, String text) {}

    /**
     * One task of this run.
     *
     * @param status        {@code ran}, {@code cached}, {@code skipped} or {@code failed}
     * @param millis        how long it ran in this run (0 when cached or skipped)
     * @param reason        why it was skipped or failed, else null
     * @param lastRanAt     for a cached task: when the run that computed its outputs finished it (ISO-8601), else null
     * @param lastRanMillis for a cached task: how long it took then
     */
    public record TaskOutcome(String taskId, StageId stage, String status, long millis, String reason,
                              String lastRanAt, long lastRanMillis) {}

    /** For a context that belongs to no recorded run (tests of a single stage). */
    public static final RunSoFar NONE = new RunSoFar(null, null, Map.of(), List.of(), List.of(), List.of());
}
