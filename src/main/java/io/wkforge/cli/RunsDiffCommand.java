package io.wkforge.cli;

import io.wkforge.run.RunDiff;
import io.wkforge.run.RunHistory;
import io.wkforge.util.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", description = "Compare two runs: the recipe and git state, the settings and params that differ, "
        + "the metric deltas (B minus A) and the stages whose cache key changed.")
final class RunsDiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "A run id (or its unique start), latest, or latest~N.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "The run to compare A with (default: latest).", arity = "0..1")
    String b;

    @Parameters(index = "2", paramLabel = "RECIPE", arity = "0..1", description = "Look only among this recipe's runs.")
    Path recipe;

    @Option(names = "--out", paramLabel = "DIR", description = "The recipe's output folder, if it was run with --out.")
    Path out;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (recipe == null && b != null && java.nio.file.Files.isRegularFile(Path.of(b))) {
            recipe = Path.of(b); // `runs diff A RECIPE`: B left out
            b = null;
        }
        RunFolders.Found found = RunFolders.find(recipe, out);
        List<RunHistory.Run> all = RunFolders.all(found);
        String refB = b != null ? b : "latest";
        if ((a.startsWith("latest") || refB.startsWith("latest")) && recipe == null
                && found.groups().stream().filter(g -> !g.runs().isEmpty()).count() > 1) {
            throw new UserError("`latest` is ambiguous here: runs of " + found.groups().size()
                    + " recipes were found; name the recipe (wkforge runs diff A B RECIPE) or give run ids");
        }
        RunHistory.Run ra;
        RunHistory.Run rb;
        try {
            ra = RunHistory.resolve(all, a);
            rb = RunHistory.resolve(all, refB);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        RunDiff d = RunDiff.of(ra, rb);
        PrintWriter o = spec.commandLine().getOut();
        if (json) o.println(Json.write(json(d)));
        else print(d, o);
        return ExitCodes.OK;
    }

    private static void print(RunDiff d, PrintWriter o) {
        o.println("A " + d.a().id() + "  " + RunsCommand.when(d.a().startedAt()) + "  " + d.a().status());
        o.println("B " + d.b().id() + "  " + RunsCommand.when(d.b().startedAt()) + "  " + d.b().status());
        if (d.a().recipe() != null && !d.a().recipe().equals(d.b().recipe())) {
            o.println("recipe: " + d.a().recipe() + " -> " + d.b().recipe());
        }
        o.println("recipe text: " + (d.a().recipeSha256() == null || d.b().recipeSha256() == null ? "not recorded"
                : d.sameRecipeText() ? "the same" : "edited (" + shortSha(d.a().recipeSha256()) + " -> " + shortSha(d.b().recipeSha256()) + ")"));
        o.println("git: " + git(d.a()) + (git(d.a()).equals(git(d.b())) ? " (both)" : " -> " + git(d.b())));
        if (!d.a().overrides().equals(d.b().overrides())) {
            o.println("--set: " + show(d.a().overrides()) + " -> " + show(d.b().overrides()));
        }

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("setting", "A", "B"));
        for (RunDiff.Change c : d.params()) rows.add(List.of("param " + c.name(), unset(c.a()), unset(c.b())));
        for (RunDiff.Change c : d.settings()) rows.add(List.of(c.name(), unset(c.a()), unset(c.b())));
        o.println();
        if (rows.size() == 1) o.println("settings: the same");
        else o.print("settings that differ:\n" + RunsCommand.columns(rows));

        rows = new ArrayList<>();
        rows.add(List.of("metric", "A", "B", "change"));
        for (RunDiff.MetricChange m : d.metrics()) {
            RunMetrics.Metric def = RunMetrics.byName(m.name());
            Double delta = m.delta();
            rows.add(List.of(def != null ? def.label() : m.name(), RunMetrics.show(m.name(), m.a()), RunMetrics.show(m.name(), m.b()),
                    delta == null ? "" : delta == 0 ? "same" : RunMetrics.showDelta(m.name(), delta)));
        }
        o.println();
        if (rows.size() == 1) o.println("metrics: none recorded in either run");
        else o.print("metrics:\n" + RunsCommand.columns(rows));
        o.println();
        o.println("stages whose cache key differs: " + (d.stagesWithNewKeys().isEmpty() ? "none" : String.join(", ", d.stagesWithNewKeys())));
    }

    private static Map<String, Object> json(RunDiff d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", 1);
        m.put("a", RunsCommand.summary(d.a()));
        m.put("b", RunsCommand.summary(d.b()));
        m.put("same_recipe_text", d.a().recipeSha256() == null || d.b().recipeSha256() == null ? null : d.sameRecipeText());
        m.put("params", d.params().stream().map(c -> change(c.name(), c.a(), c.b())).toList());
        m.put("settings", d.settings().stream().map(c -> change(c.name(), c.a(), c.b())).toList());
        List<Object> metrics = new ArrayList<>();
        for (RunDiff.MetricChange c : d.metrics()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", c.name());
            x.put("a", c.a());
            x.put("b", c.b());
            x.put("delta", c.delta());
            metrics.add(x);
        }
        m.put("metrics", metrics);
        m.put("stages_with_new_keys", d.stagesWithNewKeys());
        return m;
    }

    private static Map<String, Object> change(String name, String a, String b) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("name", name);
        x.put("a", a);
        x.put("b", b);
        return x;
    }

    private static String git(RunHistory.Run r) {
        return r.gitCommit() == null ? "not recorded" : r.gitCommit().substring(0, Math.min(10, r.gitCommit().length())) + (r.gitDirty() ? " with uncommitted changes" : "");
    }

    private static String shortSha(String s) {
        return s.substring(0, Math.min(8, s.length()));
    }

    private static String unset(String v) {
        return v.isEmpty() ? "(unset)" : v;
    }

    private static String show(List<String> l) {
        return l.isEmpty() ? "(none)" : String.join(" ", l);
    }
}
