package io.wkforge.cli;

import io.wkforge.lang.check.Checker;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.run.FileInspector;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A minimal `inspect` (issue 19's branch, for its weight-file inspector end to end; issue 18's
 * command replaces it): the first {@link FileInspector} that recognises the file's first bytes
 * describes it.
 */
@Command(name = "inspect", description = "Describe a file by its content (weights for train.pretrained: format, layout, "
        + "tensors, classes, and why it cannot be used); exit 0 when it is readable and fits the recipe given, 2 otherwise.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The file to describe.")
    Path file;

    @Option(names = "--recipe", paramLabel = "RECIPE", description = "Also check the file against this recipe.")
    Path recipe;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(new WriterStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new WriterStream(spec.commandLine().getErr()), true, StandardCharsets.UTF_8);
        if (!Files.isRegularFile(file)) {
            err.println(file + ": no such file");
            return ExitCodes.USAGE;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        Optional<EffectiveRecipe> against = Optional.empty();
        if (recipe != null) {
            var r = Checker.check(SourceFile.read(recipe));
            if (r.recipe() == null) {
                err.println(recipe + ": cannot be checked");
                return ExitCodes.USAGE;
            }
            against = Optional.of(r.recipe());
        }
        for (FileInspector i : ServiceLoader.load(FileInspector.class)) {
            if (!i.recognises(head)) continue;
            FileInspector.Outcome o = i.inspect(file, against, json, out, err);
            return o == FileInspector.Outcome.FITS ? ExitCodes.OK : ExitCodes.USAGE;
        }
        err.println(file + ": not a kind of file wkforge inspects");
        return ExitCodes.USAGE;
    }

    /** picocli's writers as a stream, so inspectors print to what tests capture. */
    private static final class WriterStream extends java.io.OutputStream {
        private final java.io.PrintWriter w;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterStream(java.io.PrintWriter w) {
            this.w = w;
        }

        @Override
        public void write(int b) {
            line.write(b);
        }

        @Override
        public void flush() {
            w.print(line.toString(StandardCharsets.UTF_8));
            w.flush();
            line.reset();
        }
    }
}
