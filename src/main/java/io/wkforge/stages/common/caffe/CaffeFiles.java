package io.wkforge.stages.common.caffe;

import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;

/**
 * The files export writes into {@code caffe/} and the stages after it read: their names, and
 * their paths relative to the out dir as a stage asks its context for them.
 */
public final class CaffeFiles {
    public static final String PROTOTXT = "model.prototxt";
    public static final String CAFFEMODEL = "model.caffemodel";
    /** export.json, read through {@link ExportSummary}. */
    public static final String SUMMARY = "export.json";
    public static final String GRAPH = "graph.html";

    private CaffeFiles() {}

    /** {@code caffe/<name>}: where export commits a file of it. */
    public static String relPath(String name) {
        return Layout.dirOf(StageId.EXPORT) + "/" + name;
    }
}
