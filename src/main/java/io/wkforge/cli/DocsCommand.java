package io.wkforge.cli;

import io.wkforge.lang.docs.LanguageReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "docs", description = "Print the language reference generated from the schema, or write it with --write.")
final class DocsCommand implements Callable<Integer> {
    @Option(names = "--write", paramLabel = "FILE", description = "Write to this file (the repository keeps it in docs/language.md).")
    Path write;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String md = LanguageReference.markdown();
        if (write == null) {
            spec.commandLine().getOut().print(md);
        } else {
            Files.createDirectories(write.toAbsolutePath().getParent());
            Files.writeString(write, md, StandardCharsets.UTF_8);
            spec.commandLine().getOut().println("wrote " + write);
        }
        return ExitCodes.OK;
    }
}
