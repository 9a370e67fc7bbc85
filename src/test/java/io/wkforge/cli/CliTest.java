package io.wkforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.Recipes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: exit codes, messages, never a stack trace. */
class CliTest extends InProcessCli {
    @TempDir
    Path dir;

    @BeforeEach
    void stdlib() {
        System.setProperty("wkforge.stdlib", Recipes.repoRoot().resolve("stdlib").toString());
        Recipes.touch(dir, "v/tree.avi", "v/bg.avi");
    }

    Path recipe(String text) {
        return Recipes.write(dir, "r.recipe", text);
    }

    @Test
    void checkOkAndErrorsWithSnippets() {
        assertEquals(0, run("check", recipe(Recipes.CLASSES).toString()));
        assertTrue(out.contains("ok"));
        Path bad = recipe(Recipes.CLASSES + "frames {\n  fsp 2\n}\n");
        assertEquals(2, run("check", bad.toString()));
        assertTrue(err.contains(bad + ":6:3: error[E102]: unknown setting `fsp` in block `frames`"), err);
        assertTrue(err.contains("6 |   fsp 2\n  |   ^^^\n"), err);
        assertTrue(err.contains("= help: did you mean `fps`?"), err);
        assertTrue(err.contains("1 error in 1 file"), err);
    }

    @Test
    void jsonDiagnosticsHaveAVersionAndRanges() {
        Path bad = recipe(Recipes.CLASSES + "frames {\n  fsp 2\n}\n");
        assertEquals(2, run("check", "--json", bad.toString()));
        assertTrue(out.contains("\"format_version\": \"1.0\""), out);
        assertTrue(out.contains("\"valid\": false"), out);
        assertTrue(out.contains("\"code\": \"E102\""), out);
        assertTrue(out.replaceAll("\\s+", "").contains("\"start\":{\"line\":6,\"column\":3,\"byte\":"), out);
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("check", dir.resolve("missing.recipe").toString()));
        assertTrue(err.contains("no such file"), err);
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("chek", "x.recipe"));
        assertTrue(err.contains("Did you mean: wkforge check"), err);
        assertEquals(0, run("check", "--help"));
        assertTrue(out.contains("Usage: wkforge check"), out);
        assertEquals(2, run("plan", recipe(Recipes.CLASSES).toString(), "--until", "trian"));
        assertTrue(err.contains("did you mean `train`?"), err);
        assertEquals(2, run("plan", recipe(Recipes.CLASSES).toString(), "--set", "noequals"));
    }

    @Test
    void binaryGarbageIsADiagnosticNotACrash() throws Exception {
        Path f = dir.resolve("junk.recipe");
        Files.write(f, new byte[] {0, (byte) 0xff, 0x7b, 0x0a, (byte) 0xc3, 0x28});
        int code = run("check", f.toString());
        assertEquals(2, code);
    }

    @Test
    void fmtCheckAndRewrite() throws Exception {
        Path f = recipe("frames { fps 1; format png }\n");
        assertEquals(2, run("fmt", "--check", f.toString()));
        assertEquals(0, run("fmt", f.toString()));
        assertEquals("frames {\n  fps 1\n  format png\n}\n", Files.readString(f));
        assertEquals(0, run("fmt", "--check", f.toString()));
    }

    @Test
    void planShowsEveryStageAndEveryStageIsBuilt() {
        Path f = recipe(Recipes.CLASSES);
        assertEquals(0, run("plan", f.toString()));
        for (String stage : new String[] {"frames", "clean", "split", "train", "export", "verify", "quantize", "wk", "deploy", "report"}) {
            assertTrue(out.contains("  " + stage + " "), stage + " in\n" + out);
        }
        assertFalse(out.contains("not built"), "with train, verify, quantize and wk in, no stage is missing:\n" + out);
    }

    @Test
    void runNeedsEveryVideoPatternToMatch() {
        Path f = recipe("classes {\n  1 a b videos \"v/none.mp4\"\n  2 other background videos \"v/bg.avi\" background\n}\n");
        assertEquals(2, run("run", f.toString(), "--until", "frames"));
        assertTrue(err.contains("error[E150]"), err);
    }

    @Test
    void renderPrintsTheEffectiveRecipe() {
        assertEquals(0, run("render", recipe(Recipes.CLASSES + "param e = 4\ntrain resnet18 {\n  epochs $e\n}\n").toString()));
        assertTrue(out.contains("epochs 4\n"), out);
    }

    @Test
    void versionPrintsWhatPicocliWouldWithoutBuildingItsModel() {
        assertEquals(0, run("--version"));
        String fast = out;
        assertEquals("wkforge " + Version.current() + "\n", fast.replace("\r\n", "\n"));
        assertEquals(0, run("-V"));
        assertEquals(fast, out);
        assertEquals("", err);
        // picocli's own handling of the option (it answers when another argument comes along)
        StringWriter o = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(o, true));
        assertEquals(0, cli.execute("--version"));
        assertEquals(fast, o.toString());
    }

    @Test
    void classCacheRecordingRunsTheCommandsCleanlyWithoutAStage() {
        assertEquals(0, run(ClassCacheCommand.NAME));
        assertEquals("", out.trim());
        run("--help");
        assertFalse(out.contains(ClassCacheCommand.NAME), "hidden from users");
    }

    @Test
    void runRefusesAnOutputFolderItDidNotMake() throws Exception {
        Path f = recipe(Recipes.CLASSES);
        Path mine = Files.createDirectories(dir.resolve("elsewhere/model")).resolve("notes.txt");
        Files.writeString(mine, "mine");
        assertEquals(2, run("run", f.toString(), "--until", "frames", "--out", dir.resolve("elsewhere").toString()));
        assertTrue(err.contains("was not made by wkforge") && err.contains("choose another --out"), err);
        assertEquals("mine", Files.readString(mine));
    }

    @Test
    void fragmentsAreNotPlanned() {
        Path f = recipe("frames {\n  fps 2\n}\n");
        assertEquals(0, run("check", f.toString()));
        assertEquals(2, run("plan", f.toString()));
        assertTrue(err.contains("no classes block"), err);
    }

    /** Runs one command object (with its seams set) the way Main runs it. */
    int runCommand(Object command, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(command);
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        out = o.toString();
        err = e.toString();
        assertFalse(err.contains("\tat "), "no stack traces: " + err);
        return code;
    }

    @Test
    void oneFilesInternalErrorDoesNotStopACheckBatch() {
        Path a = Recipes.write(dir, "a.recipe", Recipes.CLASSES + "frames {\n  fsp 2\n}\n");
        Path boom = Recipes.write(dir, "boom.recipe", Recipes.CLASSES);
        Path c = Recipes.write(dir, "c.recipe", Recipes.CLASSES + "train resnet18 {\n  lr 1e9999999999\n}\n");
        CheckCommand check = new CheckCommand();
        check.checker = (f, sets) -> {
            if (f.equals(boom)) throw new IllegalStateException("a bug only this file meets");
            return RecipeLoader.check(f, sets, false);
        };
        assertEquals(1, runCommand(check, a.toString(), boom.toString(), c.toString()), "the worst outcome: a bug");
        assertTrue(err.contains(a + ":6:3: error[E102]"), err);
        assertTrue(err.contains(boom + ": error[E900]: internal error while checking this file: java.lang.IllegalStateException: "
                + "a bug only this file meets"), err);
        assertTrue(err.contains(c + ":6:6: error[E105]"), err);
        assertTrue(err.contains("3 errors in 3 files"), err);

        assertEquals(1, runCommand(check, "--json", a.toString(), boom.toString(), c.toString()));
        assertTrue(out.contains("\"code\": \"E900\"") && out.contains("\"code\": \"E102\"") && out.contains("\"code\": \"E105\""), out);
        assertTrue(out.contains("\"filename\": \"" + boom + "\""), out);
    }

    @Test
    void aMissingFileInACheckBatchIsOneErrorAndTheOthersAreStillChecked() {
        Path a = Recipes.write(dir, "a.recipe", Recipes.CLASSES);
        Path b = Recipes.write(dir, "b.recipe", Recipes.CLASSES + "frames {\n  fsp 2\n}\n");
        Path missing = dir.resolve("missing.recipe");
        assertEquals(2, run("check", a.toString(), missing.toString(), b.toString(), dir.toString()));
        assertTrue(err.contains(missing + ": error[E151]: no such file"), err);
        assertTrue(err.contains(dir + ": error[E151]: is a folder, not a recipe file"), err);
        assertTrue(err.contains(b + ":6:3: error[E102]"), err);
        assertTrue(err.contains("3 errors in 4 files"), err);
    }

    @Test
    void oneFilesFailureDoesNotStopAFmtBatch() throws Exception {
        Path a = Recipes.write(dir, "a.recipe", "frames { fps 1 }\n");
        Path boom = Recipes.write(dir, "boom.recipe", "split { seed 1 }\n");
        Path c = Recipes.write(dir, "c.recipe", "split { seed 2 }\n");
        FmtCommand fmt = new FmtCommand();
        fmt.formatter = f -> {
            if (f.source().path().equals(boom)) throw new StackOverflowError();
            return io.wkforge.lang.format.Formatter.format(f);
        };
        assertEquals(1, runCommand(fmt, a.toString(), dir.resolve("missing.recipe").toString(), boom.toString(), c.toString()));
        assertTrue(err.contains("missing.recipe: error[E151]: no such file"), err);
        assertTrue(err.contains(boom + ": error[E900]: internal error while formatting this file: java.lang.StackOverflowError"), err);
        assertEquals("frames {\n  fps 1\n}\n", Files.readString(a));
        assertEquals("split {\n  seed 2\n}\n", Files.readString(c), "the file after the failure is formatted too");
        assertEquals("split { seed 1 }\n", Files.readString(boom), "the failed file is left as it was");
        assertEquals(2, run("fmt", "--check", dir.resolve("missing.recipe").toString(), a.toString()));
    }

    @Test
    void hugeNumbersAreRangeErrorsInCheckAndFmtKeepsThem() throws Exception {
        Path f = recipe(Recipes.CLASSES + "train resnet18 {\n  lr 1e9999999999\n  epochs 1234567890123456789012345678901234567890\n}\n");
        assertEquals(2, run("check", f.toString()));
        assertTrue(err.contains("error[E105]: `lr` must be greater than 0 and at most 10, found 1e9999999999"), err);
        assertTrue(err.contains("error[E105]: `epochs` must be at least 0 and at most 100000"), err);
        assertEquals(0, run("fmt", f.toString()));
        assertTrue(Files.readString(f).contains("  lr 1e9999999999\n  epochs 1234567890123456789012345678901234567890\n"));
        assertEquals(0, run("fmt", "--check", f.toString()));
    }
}
