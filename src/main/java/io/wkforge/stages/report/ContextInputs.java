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
    public List<String> boardAppWarnings() {
        if (ctx.setting("deploy.board").origin().kind() == io.wkforge.lang.model.Origin.Kind.DEFAULT) return List.of();
        io.wkforge.lang.model.BoardApp app = io.wkforge.lang.model.BoardApp.of(ctx::setting);
        var crop = ctx.setting("preprocess.crop").asSize();
        List<String> out = new ArrayList<>();
        String input = app.inputWarning(crop.width(), crop.height(), ctx.setting("quantize.image_type").asString());
        if (input != null) out.add(input);
        String categories = app.categoryWarning(ctx.classes());
        if (categories != null) out.add(categories);
        return out;
    }

    @Override
    public RunSoFar run() {
        return ctx.thisRun();
    }
}
