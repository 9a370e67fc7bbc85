package io.wkforge.stages.train;

import java.nio.file.Path;

/**
 * One labelled image of the dataset.
 *
 * @param name the path relative to the out dir ({@code dataset/train/01_a/x.png}), for messages
 */
record Sample(Path file, int label, String name) {}
