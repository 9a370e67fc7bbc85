package io.wkforge.cli;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.run.Executor;
import io.wkforge.run.RunLock;
import io.wkforge.run.RunRecord;
import io.wkforge.run.StageRegistry;
import io.wkforge.run.StampStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * One run of a checked recipe through the executor, as `run` and `demo` do it: the record, the
 * console (with live progress), Ctrl-C, the key metrics for the record, the closing line and the
 * exit code.
 */
final class RunSession {
    /** How the run ended, with the layout it wrote to. */
    record Ended(int exitCode, Executor.Result result, List<String> skipped, io.wkforge.run.RunSoFar run) {}

    private RunSession() {}

    static Ended run(CheckResult r, Layout layout, StampStore store, StageRegistry registry, List<StageId> selected,
                     Set<StageId> forced, int threads, boolean waitForLock, List<String> args, PrintWriter console,
                     PrintWriter err) throws IOException {
        RunRecord record = new RunRecord(layout.runsDir(), r.recipe(), Version.current(), args);
        ConsoleListener listener = new ConsoleListener(err, LiveProgress.forConsole(console));
        Executor executor = new Executor(r.recipe(), store, registry, listener);
        // Ctrl-C or a kill: no task starts any more, a commit in flight finishes, the record says so.
        Thread onInterrupt = new Thread(() -> {
            listener.close();
            executor.interrupt();
            err.println("wkforge: interrupted: finished tasks stay committed; `wkforge run` again goes on from there");
            err.flush();
        }, "wkforge-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        Executor.Result result;
        try {
            result = executor.run(new Executor.Options(selected, forced, threads, waitForLock), record);
        } catch (RunLock.Busy e) {
            throw new UserError(e.getMessage());
        } finally {
            listener.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it records the interruption
            }
        }
        if (result.outcome() != Executor.Outcome.INTERRUPTED) {
            record.metrics(RunMetrics.read(layout.outDir(), record.soFar()));
            record.save();
        }
        List<String> skipped = listener.skipped();
        console.printf("%s: %d task%s ran, %d cached%s; record: %s%n", outcomeWord(result.outcome()), result.ran(),
                result.ran() == 1 ? "" : "s", result.cached(),
                skipped.isEmpty() ? "" : ", skipped " + String.join(", ", skipped) + " (see above)",
                layout.outDir().relativize(result.runRecord()));
        console.flush();
        boardAppWarnings(r, err);
        int code = switch (result.outcome()) {
            case OK -> ExitCodes.OK;
            case INTERRUPTED -> ExitCodes.INTERRUPTED;
            case GATE_FAILED, STAGE_FAILED -> {
                boolean gate = result.outcome() == Executor.Outcome.GATE_FAILED;
                err.println("wkforge: error: " + (gate ? "an accuracy gate failed" : "a stage failed") + ":");
                for (String f : result.failures()) err.println("  " + f);
                err.flush();
                yield gate ? ExitCodes.GATE_FAILED : ExitCodes.STAGE_FAILED;
            }
        };
        return new Ended(code, result, skipped, record.soFar());
    }

    /**
     * The board app's warnings (E126, E127) again under the summary, cached run or not: they are
     * about what the board will show, which no stage's own output repeats once deploy is cached.
     */
    private static void boardAppWarnings(CheckResult r, java.io.PrintWriter err) {
        for (io.wkforge.lang.diag.Diagnostic d : r.diagnostics()) {
            if (d.code() == io.wkforge.lang.diag.Code.BOARD_APP_INPUT || d.code() == io.wkforge.lang.diag.Code.BOARD_APP_CATEGORIES) {
                err.println("warning[" + d.codeId() + "]: board app: " + d.message());
            }
        }
        err.flush();
    }

    private static String outcomeWord(Executor.Outcome o) {
        return switch (o) {
            case OK -> "ok";
            case INTERRUPTED -> "interrupted";
            default -> "failed";
        };
    }
}
