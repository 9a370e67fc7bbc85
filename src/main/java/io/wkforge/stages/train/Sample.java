package io.wkforge.stages.train;

import java.nio.file.Path;

/**
 * One labelled image of the dataset.
 *
 * @param name the path as the split's meta file writes it ({@code folder/file}), for messages
 */
record Sample(Path file, int label, String name) {}
