package io.wkforge.stages.nnie;

import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import io.wkforge.run.DoctorCheck;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRunner;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.common.caffe.CaffeFiles;
import io.wkforge.stages.common.caffe.ExportSummary;
import io.wkforge.stages.common.wk.PrototxtNames;
import io.wkforge.stages.common.wk.WkExpectation;
import io.wkforge.stages.common.wk.WkGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stage {@code wk}: the vendor's nnie_mapper run on quantize's cfg, in the stage's own output
 * folder ({@code nnie/}, staged), its output streamed to {@code nnie/mapper.log}. Its errors
 * become problems that name the recipe setting to blame; the {@code .wk} the cfg names must exist
 * and is read and checked against the recipe and the export (WkGate) before it is committed.
 * Without a mapper the stage is unavailable (skipped, with deploy). wkforge never writes a .wk itself. See docs/stages/quantize.md.
 */
public final class WkStage implements StageRunner {
    static final String LOG = "mapper.log";
    /** Lines of the mapper's progress shown as it runs (its phases, its version, its verdict). */
    private static final Pattern PHASE = Pattern.compile("(?i)^(begin |end |mapper version|=+.*successfully|.*\\berror\\b)");

    private final Function<String, String> environment;

    public WkStage() {
        this(System::getenv);
    }

    /** With an environment of the caller's choosing (tests point NNIE_MAPPER and PATH at stand-ins). */
    public WkStage(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public StageId stage() {
        return StageId.WK;
    }

    /** The .wk checks (stages.common.wk) decide whether this stage's output is kept: a change to them runs it again. */
    @Override
    public List<String> codePackages() {
        return List.of(getClass().getPackageName(), "io.wkforge.stages.common.wk");
    }

    @Override
    public String unavailableReason(EffectiveRecipe recipe) {
        return locate(recipe).reason();
    }

    /** The mapper's executable, keyed by content: another mapper version may write another .wk. */
    @Override
    public Map<String, Path> externalPrograms(EffectiveRecipe recipe) {
        MapperLocator.Located mapper = locate(recipe);
        return mapper.found() ? Map.of("nnie_mapper", mapper.exe()) : Map.of();
    }

    @Override
    public List<DoctorCheck> diagnose(EffectiveRecipe recipe) {
        DoctorCheck mapper = new MapperDoctor(recipe == null ? MapperDoctor.defaultLocation(environment) : locate(recipe), recipe != null).check();
        return recipe == null ? List.of(mapper) : List.of(mapper, WkInspector.doctorCheck(recipe));
    }

    private MapperLocator.Located locate(EffectiveRecipe recipe) {
        return MapperLocator.locate(recipe.setting("quantize.mapper").asString(), recipe.dir(), environment);
    }

    @Override
    public void run(TaskContext ctx) throws StageException {
        MapperLocator.Located mapper = MapperLocator.locate(ctx.setting("quantize.mapper").asString(), ctx.recipeDir(), environment);
        if (!mapper.found()) throw new StageException(mapper.reason()); // it went away since the plan was made
        String name = ctx.setting("quantize.instruction_name").asString();
        Path cfg = ctx.input(StageId.QUANTIZE, "nnie/" + name + ".cfg");
        Path prototxt = ctx.input(StageId.EXPORT, CaffeFiles.relPath(CaffeFiles.PROTOTXT));
        ctx.input(StageId.EXPORT, CaffeFiles.relPath(CaffeFiles.CAFFEMODEL));
        long timeout = ctx.setting("quantize.mapper_timeout").asLong();
        boolean checkOnly = ctx.setting("quantize.is_check_prototxt").asBool();
        Path dir = ctx.stagingDir(StageId.WK);
        Path log = dir.resolve(LOG);
        ctx.note("running " + mapper.exe() + " " + cfg + " (from " + mapper.source() + "; output in nnie/" + LOG + ")");
        MapperProcess.Outcome outcome;
        try {
            outcome = MapperProcess.run(List.of(mapper.exe().toString(), cfg.toString()), dir, log, timeout, line -> {
                if (PHASE.matcher(line.strip()).find()) ctx.note("mapper: " + line.strip());
            });
        } catch (IOException e) {
            throw new StageException("cannot start " + mapper.exe() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StageException("interrupted while the mapper ran; it was stopped");
        }
        List<String> problems = MapperErrors.explain(outcome.lines(), ctx::setting, prototxt.toString());
        Path wk = dir.resolve(name + ".wk");
        if (outcome.timedOut()) {
            throw failure(ctx, log, "nnie_mapper did not finish within quantize.mapper_timeout " + timeout + " s and was stopped", problems);
        }
        if (outcome.exitCode() != 0) {
            throw failure(ctx, log, "nnie_mapper failed (exit code " + outcome.exitCode() + ")"
                    + (problems.isEmpty() ? "; it reported no error line, see the log" : ""), problems);
        }
        if (checkOnly) {
            ctx.note(String.format(Locale.ROOT, "nnie_mapper checked the prototxt in %.1f s; no .wk (quantize.is_check_prototxt true), "
                    + "so deploy has nothing to push", outcome.seconds()));
            for (String p : problems) ctx.warn(p);
            return;
        }
        long size;
        try {
            size = Files.isRegularFile(wk) ? Files.size(wk) : -1;
        } catch (IOException e) {
            size = -1;
        }
        if (size <= 0) {
            List<String> details = new ArrayList<>(problems);
            details.add("files the mapper left in its folder: " + listing(dir));
            throw failure(ctx, log, "nnie_mapper exited 0 but " + (size == 0 ? "wrote an empty " : "wrote no ") + wk.getFileName()
                    + " (the cfg's instruction_name) in its working folder", details);
        }
        try {
            WkGate.check(wk, expectation(ctx, prototxt), ctx);
        } catch (StageException e) {
            List<String> details = new ArrayList<>(e.details());
            details.addAll(problems);
            throw failure(ctx, log, "nnie_mapper exited 0 but its .wk cannot go to the board: " + e.getMessage(), details);
        }
        for (String p : problems) ctx.warn(p);
        ctx.note(String.format(Locale.ROOT, "wk: nnie/%s.wk, %.1f MB, in %.1f s (%s)", name, size / 1e6, outcome.seconds(), mapper.exe()));
    }

    /** What the .wk must hold: the recipe's target and input, and the exported network's blob names and class count. */
    private static WkExpectation expectation(TaskContext ctx, Path prototxt) throws StageException {
        try {
            ExportSummary export = ExportSummary.read(ctx.input(StageId.EXPORT, CaffeFiles.relPath(CaffeFiles.SUMMARY)));
            PrototxtNames names = PrototxtNames.of(prototxt);
            return WkExpectation.of(ctx::setting, export.numClasses(), names.input(), names.output());
        } catch (IOException e) {
            throw new StageException("cannot read what export wrote, to check the .wk against it: " + e.getMessage());
        }
    }

    /** A failed run: the staged log would be discarded, so a copy is kept in the task's work folder and named. */
    private static StageException failure(TaskContext ctx, Path log, String message, List<String> problems) {
        String where = "";
        try {
            Path kept = ctx.workDir().resolve(LOG);
            Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
            where = "; its output is in " + kept;
        } catch (IOException | RuntimeException e) {
            // the problems below are all there is
        }
        return new StageException(message + where, problems);
    }

    private static String listing(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            List<String> names = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
            return names.isEmpty() ? "(none)" : String.join(", ", names);
        } catch (IOException e) {
            return "(cannot list: " + e.getMessage() + ")";
        }
    }
}
