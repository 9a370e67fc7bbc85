package io.wkforge.stages.report;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.schema.Schema;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.schema.StageId;
import io.wkforge.run.RunSoFar;
import java.util.List;
import java.util.Map;

/** The recipe as it ran: where it is, its git state, every effective setting and where each came from. */
final class RecipeSection implements Section {
    @Override
    public String id() {
        return "recipe";
    }

    @Override
    public String title() {
        return "Recipe and settings";
    }

    @Override
    public List<StageId> stages() {
        return List.of();
    }

    @Override
    public void write(Html h, ReportInputs in, Map<String, Object> charts) {
        Map<String, Object> facts = in.run().facts();
        h.raw("<table class=\"facts\">\n");
        fact(h, "recipe", facts.get("recipe"));
        Object sha = facts.get("recipe_sha256");
        if (sha != null) fact(h, "content (sha256)", String.valueOf(sha).substring(0, Math.min(16, String.valueOf(sha).length())));
        if (facts.get("git") instanceof Map<?, ?> git) {
            Object commit = git.get("commit");
            fact(h, "git", commit == null ? "not in a git repository"
                    : commit + (Boolean.TRUE.equals(git.get("dirty")) ? " with uncommitted changes" : " (clean)"));
        }
        if (facts.get("overrides") instanceof List<?> sets && !sets.isEmpty()) fact(h, "--set", String.join("  ", sets.stream().map(String::valueOf).toList()));
        if (facts.get("arguments") instanceof List<?> args) fact(h, "command", "wkforge " + String.join(" ", args.stream().map(String::valueOf).toList()));
        if (facts.get("tools") instanceof Map<?, ?> tools) {
            StringBuilder sb = new StringBuilder();
            tools.forEach((k, v) -> {
                if (v instanceof Map<?, ?>) return; // per-stage digests: the run record has them
                if (sb.length() > 0) sb.append(" · ");
                sb.append(k).append(' ').append(v);
            });
            fact(h, "tools", sb.toString());
        }
        h.raw("</table>\n");

        h.el("h3", "Classes");
        h.raw("<table class=\"grid\"><thead><tr><th>id</th><th>folder</th><th>videos</th></tr></thead><tbody>\n");
        for (ClassDef c : in.classes()) {
            h.row(String.valueOf(c.id()), c.folderName() + (c.background() ? "  (background)" : ""), String.join("  ", c.videoPatterns()));
        }
        h.raw("</tbody></table>\n");

        h.el("h3", "Effective settings");
        if (in.run().settings().isEmpty()) {
            h.raw("<p class=\"empty\">Not recorded: this page was not written by a run.</p>\n");
            return;
        }
        h.raw("<p class=\"note\">Every value the run used and where it was written (<code>wkforge render</code> prints the "
                + "same as a recipe).</p>\n");
        List<RunSoFar.SettingUse> chosen = in.run().settings().stream().filter(x -> x.value() != null && !x.origin().equals("default")).toList();
        List<RunSoFar.SettingUse> defaults = in.run().settings().stream().filter(x -> !chosen.contains(x)).toList();
        h.raw("<details><summary>").text(chosen.size() + " settings from the recipe, its imports or --set").raw("</summary>\n");
        settingsTable(h, chosen);
        h.raw("</details>\n<details><summary>").text(defaults.size() + " settings left at their defaults (or unset)").raw("</summary>\n");
        settingsTable(h, defaults);
        h.raw("</details>\n");
        for (RunSoFar.SourceText src : in.run().sources()) {
            h.raw("<details><summary>").text("the text of " + src.name()).raw("</summary><pre class=\"source\">").text(src.text()).raw("</pre></details>\n");
        }
    }

    /** The settings grouped by block: name (its doc line on hover), value, origin. */
    private static void settingsTable(Html h, List<RunSoFar.SettingUse> settings) {
        h.raw("<table class=\"grid settings\"><thead><tr><th>setting</th><th>value</th><th>from</th></tr></thead><tbody>\n");
        String block = null;
        for (RunSoFar.SettingUse s : settings) {
            int dot = s.name().indexOf('.');
            String b = s.name().substring(0, dot);
            if (!b.equals(block)) {
                block = b;
                h.raw("<tr class=\"block\"><td colspan=\"3\">").text(block).raw("</td></tr>\n");
            }
            SettingSpec spec = Schema.setting(s.name());
            String cls = s.value() == null ? "unset" : s.origin().equals("default") ? "default" : "set";
            h.raw("<tr class=\"" + cls + "\"><td ").raw(Html.attr("title", spec == null ? "" : spec.doc())).raw(">")
                    .text(s.name().substring(dot + 1)).raw("</td><td>").text(s.value() == null ? "unset" : s.value())
                    .raw("</td><td>").text(s.origin()).raw("</td></tr>\n");
        }
        h.raw("</tbody></table>\n");
    }

    private static void fact(Html h, String name, Object value) {
        if (value == null) return;
        h.raw("<tr><th>").text(name).raw("</th><td>").text(String.valueOf(value)).raw("</td></tr>\n");
    }
}
