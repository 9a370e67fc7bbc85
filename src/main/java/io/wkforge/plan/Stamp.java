package io.wkforge.plan;

import java.util.List;
import java.util.Map;

/**
 * The record of a finished task: its key, the components the key was made of (so a later plan
 * can say which one changed), and the files it produced (so stale outputs can be detected and
 * removed). A task without a stamp has not finished, whatever files exist.
 *
 * @param outputs  relative path (under the out dir) -> "size:sha256"
 * @param problems what the task reported about its input ({@code TaskContext.problem}), judged on every run
 */
public record Stamp(String taskId, String key, Map<String, String> components, Map<String, String> outputs,
                    String outputHash, String finishedAt, long durationMs, List<String> problems) {
    public Stamp {
        problems = List.copyOf(problems);
    }

    /** A stamp whose task reported no problem. */
    public Stamp(String taskId, String key, Map<String, String> components, Map<String, String> outputs,
                 String outputHash, String finishedAt, long durationMs) {
        this(taskId, key, components, outputs, outputHash, finishedAt, durationMs, List.of());
    }
}
