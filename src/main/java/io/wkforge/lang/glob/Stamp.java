package io.wkforge.lang.glob;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a folder looked like when a walk read it: which folder it was (its file key, so a disk
 * mounted over it or a link pointed elsewhere counts as a change), and when its list of entries
 * last changed. A path that did not exist (or was a broken link) is stamped as absent.
 *
 * @param changeNanos the inode change time, kept only for folders that could not be read (a
 *                    chmod that makes them readable moves it, not the modification time); -1 otherwise
 */
record Stamp(Path path, Object key, long modifiedNanos, long changeNanos) {
    static final long ABSENT = Long.MIN_VALUE;

    static Stamp absent(Path path) {
        return new Stamp(path, null, ABSENT, -1);
    }

    static Stamp of(Path path, BasicFileAttributes attrs, long changeNanos) {
        return new Stamp(path, attrs.fileKey(), attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), changeNanos);
    }

    /** The same path as it is now, read the same way (change time only if this stamp has one). */
    Stamp now(FileAccess fs) {
        try {
            BasicFileAttributes attrs = fs.attributes(path);
            return of(path, attrs, changeNanos == -1 ? -1 : fs.changeTime(path));
        } catch (IOException e) {
            return absent(path);
        }
    }

    boolean isAbsent() {
        return modifiedNanos == ABSENT;
    }
}
