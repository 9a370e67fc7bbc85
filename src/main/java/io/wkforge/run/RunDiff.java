package io.wkforge.run;

import io.wkforge.lang.schema.StageId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How two runs differ, the way a commit diff reads: the recipe, the git state, the settings
 * and params that differ, the metric deltas, and the stages whose key changed (so whose outputs
 * differ for a reason the settings show).
 */
public record RunDiff(RunHistory.Run a, RunHistory.Run b, List<Change> settings, List<Change> params,
                      List<MetricChange> metrics, List<String> stagesWithNewKeys) {

    /** A setting or param whose value differs ("" means unset or absent). */
    public record Change(String name, String a, String b) {}

    /** A metric in both runs, or in one of them (the other null). */
    public record MetricChange(String name, Object a, Object b) {
        /** b - a for numbers in both runs, else null. */
        public Double delta() {
            return a instanceof Number x && b instanceof Number y ? y.doubleValue() - x.doubleValue() : null;
        }
    }

    public static RunDiff of(RunHistory.Run a, RunHistory.Run b) {
        return new RunDiff(a, b, changes(a.settings(), b.settings()), changes(a.params(), b.params()), metrics(a, b), stageKeys(a, b));
    }

    public boolean sameRecipeText() {
        return a.recipeSha256() != null && a.recipeSha256().equals(b.recipeSha256());
    }

    private static List<Change> changes(Map<String, String> a, Map<String, String> b) {
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        List<Change> out = new ArrayList<>();
        for (String n : names) {
            String x = a.getOrDefault(n, "");
            String y = b.getOrDefault(n, "");
            if (!x.equals(y)) out.add(new Change(n, x, y));
        }
        return out;
    }

    private static List<MetricChange> metrics(RunHistory.Run a, RunHistory.Run b) {
        Map<String, Object> ma = a.metrics();
        Map<String, Object> mb = b.metrics();
        Set<String> names = new LinkedHashSet<>(ma.keySet());
        names.addAll(mb.keySet());
        List<MetricChange> out = new ArrayList<>();
        for (String n : names) out.add(new MetricChange(n, ma.get(n), mb.get(n)));
        return out;
    }

    /** Stages (in pipeline order) with a task whose key differs or exists in one run only. */
    private static List<String> stageKeys(RunHistory.Run a, RunHistory.Run b) {
        Map<String, String> ka = a.taskKeys();
        Map<String, String> kb = b.taskKeys();
        Set<String> tasks = new LinkedHashSet<>(ka.keySet());
        tasks.addAll(kb.keySet());
        Map<StageId, Boolean> changed = new LinkedHashMap<>();
        for (String t : tasks) {
            if (java.util.Objects.equals(ka.get(t), kb.get(t))) continue;
            StageId s = StageId.parse(t.contains("/") ? t.substring(0, t.indexOf('/')) : t);
            if (s != null) changed.put(s, true);
        }
        List<String> out = new ArrayList<>();
        for (StageId s : StageId.values()) if (changed.containsKey(s)) out.add(s.id());
        return out;
    }
}
