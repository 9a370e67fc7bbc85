package io.wkforge.cli;

import io.wkforge.demo.DemoRecipe;
import io.wkforge.demo.DemoVideos;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "demo", description = "Write a demo recipe and generate its videos into DIR (default ./wkforge-demo), "
        + "then run every stage of it and name the report to open. Running it again keeps your edits to the recipe "
        + "and reuses what is cached.")
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
        PrintWriter out = spec.commandLine().getOut();
        Path folder = (dir != null ? dir : Path.of(DEFAULT_DIR)).toAbsolutePath().normalize();
        Path recipe = folder.resolve(DemoRecipe.FILE_NAME);
        prepareFolder(folder, recipe);
        if (Files.exists(recipe)) {
            out.println("demo: keeping " + recipe + " as it is (delete it to get the original back)");
        } else {
            Files.writeString(recipe, DemoRecipe.text(), StandardCharsets.UTF_8);
            out.println("demo: wrote " + recipe);
        }
        out.flush();
        int threadCount = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        List<DemoVideos.Clip> clips = DemoVideos.clips(folder);
        long start = System.nanoTime();
        int made = DemoVideos.writeMissing(clips, seed, threadCount, n -> {});
        if (made > 0) {
            out.printf("demo: recorded %d videos (%d classes, %d s each, %dx%d) in %.1f s under %s%n", made,
                    clips.size() / DemoVideos.VIDEOS_PER_CLASS, DemoVideos.SECONDS, 160, 120, (System.nanoTime() - start) / 1e9,
                    folder.relativize(folder.resolve("videos")));
        } else {
            out.println("demo: the " + clips.size() + " videos are already there");
        }
        out.flush();
        if (noRun) {
            out.println("demo: run it with: wkforge run " + recipe);
            return ExitCodes.OK;
        }
        throw new UserError("running the demo is not built yet; use --no-run");
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
}
