package io.wkforge.cli;

import io.wkforge.demo.DemoRecipe;
import io.wkforge.demo.DemoVideos;
import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.run.RunSoFar;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRegistry;
import io.wkforge.run.StageRunner;
import io.wkforge.run.StampStore;
import io.wkforge.run.TaskContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "demo", description = "Write a demo recipe and generate its videos into DIR (default ./wkforge-demo), "
        + "then run every stage of it, as `wkforge run` does, and name the report to open. Running it again keeps your "
        + "edits to the recipe and reuses what is cached.")
final class DemoCommand implements Callable<Integer> {
    static final String DEFAULT_DIR = "wkforge-demo";

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Folder for the demo (default: ./wkforge-demo).")
    Path dir;

    @Option(names = "--no-run", description = "Only write the recipe and the videos.")
    boolean noRun;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generated videos (default: 1).")
    long seed = 1;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for recording and for the run (default: number of cores).")
    Integer threads;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = (dir != null ? dir : Path.of(DEFAULT_DIR)).toAbsolutePath().normalize();
        Path recipe = folder.resolve(DemoRecipe.FILE_NAME);
        String shown = shown(recipe);
        prepareFolder(folder, recipe);
        StageRegistry registry = StageRegistry.discover();
        registry.warmUpInBackground(List.of(StageId.values())); // native libraries load while the videos are recorded
        if (Files.exists(recipe)) {
            out.println("demo: keeping " + shown + " as it is (delete it to get the original back)");
        } else {
            Files.writeString(recipe, DemoRecipe.text(), StandardCharsets.UTF_8);
            out.println("demo: wrote " + shown + ", an ordinary recipe: read it, edit it, run it again");
        }
        out.flush();
        int threadCount = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        recordVideos(folder, threadCount, out);
        if (noRun) {
            out.println("demo: run it with: wkforge run " + shown);
            return ExitCodes.OK;
        }

        CheckResult r = RecipeLoader.check(recipe, null, true);
        if (!RecipeLoader.report(r, err)) return ExitCodes.USAGE;
        for (StageId s : StageId.values()) if (!registry.has(s)) registry.register(new NotBuilt(s));
        Layout layout = Layout.forRecipe(r.recipe(), null);
        out.println("demo: running every stage of " + shown + ", as `wkforge run " + shown + "` would:");
        out.flush();
        List<String> args = new ArrayList<>(List.of("run", recipe.toString()));
        RunSession.Ended ended = RunSession.run(r, layout, new StampStore(layout), registry, List.of(StageId.values()), Set.of(),
                threadCount, false, args, out, err);
        summary(out, ended.run(), layout, shown, (System.nanoTime() - start) / 1_000_000);
        return ended.exitCode();
    }

    private static void recordVideos(Path folder, int threads, PrintWriter out) throws IOException {
        List<DemoVideos.Clip> clips = DemoVideos.clips(folder);
        long missing = clips.stream().filter(c -> !Files.isRegularFile(c.file())).count();
        if (missing == 0) {
            out.println("demo: the " + clips.size() + " videos are already there");
            out.flush();
            return;
        }
        long start = System.nanoTime();
        LiveProgress live = LiveProgress.forConsole(out);
        live.println("demo: recording " + missing + " videos (" + DemoVideos.VIDEOS_PER_CLASS + " per class, "
                + DemoVideos.SECONDS + " s each, H.264 at 160x120): kitchen objects moving and turning, with frozen, "
                + "blurred and black stretches for `clean` to find");
        live.stageStarted("videos", 1);
        DemoVideos.writeMissing(clips, 1, threads, n -> live.update("videos", n, missing, "videos"));
        live.stageEnded();
        out.printf("demo: recorded %d videos in %.1f s under %s%n", missing, (System.nanoTime() - start) / 1e9,
                shown(folder.resolve("videos")));
        out.flush();
    }

    /** What the demo did, what it could not, and what to do next. */
    private static void summary(PrintWriter out, RunSoFar run, Layout layout, String shownRecipe, long millis) {
        out.println();
        out.printf("demo: done in %s%n", RunsCommand.duration(millis));
        Map<StageId, String> skipped = new LinkedHashMap<>();
        List<String> notBuilt = new ArrayList<>();
        for (RunSoFar.TaskOutcome t : run.tasks()) {
            if (!t.status().equals("skipped") || t.stage() == null || skipped.containsKey(t.stage())) continue;
            if (t.reason() != null && t.reason().equals(NotBuilt.REASON)) notBuilt.add(t.stage().id());
            else skipped.put(t.stage(), t.reason());
        }
        if (!notBuilt.isEmpty()) {
            out.println("  not built in this version of wkforge: " + String.join(", ", notBuilt) + " (the report shows them as not run)");
        }
        List<String> waiting = new ArrayList<>();
        skipped.forEach((stage, reason) -> {
            if (reason != null && reason.contains(NotBuilt.REASON)) waiting.add(stage.id());
            else out.println("  " + stage.id() + " was skipped: " + reason);
        });
        if (!waiting.isEmpty()) out.println("  skipped because a stage they need is not built: " + String.join(", ", waiting));
        if (skipped.containsKey(StageId.WK) && !skipped.get(StageId.WK).contains(NotBuilt.REASON)) {
            out.println("  There is no .wk: it is made by nnie_mapper, HiSilicon's tool, which is not installed here (wkforge never"
                    + " fakes one), so there was nothing to put on the board. `wkforge doctor " + shownRecipe + "` says what is missing.");
        }
        Path report = layout.outDir().resolve("report.html");
        if (Files.isRegularFile(report)) out.println("demo: open the report: " + shown(report));
        out.println("demo: next, edit " + shownRecipe + " (try `param epochs = 12`, or `--set epochs=12` without editing), see what would re-run and why with "
                + "`wkforge plan " + shownRecipe + "`, run it with `wkforge run " + shownRecipe + "`, and compare the runs "
                + "with `wkforge runs " + shownRecipe + "`.");
        out.flush();
    }

    /** A path as the user would type it: relative to the current folder when it is inside it. */
    private static String shown(Path p) {
        Path here = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(here) && !abs.equals(here) ? here.relativize(abs).toString() : abs.toString();
    }

    /** The folder must be new, empty, or an earlier demo: never overwrite someone's files. */
    private static void prepareFolder(Path folder, Path recipe) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) throw new UserError(folder + " is a file, not a folder");
        if (Files.isDirectory(folder) && !Files.exists(recipe)) {
            try (var entries = Files.list(folder)) {
                if (entries.anyMatch(p -> !p.getFileName().toString().equals("videos"))) {
                    throw new UserError(folder + " already holds other files; give the demo a new or empty folder "
                            + "(wkforge demo DIR)");
                }
            }
        }
        Files.createDirectories(folder);
    }

    /**
     * A stage this build of wkforge does not have, for the demo only: it is skipped with this
     * reason (and the stages that need it with it), so the demo runs everything that is built.
     * `wkforge run` refuses such a stage by name instead. It never runs.
     */
    static final class NotBuilt implements StageRunner {
        static final String REASON = "not built in this version of wkforge";
        private final StageId stage;

        NotBuilt(StageId stage) {
            this.stage = stage;
        }

        @Override
        public StageId stage() {
            return stage;
        }

        @Override
        public String unavailableReason(EffectiveRecipe recipe) {
            return REASON;
        }

        @Override
        public void run(TaskContext ctx) throws StageException {
            throw new IllegalStateException("stage " + stage.id() + " is not built; it must have been skipped");
        }
    }
}
