package io.wkforge.cli;

import io.wkforge.run.RunHistory;
import io.wkforge.util.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "runs", subcommands = RunsDiffCommand.class,
        description = "List recorded runs, newest first, with their key metrics: of RECIPE, or of every recipe built under "
                + "the current folder. `wkforge runs diff A B` compares two.")
final class RunsCommand implements Callable<Integer> {
    /** Metrics in the listing (the record holds more; --json and diff show them all). */
    static final List<String> LISTED = List.of("val_top1", "verify_max_abs_diff", "top1_drop");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Parameters(paramLabel = "RECIPE", arity = "0..1", description = "Only this recipe's runs.")
    Path recipe;

    @Option(names = "--out", paramLabel = "DIR", description = "The recipe's output folder, if it was run with --out.")
    Path out;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "At most N runs per recipe (default: 20).")
    int limit = 20;

    @Option(names = "--json", description = "Machine-readable output: {format_version, recipes[{recipe, runs_dir, runs[...]}], unreadable}.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        RunFolders.Found found = RunFolders.find(recipe, out);
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("format_version", 1);
            List<Object> recipes = new ArrayList<>();
            for (RunFolders.Group g : found.groups()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("recipe", g.recipe());
                m.put("runs_dir", g.runsDir().toString());
                m.put("runs", g.runs().stream().limit(limit).map(RunsCommand::summary).toList());
                recipes.add(m);
            }
            root.put("recipes", recipes);
            root.put("unreadable", found.unreadable());
            o.println(Json.write(root));
            return ExitCodes.OK;
        }
        for (String u : found.unreadable()) spec.commandLine().getErr().println("wkforge: warning: cannot read " + u);
        if (found.groups().stream().allMatch(g -> g.runs().isEmpty())) {
            o.println(recipe != null ? "no runs of " + recipe + " yet (`wkforge run " + recipe + "` records one)"
                    : "no runs recorded under " + Path.of("").toAbsolutePath() + " (give a recipe: `wkforge runs RECIPE`)");
            return ExitCodes.OK;
        }
        boolean first = true;
        for (RunFolders.Group g : found.groups()) {
            if (g.runs().isEmpty()) continue;
            if (!first) o.println();
            first = false;
            o.println(g.recipe() + ": " + g.runs().size() + " run" + (g.runs().size() == 1 ? "" : "s") + ", newest first"
                    + (g.runs().size() > limit ? " (the " + limit + " newest shown; -n for more)" : ""));
            o.print(table(g.runs().subList(0, Math.min(limit, g.runs().size()))));
        }
        boolean dirty = found.groups().stream().flatMap(g -> g.runs().stream()).anyMatch(RunHistory.Run::gitDirty);
        o.println((dirty ? "(* in git: uncommitted changes) " : "") + "`wkforge runs diff A B` compares two runs (ids may be "
                + "shortened; latest and latest~1 work too)");
        return ExitCodes.OK;
    }

    static String table(List<RunHistory.Run> runs) {
        List<String> header = new ArrayList<>(List.of("run", "started", "status", "took"));
        for (String m : LISTED) header.add(m.equals("top1_drop") ? "top-1 drop (estimate) = board input + quantization" : RunMetrics.byName(m).label());
        header.addAll(List.of("recipe", "git", "--set"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (RunHistory.Run r : runs) {
            List<String> row = new ArrayList<>();
            row.add(r.id());
            row.add(when(r.startedAt()));
            row.add(r.status() == null ? "?" : r.status());
            row.add(r.durationMs() < 0 ? "—" : duration(r.durationMs()));
            Map<String, Object> metrics = r.metrics();
            for (String m : LISTED) row.add(m.equals("top1_drop") ? RunMetrics.showDrop(metrics) : RunMetrics.show(m, metrics.get(m)));
            row.add(r.recipeSha256() == null ? "—" : r.recipeSha256().substring(0, Math.min(8, r.recipeSha256().length())));
            row.add(r.gitCommit() == null ? "—" : r.gitCommit().substring(0, Math.min(8, r.gitCommit().length())) + (r.gitDirty() ? "*" : ""));
            row.add(String.join(" ", r.overrides()));
            rows.add(row);
        }
        return columns(rows);
    }

    /** Left-aligned columns two spaces apart; the last column is not padded. */
    static String columns(List<List<String>> rows) {
        int n = rows.get(0).size();
        int[] width = new int[n];
        for (List<String> r : rows) for (int i = 0; i < n; i++) width[i] = Math.max(width[i], r.get(i).length());
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < n; i++) {
                line.append(r.get(i));
                if (i < n - 1) line.append(" ".repeat(width[i] - r.get(i).length() + 2));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    static Map<String, Object> summary(RunHistory.Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("status", r.status());
        m.put("started_at", r.startedAt());
        m.put("finished_at", r.finishedAt());
        m.put("duration_ms", r.durationMs() < 0 ? null : r.durationMs());
        m.put("recipe_sha256", r.recipeSha256());
        Map<String, Object> git = new LinkedHashMap<>();
        git.put("commit", r.gitCommit());
        git.put("dirty", r.gitDirty());
        m.put("git", git);
        m.put("overrides", r.overrides());
        m.put("metrics", r.metrics());
        m.put("record", r.file().toString());
        return m;
    }

    static String when(String iso) {
        if (iso == null) return "—";
        try {
            return WHEN.format(Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    static String duration(long ms) {
        if (ms < 60_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        return String.format(Locale.ROOT, "%dm%02ds", ms / 60_000, (ms / 1000) % 60);
    }
}
