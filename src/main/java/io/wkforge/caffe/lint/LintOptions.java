package io.wkforge.caffe.lint;

/**
 * @param imageInput true when the network's first input is an image the board feeds as U8
 *                   (image_type u8/yuv): then it must have 1 or 3 channels. False for a feature
 *                   map input (image_type 0).
 */
public record LintOptions(NnieTarget target, boolean imageInput) {
    public static LintOptions defaults() {
        return new LintOptions(NnieTarget.standard(), true);
    }
}
