package io.wkforge.stages.train;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.run.StageException;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.common.dataset.Side;
import io.wkforge.stages.common.dataset.SplitLists;
import java.util.ArrayList;
import java.util.List;

/**
 * The training and validation images as {@code split} listed them (read by their owner,
 * {@link SplitLists}), checked against the class table before any training starts: split's
 * classes must be the recipe's, both sides must hold pictures, every class some for training.
 */
record DatasetLists(List<Sample> train, List<Sample> val, int[] trainCounts, int[] valCounts) {

    static DatasetLists read(TaskContext ctx, List<ClassDef> classes) throws StageException {
        List<String> recipe = classes.stream().map(ClassDef::folderName).toList();
        List<String> split = SplitLists.classes(ctx);
        if (!split.equals(recipe)) {
            throw new StageException(SplitLists.classesPath() + " lists " + String.join(", ", split) + " but the recipe's classes are "
                    + String.join(", ", recipe) + ": the dataset is stale (re-run split)");
        }
        String trainMeta = SplitLists.metaPath(Side.TRAIN);
        String valMeta = SplitLists.metaPath(Side.VAL);
        List<Sample> train = samples(SplitLists.read(ctx, Side.TRAIN, classes.size()));
        List<Sample> val = samples(SplitLists.read(ctx, Side.VAL, classes.size()));
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

    private static List<Sample> samples(List<SplitLists.Image> images) {
        return images.stream().map(i -> new Sample(i.file(), i.label(), i.name())).toList();
    }

    private static int[] counts(List<Sample> samples, int classes) {
        int[] out = new int[classes];
        for (Sample s : samples) out[s.label()]++;
        return out;
    }
}
