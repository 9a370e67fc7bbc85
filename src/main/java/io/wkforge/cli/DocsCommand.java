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
    public Integer call() {
        try {
            return generate();
        } catch (IOException e) { // a full disk, a read-only folder: the user's to fix, not a bug
            String reason = e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String where = e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null ? fse.getFile() + ": " : "";
            throw new UserError(where + "cannot write: " + reason);
        }
    }

    private Integer generate() throws IOException {
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
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (java.nio.file.FileSystemException e) {
            throw e;
        } catch (IOException e) { // ENOSPC comes as a plain IOException, without the file
            throw new java.nio.file.FileSystemException(file.toString(), null, e.getMessage());
        }
        spec.commandLine().getOut().println("wrote " + file);
    }
}
