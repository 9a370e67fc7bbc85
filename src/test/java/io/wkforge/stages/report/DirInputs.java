package io.wkforge.stages.report;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.run.RunSoFar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Report inputs read straight from a folder laid out like an out dir (for tests). */
record DirInputs(Path outDir, List<ClassDef> classes, RunSoFar run) implements ReportInputs {
    @Override
    public Path file(String relPath) {
        Path p = outDir.resolve(relPath);
        return Files.isRegularFile(p) ? p : null;
    }

    @Override
    public List<Path> filesUnder(String relDir) {
        Path dir = outDir.resolve(relDir);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String recipeName() {
        return outDir.getFileName().toString();
    }
}
