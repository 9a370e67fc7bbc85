package io.wkforge.stages.report;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.schema.StageId;
import io.wkforge.run.RunSoFar;
import io.wkforge.run.TaskContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The report's inputs as a running task sees them: the committed outputs of the stages it reads. */
final class ContextInputs implements ReportInputs {
    private final TaskContext ctx;
    private final java.util.NavigableMap<String, Path> files = new TreeMap<>();

    ContextInputs(TaskContext ctx) {
        this.ctx = ctx;
        Path out = ctx.layout().outDir();
        for (StageId up : ctx.task().upstream()) {
            for (Path p : ctx.outputsOf(up)) files.put(out.relativize(p).toString().replace('\\', '/'), p);
        }
    }

    @Override
    public Path file(String relPath) {
        return files.get(relPath);
    }

    @Override
    public List<Path> filesUnder(String relDir) {
        String prefix = relDir.endsWith("/") ? relDir : relDir + "/";
        List<Path> out = new ArrayList<>();
        for (Map.Entry<String, Path> e : files.subMap(prefix, prefix + Character.MAX_VALUE).entrySet()) out.add(e.getValue());
        return out;
    }

    @Override
    public String recipeName() {
        return ctx.recipeName();
    }

    @Override
    public List<ClassDef> classes() {
        return ctx.classes();
    }

    @Override
    public RunSoFar run() {
        return ctx.thisRun();
    }
}
