package io.wkforge.stages.common.dataset;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.StageException;
import io.wkforge.run.TaskContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled images of one side of the split ({@code dataset/meta/train.txt} or
 * {@code val.txt}: {@code folder/file label} per line), resolved to the files split committed.
 * The files under {@code dataset/} are hard links or copies of the extracted frames, so they are
 * the full-resolution pictures.
 */
public final class SplitLists {
    /** @param name the path relative to the out dir ({@code dataset/val/01_a/x.png}), for messages and reports */
    public record Image(Path file, int label, String name) {}

    private SplitLists() {}

    /**
     * @param side {@code train} or {@code val}
     * @param classes the network's class count: every label must be below it
     */
    public static List<Image> read(TaskContext ctx, String side, int classes) throws StageException {
        Path meta = ctx.input(StageId.SPLIT, "dataset/meta/" + side + ".txt");
        Map<String, Path> committed = new HashMap<>();
        Path out = ctx.layout().outDir();
        for (Path p : ctx.outputsOf(StageId.SPLIT)) committed.put(out.relativize(p).toString().replace('\\', '/'), p);
        List<String> lines;
        try {
            lines = Files.readAllLines(meta, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StageException("cannot read " + meta + ": " + e.getMessage());
        }
        List<Image> images = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            String where = meta.getFileName() + ":" + (i + 1) + ": ";
            int space = line.lastIndexOf(' ');
            int label;
            try {
                label = space < 0 ? -1 : Integer.parseInt(line.substring(space + 1));
            } catch (NumberFormatException e) {
                label = -1;
            }
            if (label < 0) {
                problems.add(where + "expected `folder/file label`, found `" + line + "`");
                continue;
            }
            if (label >= classes) {
                problems.add(where + "label " + label + " is outside the network's " + classes + " classes (re-run split and train)");
                continue;
            }
            String name = "dataset/" + side + "/" + line.substring(0, space);
            Path file = committed.get(name);
            if (file == null || !Files.isRegularFile(file)) {
                problems.add(where + name + " is not among the files split committed (re-run split)");
                continue;
            }
            images.add(new Image(file, label, name));
        }
        if (!problems.isEmpty()) {
            throw new StageException(problems.size() + " line" + (problems.size() == 1 ? "" : "s") + " of " + meta + " cannot be used",
                    problems.size() > 20 ? List.copyOf(problems.subList(0, 20)) : problems);
        }
        return images;
    }
}
