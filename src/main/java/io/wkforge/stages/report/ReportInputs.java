package io.wkforge.stages.report;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.run.RunSoFar;
import java.nio.file.Path;
import java.util.List;

/**
 * What the report is made from: committed outputs of the stages (any of them may be missing),
 * the class table, and the run so far (which holds the effective settings with their origins).
 */
interface ReportInputs {
    /** A committed output by its path relative to the out dir, or null when no stage produced it. */
    Path file(String relPath);

    /** Committed outputs whose relative path starts with {@code relDir + "/"}, sorted. */
    List<Path> filesUnder(String relDir);

    /** The recipe's name: its file name without .recipe (not the output folder's, which differs under --out). */
    String recipeName();

    List<ClassDef> classes();

    /**
     * What the board app would do wrong with this recipe (a crop it cannot feed, classes it would
     * show under another category), one sentence each; empty when it fits or no target is named.
     */
    default List<String> boardAppWarnings() {
        return List.of();
    }

    /** The run this report is part of: its facts, settings with origins, recipe files and task outcomes. */
    RunSoFar run();
}
