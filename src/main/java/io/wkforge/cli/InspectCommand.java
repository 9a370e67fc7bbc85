package io.wkforge.cli;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.run.FileInspector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", description = "Describe files by their content: an NNIE .wk (size, CRC, format version, run mode, "
        + "input and output blobs), or any other kind wkforge knows; with --against, check that each fits a recipe. "
        + "Exit 0 when every file was read (and fits), 3 when one cannot be read or does not fit, 2 for a bad recipe.")
final class InspectCommand implements Callable<Integer> {
    /** Inspectors decide by this many first bytes (fewer for a shorter file). */
    static final int HEAD_BYTES = 512;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to describe (a .wk, say).")
    List<Path> files;

    @Option(names = "--json", description = "Print one JSON object per file on stdout.")
    boolean json;

    @Option(names = "--against", paramLabel = "RECIPE", description = "Check each file against this recipe: its target, "
            + "crop, image type, classes and exported blob names.")
    Path against;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a param or a setting of the --against recipe.")
    List<String> sets;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<EffectiveRecipe> recipe = Optional.empty();
        if (against != null) {
            CheckResult r = RecipeLoader.check(against, sets, false);
            if (!RecipeLoader.report(r, err)) return ExitCodes.USAGE;
            if (r.fragment()) throw new UserError(against + " has no classes block: it is a fragment to `use`, not a recipe");
            recipe = Optional.of(r.recipe());
        } else if (sets != null && !sets.isEmpty()) {
            throw new UserError("--set needs --against RECIPE");
        }
        List<FileInspector> inspectors = new ArrayList<>();
        ServiceLoader.load(FileInspector.class).forEach(inspectors::add);
        int code = ExitCodes.OK;
        for (Path file : files) code = ExitCodes.worst(code, inspect(file, inspectors, recipe, out, err));
        return code;
    }

    private int inspect(Path file, List<FileInspector> inspectors, Optional<EffectiveRecipe> recipe, PrintWriter out, PrintWriter err) {
        byte[] head;
        try {
            if (Files.isDirectory(file)) return unreadable(file, "is a folder, not a file", out, err);
            head = head(file);
        } catch (IOException e) {
            return unreadable(file, Files.exists(file) ? "cannot read: " + e.getMessage() : "no such file", out, err);
        }
        FileInspector inspector = inspectors.stream().filter(i -> i.recognises(head)).findFirst().orElse(null);
        if (inspector == null) {
            String kinds = String.join(", ", inspectors.stream().map(FileInspector::kind).toList());
            return unreadable(file, head.length == 0 ? "empty file (0 bytes): not a kind of file wkforge knows (" + kinds + ")"
                    : "not a kind of file wkforge knows (" + kinds + "); its first bytes match none of them", out, err);
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        FileInspector.Outcome outcome;
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8); PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            outcome = inspector.inspect(file, recipe, json, po, pe);
        } catch (IOException ex) {
            return unreadable(file, "cannot read: " + ex.getMessage(), out, err);
        } finally {
            out.print(o.toString(StandardCharsets.UTF_8));
            out.flush();
            err.print(e.toString(StandardCharsets.UTF_8));
            err.flush();
        }
        return switch (outcome) {
            case FITS -> ExitCodes.OK;
            case DOES_NOT_FIT, UNREADABLE -> ExitCodes.STAGE_FAILED;
        };
    }

    private int unreadable(Path file, String reason, PrintWriter out, PrintWriter err) {
        if (json) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("file", file.toString());
            m.put("readable", false);
            m.put("reason", reason);
            out.println(io.wkforge.util.Json.write(m));
        }
        err.println(file + ": " + reason);
        return ExitCodes.STAGE_FAILED;
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }
}
