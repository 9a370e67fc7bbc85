package io.wkforge.stages.report;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRunner;
import io.wkforge.run.TaskContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stage {@code report}: {@code report.html}, one self-contained page about the run it is part of
 * (see docs/stages/report.md). It reads whatever the earlier stages committed and shows a stage
 * that did not run, or was skipped, as such; it requires none of them. It describes this run
 * (timings, what came from the cache), so it runs in every run.
 */
public final class ReportStage implements StageRunner {
    public static final String FILE_NAME = "report.html";

    @Override
    public StageId stage() {
        return StageId.REPORT;
    }

    @Override
    public void run(TaskContext ctx) throws StageException {
        long start = System.nanoTime();
        String html;
        try {
            html = ReportPage.render(new ContextInputs(ctx), version());
        } catch (IOException e) {
            throw new StageException("cannot build the report: " + e.getMessage());
        }
        Path out = ctx.stagingDir(StageId.REPORT).resolve(FILE_NAME);
        try {
            Files.writeString(out, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StageException("cannot write " + out + ": " + e.getMessage());
        }
        ctx.note(String.format(java.util.Locale.ROOT, "report: %s (%s, %.1f s)", ctx.layout().outDir().resolve(FILE_NAME),
                Html.bytes(html.length()), (System.nanoTime() - start) / 1e9));
    }

    /** The wkforge version the page names (the jar's, as `wkforge --version` shows). */
    private static String version() {
        String v = ReportStage.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }
}
