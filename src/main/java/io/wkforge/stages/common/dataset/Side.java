package io.wkforge.stages.common.dataset;

/** The two sides of the split, named as their folders under {@code dataset/}. */
public enum Side {
    TRAIN, VAL;

    public String folder() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
