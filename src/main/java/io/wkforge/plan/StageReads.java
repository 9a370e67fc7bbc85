package io.wkforge.plan;

import io.wkforge.lang.schema.StageId;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which committed outputs of earlier stages each stage reads. This one table decides both what a
 * task's key hashes ("output of clean" covers {@code clean/kept.txt}, not the contact sheet, so a
 * threshold change that keeps the same frames does not re-run {@code split} or training) and what
 * {@code TaskContext.input}/{@code outputsOf} hand out (anything else fails loudly), so a stage can
 * never read an upstream file its key does not cover. A stage added later adds its row here.
 */
public final class StageReads {
    private StageReads() {}

    /** One stage's declared read of one upstream stage. */
    public sealed interface Read permits Matching, ListedIn {}

    /** The upstream outputs whose path (relative to the out dir) matches one of the patterns. */
    public record Matching(List<OutputPattern> patterns) implements Read {
        public boolean matches(String relPath) {
            for (OutputPattern p : patterns) if (p.matches(relPath)) return true;
            return false;
        }

        @Override
        public String toString() {
            return String.join(", ", patterns.stream().map(OutputPattern::glob).toList());
        }
    }

    /**
     * The upstream outputs named by a list that another upstream stage committed, one path
     * (relative to the out dir) per line: {@code split} reads the frames {@code clean/kept.txt}
     * names, so a dropped frame's content is none of its business. The reader must also declare a
     * read of the list itself.
     */
    public record ListedIn(StageId listOwner, String listFile) implements Read {
        @Override
        public String toString() {
            return "the files listed in " + listFile;
        }
    }

    private static final Map<StageId, Map<StageId, Read>> TABLE = table();

    private static Map<StageId, Map<StageId, Read>> table() {
        Map<StageId, Map<StageId, Read>> t = new EnumMap<>(StageId.class);
        t.put(StageId.FRAMES, reads());
        t.put(StageId.CLEAN, reads(StageId.FRAMES, files("frames/**")));
        t.put(StageId.SPLIT, reads(
                StageId.FRAMES, new ListedIn(StageId.CLEAN, "clean/kept.txt"),
                StageId.CLEAN, files("clean/kept.txt")));
        t.put(StageId.TRAIN, reads(StageId.SPLIT, files("dataset/**")));
        t.put(StageId.EXPORT, reads(StageId.TRAIN, files("model/model.safetensors", "model/model.json")));
        t.put(StageId.VERIFY, reads(
                StageId.SPLIT, files("dataset/classes.txt", "dataset/meta/val.txt", "dataset/val/**"),
                StageId.TRAIN, files("model/model.json", "model/model.safetensors"),
                StageId.EXPORT, files("caffe/model.prototxt", "caffe/model.caffemodel", "caffe/export.json")));
        t.put(StageId.QUANTIZE, reads(
                StageId.SPLIT, files("dataset/classes.txt", "dataset/meta/*.txt", "dataset/train/**", "dataset/val/**"),
                StageId.EXPORT, files("caffe/model.prototxt", "caffe/model.caffemodel", "caffe/export.json")));
        // the mapper reads the cfg and the files it names; the pictures of the image list are split's,
        // and a change there reaches wk through the model they train (caffe/model.*) or the list itself
        // and checks the .wk it writes against the network's input, output names and class count
        t.put(StageId.WK, reads(
                StageId.EXPORT, files("caffe/model.prototxt", "caffe/model.caffemodel", "caffe/export.json"),
                StageId.QUANTIZE, files("nnie/*.cfg", "nnie/mean.txt", "nnie/imageList.txt")));
        t.put(StageId.DEPLOY, reads(
                StageId.TRAIN, files("model/model.json"),
                StageId.WK, files("nnie/*.wk")));
        // the report shows each stage's summary files, a few pictures of the dataset and of what clean
        // dropped, and links to the stages' own pages; it runs in every run (Planner.runsEveryRun)
        t.put(StageId.REPORT, reads(
                StageId.CLEAN, files("clean/report.json", "clean/report.html", "clean/thumbs/*"),
                StageId.SPLIT, files("dataset/**"),
                StageId.TRAIN, files("model/**"),
                StageId.EXPORT, files("caffe/*"),
                StageId.VERIFY, files("caffe/verify.json"),
                StageId.QUANTIZE, files("nnie/**"),
                StageId.WK, files("nnie/*.wk", "nnie/mapper.log"),
                StageId.DEPLOY, files("deploy/deploy.json")));
        return t;
    }

    /** Upstream stage -> what of it the stage reads, in pipeline order. */
    public static Map<StageId, Read> of(StageId reader) {
        return TABLE.get(reader);
    }

    /** The stages whose outputs a stage reads, in pipeline order. */
    public static List<StageId> upstreamOf(StageId reader) {
        return List.copyOf(TABLE.get(reader).keySet());
    }

    private static Matching files(String... patterns) {
        return new Matching(Arrays.stream(patterns).map(OutputPattern::of).toList());
    }

    private static Map<StageId, Read> reads(Object... pairs) {
        Map<StageId, Read> m = new EnumMap<>(StageId.class);
        for (int i = 0; i < pairs.length; i += 2) m.put((StageId) pairs[i], (Read) pairs[i + 1]);
        return Collections.unmodifiableMap(m);
    }
}
