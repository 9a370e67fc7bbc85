package io.wkforge.lang.glob;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file system that remembers whether paths exist, for the few milliseconds of one check (one
 * thread): the folders above a class table's patterns are the same for every row. Listings and
 * attributes are not remembered; a walk reads those once anyway.
 */
final class ExistenceMemo implements FileAccess {
    private final FileAccess fs;
    private final Map<Path, Boolean> exists = new HashMap<>();
    private final Map<Path, Boolean> absent = new HashMap<>();

    ExistenceMemo(FileAccess fs) {
        this.fs = fs;
    }

    @Override
    public boolean exists(Path p) {
        return exists.computeIfAbsent(p, fs::exists);
    }

    @Override
    public boolean absent(Path p) {
        return absent.computeIfAbsent(p, fs::absent);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        return fs.list(dir);
    }

    @Override
    public BasicFileAttributes attributes(Path p) throws IOException {
        return fs.attributes(p);
    }

    @Override
    public BasicFileAttributes linkAttributes(Path p) throws IOException {
        return fs.linkAttributes(p);
    }

    @Override
    public long changeTime(Path p) throws IOException {
        return fs.changeTime(p);
    }
}
