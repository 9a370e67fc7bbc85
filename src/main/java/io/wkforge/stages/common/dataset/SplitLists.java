package io.wkforge.stages.common.dataset;

import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.run.StageException;
import io.wkforge.run.TaskContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one owner of split's labelled lists, the contract between {@code split} and the stages that
 * read pictures with their labels (train, verify, quantize), like {@code KeptList} for
 * {@code clean/kept.txt}: {@code dataset/classes.txt} (the class folders in label order) and
 * {@code dataset/meta/train.txt} and {@code val.txt} ({@code <class folder>/<file> <label>} per
 * line, relative to the side's folder, like ImageNet's {@code meta/train.txt}). Split and the
 * test fixtures write them with {@link Writer}; {@link #read} resolves every line to a file split
 * committed and refuses a line whose label is not a class, or whose folder is not its label's
 * class, everywhere alike.
 */
public final class SplitLists {
    public static final String CLASSES_FILE = "classes.txt";

    /** @param name the path relative to the out dir ({@code dataset/val/01_a/x.png}), for messages and reports */
    public record Image(Path file, int label, String name) {}

    private SplitLists() {}

    /** {@code dataset/meta/<side>.txt}, relative to the out dir. */
    public static String metaPath(Side side) {
        return Layout.dirOf(StageId.SPLIT) + "/" + metaName(side);
    }

    /** {@code dataset/classes.txt}, relative to the out dir. */
    public static String classesPath() {
        return Layout.dirOf(StageId.SPLIT) + "/" + CLASSES_FILE;
    }

    private static String metaName(Side side) {
        return "meta/" + side.folder() + ".txt";
    }

    /** Writes the lists into a dataset folder: classes in label order, then each side's pictures. */
    public static final class Writer {
        private final List<String> classes = new ArrayList<>();
        private final Map<Side, StringBuilder> lines = new EnumMap<>(Side.class);

        public Writer() {
            for (Side s : Side.values()) lines.put(s, new StringBuilder());
        }

        /** The next class: its label is the number of classes added before it. */
        public Writer addClass(String folder) {
            classes.add(folder);
            return this;
        }

        /** A picture {@code dataset/<side>/<folder>/<fileName>} of a class added before. */
        public Writer add(Side side, String folder, String fileName) {
            int label = classes.indexOf(folder);
            if (label < 0) throw new IllegalArgumentException("class " + folder + " was not added");
            lines.get(side).append(folder).append('/').append(fileName).append(' ').append(label).append('\n');
            return this;
        }

        /** Writes {@code classes.txt} and {@code meta/*.txt} under {@code datasetDir}. */
        public void write(Path datasetDir) throws IOException {
            Files.createDirectories(datasetDir.resolve("meta"));
            StringBuilder sb = new StringBuilder();
            for (String c : classes) sb.append(c).append('\n');
            Files.writeString(datasetDir.resolve(CLASSES_FILE), sb.toString(), StandardCharsets.UTF_8);
            for (Side s : Side.values()) Files.writeString(datasetDir.resolve(metaName(s)), lines.get(s).toString(), StandardCharsets.UTF_8);
        }
    }

    /** The class folders split wrote, in label order. */
    public static List<String> classes(TaskContext ctx) throws StageException {
        Path file = ctx.input(StageId.SPLIT, classesPath());
        List<String> out = new ArrayList<>();
        for (String line : lines(file)) if (!line.isBlank()) out.add(line.strip());
        return out;
    }

    /**
     * One side's pictures, each resolved to the file split committed.
     *
     * @param networkClasses the class count of the network they are for: split's classes must be as many
     */
    public static List<Image> read(TaskContext ctx, Side side, int networkClasses) throws StageException {
        List<String> classes = classes(ctx);
        if (classes.size() != networkClasses) {
            throw new StageException(classesPath() + " lists " + classes.size() + " classes but the network has " + networkClasses
                    + ": the dataset and the model are from different recipes (re-run split and train)");
        }
        Path meta = ctx.input(StageId.SPLIT, metaPath(side));
        Map<String, Path> committed = new HashMap<>();
        Path out = ctx.layout().outDir();
        for (Path p : ctx.outputsOf(StageId.SPLIT)) committed.put(out.relativize(p).toString().replace('\\', '/'), p);
        List<String> lines = lines(meta);
        List<Image> images = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            String where = meta.getFileName() + ":" + (i + 1) + ": ";
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                problems.add(where + "expected `folder/file label`, found `" + line + "`");
                continue;
            }
            String rel = line.substring(0, space);
            int label;
            try {
                label = Integer.parseInt(line.substring(space + 1));
            } catch (NumberFormatException e) {
                problems.add(where + "label `" + line.substring(space + 1) + "` is not a number");
                continue;
            }
            if (label < 0 || label >= classes.size()) {
                problems.add(where + "label " + label + " is outside the " + classes.size() + " classes (0-" + (classes.size() - 1) + ")");
                continue;
            }
            String folder = classes.get(label);
            if (!rel.startsWith(folder + "/")) {
                problems.add(where + rel + " has label " + label + ", which is class " + folder
                        + ": the picture's folder and its label disagree (re-run split)");
                continue;
            }
            String name = Layout.dirOf(StageId.SPLIT) + "/" + side.folder() + "/" + rel;
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

    private static List<String> lines(Path file) throws StageException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StageException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
