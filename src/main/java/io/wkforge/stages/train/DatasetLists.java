package io.wkforge.stages.train;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.schema.StageId;
import io.wkforge.run.StageException;
import io.wkforge.run.TaskContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training and validation images as {@code split} listed them ({@code dataset/meta/train.txt}
 * and {@code val.txt}: {@code folder/file label}, relative to {@code dataset/train} or
 * {@code dataset/val}), checked against the class table before any training starts.
 */
record DatasetLists(List<Sample> train, List<Sample> val, int[] trainCounts, int[] valCounts) {

    static DatasetLists read(TaskContext ctx, List<ClassDef> classes) throws StageException {
        Path trainMeta = ctx.input(StageId.SPLIT, "dataset/meta/train.txt");
        Path valMeta = ctx.input(StageId.SPLIT, "dataset/meta/val.txt");
        List<Sample> train = readSide(trainMeta, "train", classes);
        List<Sample> val = readSide(valMeta, "val", classes);
        int[] trainCounts = counts(train, classes.size());
        int[] valCounts = counts(val, classes.size());
        if (train.isEmpty()) {
            throw new StageException("the training side of the dataset is empty (" + trainMeta + "): there is nothing to train on; "
                    + "check that the class videos exist and that `clean` kept frames");
        }
        if (val.isEmpty()) {
            throw new StageException("the validation side of the dataset is empty (" + valMeta + "): wkforge measures every epoch and "
                    + "keeps the best one on it; raise split.val or record more frames");
        }
        List<String> empty = new ArrayList<>();
        for (ClassDef c : classes) {
            if (trainCounts[c.index()] == 0) empty.add(c.folderName() + " (" + valCounts[c.index()] + " validation images)");
        }
        if (!empty.isEmpty()) {
            throw new StageException(empty.size() + " class" + (empty.size() == 1 ? " has" : "es have")
                    + " no training images: the network cannot learn " + (empty.size() == 1 ? "it" : "them")
                    + "; record videos for it or remove it from the classes block", empty);
        }
        return new DatasetLists(train, val, trainCounts, valCounts);
    }

    /** The classes that have no validation image (their accuracy cannot be measured). */
    List<String> classesWithoutValidation(List<ClassDef> classes) {
        List<String> out = new ArrayList<>();
        for (ClassDef c : classes) if (valCounts[c.index()] == 0) out.add(c.folderName());
        return out;
    }

    private static List<Sample> readSide(Path meta, String side, List<ClassDef> classes) throws StageException {
        Path root = meta.getParent().getParent().resolve(side);
        List<String> lines;
        try {
            lines = Files.readAllLines(meta, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StageException("cannot read " + meta + ": " + e.getMessage());
        }
        List<Sample> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            int space = line.lastIndexOf(' ');
            String where = meta.getFileName() + ":" + (i + 1) + ": ";
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
                problems.add(where + "label " + label + " is outside the " + classes.size() + " classes of the recipe (0-" + (classes.size() - 1) + ")");
                continue;
            }
            String folder = classes.get(label).folderName(); // classes are sorted by index, ids run 1..N
            if (!rel.startsWith(folder + "/")) {
                problems.add(where + rel + " has label " + label + ", which is class " + folder + ": the dataset and the recipe's classes disagree (re-run split)");
                continue;
            }
            Path file = root.resolve(rel);
            if (!Files.isRegularFile(file)) {
                problems.add(where + "image " + file + " does not exist");
                continue;
            }
            out.add(new Sample(file, label, side + "/" + rel));
        }
        if (!problems.isEmpty()) {
            throw new StageException(problems.size() + " line" + (problems.size() == 1 ? "" : "s") + " of " + meta + " cannot be used",
                    problems.size() > 20 ? List.copyOf(problems.subList(0, 20)) : problems);
        }
        return out;
    }

    private static int[] counts(List<Sample> samples, int classes) {
        int[] out = new int[classes];
        for (Sample s : samples) out[s.label()]++;
        return out;
    }
}
