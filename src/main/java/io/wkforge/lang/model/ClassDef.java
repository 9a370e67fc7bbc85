package io.wkforge.lang.model;

import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.nio.file.Path;
import java.util.List;

/**
 * One row of the class table.
 *
 * @param videoPatterns paths or globs as written, relative to {@code baseDir}
 */
public record ClassDef(int id, String nature, String name, List<String> videoPatterns, boolean background,
                       Path baseDir, SourceFile source, Span span) {

    /** {@code NN_nature_name}: the seed's folder and file-name prefix, e.g. {@code 01_kitchen_mushroom}. */
    public String folderName() {
        // not String.format: this runs for every task of every run, and the formatter is slow to warm up
        return (id >= 0 && id < 10 ? "0" : "") + id + "_" + nature + "_" + name;
    }

    /** The index the network uses for this class (ids start at 1, indices at 0). */
    public int index() {
        return id - 1;
    }
}
