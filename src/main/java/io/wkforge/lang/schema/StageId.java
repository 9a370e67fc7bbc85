package io.wkforge.lang.schema;

import java.util.Locale;

/**
 * The stages of the pipeline, in execution order. They live in the language layer because the
 * schema says which stage reads which setting: that is what makes cache keys exact.
 */
public enum StageId {
    FRAMES("extract frames from every class video"),
    CLEAN("drop duplicate, blurry and uniform frames"),
    SPLIT("label and split frames into train/val"),
    TRAIN("train the classifier"),
    EXPORT("export the trained network to Caffe"),
    VERIFY("check the Caffe model against the trained one"),
    QUANTIZE("prepare the nnie_mapper inputs (cfg, mean, image list)"),
    WK("run nnie_mapper to produce the .wk"),
    DEPLOY("push the model and app config to the board"),
    REPORT("write report.html");

    private final String summary;

    StageId(String summary) {
        this.summary = summary;
    }

    /** The id users type: {@code frames}, {@code wk}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String summary() {
        return summary;
    }

    public static StageId parse(String text) {
        for (StageId s : values()) {
            if (s.id().equals(text)) return s;
        }
        return null;
    }
}
