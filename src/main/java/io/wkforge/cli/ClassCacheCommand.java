package io.wkforge.cli;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.run.AtomicFiles;
import io.wkforge.run.Executor;
import io.wkforge.run.RunRecord;
import io.wkforge.run.StageRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Loads the classes that `check`, `fmt`, `render`, `plan` and `run` need, so that the launcher's
 * class-data-sharing archive (recorded while this runs) holds them and every later start maps
 * them instead of loading them. It runs no stage: the commands work on a generated recipe whose
 * videos are empty files, `run` walks no stage, and the stages' libraries are only loaded (their
 * warm-up). Not for users.
 */
@Command(name = ClassCacheCommand.NAME, hidden = true,
        description = "Load the commands' classes without running a stage (the launcher records its class cache meanwhile).")
final class ClassCacheCommand implements Callable<Integer> {
    static final String NAME = "__record-class-cache";

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("wkforge-class-cache");
        try {
            Files.writeString(dir.resolve("a.mp4"), "");
            Path recipe = dir.resolve("classes.recipe");
            Files.writeString(recipe, """
                    use "targets/hi3516dv300"
                    classes {
                      1 a b videos "a.mp4"
                      2 other background videos "a.mp4" background
                    }
                    frames { fps 5 }
                    """);
            StringWriter log = new StringWriter();
            PrintWriter sink = new PrintWriter(log);
            for (String[] args : new String[][] {
                    {"check", recipe.toString()},
                    {"fmt", "--stdout", recipe.toString()},
                    {"render", recipe.toString()},
                    {"plan", recipe.toString()},
                    {"run", "--help"}}) {
                if (Main.execute(args, sink, sink) != ExitCodes.OK) {
                    // a failure here costs only start-up speed, but it should not go unnoticed in tests
                    throw new IllegalStateException("`" + String.join(" ", args) + "` failed:\n" + log);
                }
            }
            walkNoStage(recipe, dir.resolve("out"), sink);
            loadOwnClasses();
            return ExitCodes.OK;
        } finally {
            AtomicFiles.deleteTree(dir);
        }
    }

    /**
     * Loads (without initialising, so no native library and no static state is touched) every
     * class of wkforge itself except the language server's: what a run's tasks and commits load
     * (stage code, the commit path) is then in the archive too, as are the library classes their
     * verification pulls in. LSP4J's jars are signed, which class-data sharing cannot archive.
     */
    private static void loadOwnClasses() throws IOException {
        ClassLoader loader = ClassCacheCommand.class.getClassLoader();
        Path location;
        try {
            location = Path.of(ClassCacheCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> names = new java.util.ArrayList<>();
        if (Files.isDirectory(location)) {
            try (var walk = Files.walk(location.resolve("io/wkforge"))) {
                walk.filter(p -> p.toString().endsWith(".class"))
                        .forEach(p -> names.add(location.relativize(p).toString().replace('\\', '/')));
            }
        } else {
            try (var jar = new java.util.jar.JarFile(location.toFile(), false)) {
                jar.stream().map(java.util.jar.JarEntry::getName)
                        .filter(n -> n.startsWith("io/wkforge/") && n.endsWith(".class")).forEach(names::add);
            }
        }
        for (String n : names) {
            if (n.startsWith("io/wkforge/lsp/") || n.endsWith("module-info.class")) continue;
            try {
                Class.forName(n.substring(0, n.length() - ".class".length()).replace('/', '.'), false, loader);
            } catch (ClassNotFoundException | LinkageError unloadable) {
                // an optional library missing on this machine: that class is simply not archived
            }
        }
    }

    /** What `run` loads around its stages: the registry, fingerprints, lock, recovery, run record. */
    private static void walkNoStage(Path recipe, Path out, PrintWriter sink) throws IOException {
        CheckResult r = RecipeLoader.check(recipe, null, false);
        StageRegistry registry = StageRegistry.discover();
        List<StageId> all = Arrays.asList(StageId.values());
        registry.warmUp(all);
        for (StageId s : all) registry.componentsOf(s);
        Layout layout = Layout.forRecipe(r.recipe(), out);
        RunRecord record = new RunRecord(layout.runsDir(), r.recipe(), Version.current(), List.of(NAME));
        Executor.Result result = new Executor(r.recipe(), layout, registry, new ConsoleListener(sink, sink))
                .run(new Executor.Options(List.of(), Set.of(), 1), record);
        if (result.outcome() != Executor.Outcome.OK) throw new IllegalStateException("the empty run failed: " + result);
    }
}
