package io.wkforge.lang.glob;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The file-system calls a pattern walk makes, behind one seam: tests put failures in it that a
 * real file system only shows to other users or at unlucky moments (a folder without
 * permission, a file deleted between listing and reading).
 */
public interface FileAccess {
    /** The entries of a folder, in any order. */
    List<Path> list(Path dir) throws IOException;

    /**
     * Whether {@code p} leads to something, following links (false for a broken link). Cheaper
     * than {@link #attributes} when the answer is often no: no exception is made.
     */
    boolean exists(Path p);

    /**
     * Whether nothing at all is at {@code p}, not even a broken link: true only when that is
     * certain (false when something is there, or when a folder above may not be searched).
     * Also without an exception, which the common "not recorded yet" case would otherwise pay
     * for every pattern on every check.
     */
    boolean absent(Path p);

    /** Attributes of what {@code p} leads to, following symbolic links. */
    BasicFileAttributes attributes(Path p) throws IOException;

    /** Attributes of the entry itself: a symbolic link is a link. */
    BasicFileAttributes linkAttributes(Path p) throws IOException;

    /**
     * The inode change time in nanoseconds (it moves with permission changes, which the
     * modification time does not), or -1 where the file system does not keep one.
     */
    long changeTime(Path p) throws IOException;

    FileAccess SYSTEM = new FileAccess() {
        @Override
        public List<Path> list(Path dir) throws IOException {
            List<Path> out = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) out.add(p);
            } catch (DirectoryIteratorException e) {
                throw e.getCause(); // a read error part way through the listing
            }
            return out;
        }

        @Override
        public boolean exists(Path p) {
            return p.toFile().exists();
        }

        @Override
        public boolean absent(Path p) {
            return Files.notExists(p, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        public BasicFileAttributes attributes(Path p) throws IOException {
            return Files.readAttributes(p, BasicFileAttributes.class);
        }

        @Override
        public BasicFileAttributes linkAttributes(Path p) throws IOException {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        public long changeTime(Path p) throws IOException {
            try {
                Object t = Files.getAttribute(p, "unix:ctime");
                return t instanceof FileTime ft ? ft.to(java.util.concurrent.TimeUnit.NANOSECONDS) : -1;
            } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
                return -1;
            }
        }
    };
}
