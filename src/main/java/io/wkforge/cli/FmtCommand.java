package io.wkforge.cli;

import io.wkforge.lang.format.Formatter;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.syntax.Parser;
import io.wkforge.lang.syntax.RecipeFile;
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

@Command(name = "fmt", description = "Rewrite recipes in the canonical layout (comments kept). "
        + "With --check, change nothing and exit 2 if a file is not formatted.")
final class FmtCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Recipe files.")
    List<Path> files;

    @Option(names = "--check", description = "Only report files that are not formatted.")
    boolean check;

    @Option(names = "--stdout", description = "Print the formatted text instead of rewriting the file.")
    boolean stdout;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The formatter; a seam for tests that need one file to fail the way only a bug would. */
    java.util.function.Function<RecipeFile, String> formatter = Formatter::format;

    /** Every file is processed whatever happens to the others; the exit code is the worst outcome. */
    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int exit = ExitCodes.OK;
        for (Path f : files) {
            try {
                exit = ExitCodes.worst(exit, formatOne(f, out, err));
            } catch (RecipeLoader.UnreadableRecipe e) {
                RecipeLoader.print(List.of(e.diagnostic()), err);
                exit = ExitCodes.worst(exit, ExitCodes.USAGE);
            } catch (IOException e) {
                err.println("wkforge: error: " + f + ": cannot write: " + e.getMessage());
                exit = ExitCodes.worst(exit, ExitCodes.USAGE);
            } catch (RuntimeException | StackOverflowError e) {
                RecipeLoader.print(List.of(BatchFailures.internalError(f, "formatting", e, err)), err);
                exit = ExitCodes.worst(exit, ExitCodes.INTERNAL);
            }
        }
        return exit;
    }

    private int formatOne(Path f, PrintWriter out, PrintWriter err) throws IOException {
        SourceFile src = RecipeLoader.read(f);
        RecipeFile parsed = Parser.parse(src);
        if (!parsed.ok()) {
            RecipeLoader.print(parsed.syntaxErrors(), err);
            err.println(f + ": not formatted: fix the syntax errors first");
            return ExitCodes.USAGE;
        }
        String formatted = formatter.apply(parsed);
        boolean same = formatted.equals(src.text());
        if (stdout) {
            out.print(formatted);
        } else if (check) {
            if (!same) {
                err.println(f + ": not formatted (run `wkforge fmt " + f + "`)");
                return ExitCodes.USAGE;
            }
        } else if (!same) {
            Path tmp = f.resolveSibling(f.getFileName() + ".fmt.tmp");
            Files.writeString(tmp, formatted, StandardCharsets.UTF_8);
            Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            out.println("formatted " + f);
        }
        return ExitCodes.OK;
    }
}
