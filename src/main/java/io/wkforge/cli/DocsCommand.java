package io.wkforge.cli;

import io.wkforge.editor.EditorFiles;
import io.wkforge.lang.docs.LanguageReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "docs", description = "Print the language reference generated from the schema; --write writes it to a file; "
        + "--regenerate rewrites every file of a wkforge checkout that derives from the schema.")
final class DocsCommand implements Callable<Integer> {
    static final String LANGUAGE_REFERENCE = "docs/language.md";

    @Option(names = "--write", paramLabel = "FILE", description = "Write the reference to this file.")
    Path write;

    @Option(names = "--regenerate", paramLabel = "REPO", arity = "0..1", fallbackValue = ".",
            description = "Rewrite " + LANGUAGE_REFERENCE + " and the editor grammars (Vim, TextMate) of the checkout at REPO (default: .).")
    Path regenerate;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        String md = LanguageReference.markdown();
        if (regenerate != null) {
            if (!Files.isRegularFile(regenerate.resolve("pom.xml")) || !Files.isDirectory(regenerate.resolve("editor-support"))) {
                throw new UserError(regenerate.toAbsolutePath() + " is not a wkforge checkout");
            }
            writeIfChanged(regenerate.resolve(LANGUAGE_REFERENCE), md);
            for (Path p : EditorFiles.generateAll(regenerate)) out.println("wrote " + p);
        } else if (write != null) {
            writeIfChanged(write, md);
        } else {
            out.print(md);
        }
        return ExitCodes.OK;
    }

    private void writeIfChanged(Path file, String text) throws IOException {
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) return;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println("wrote " + file);
    }
}
