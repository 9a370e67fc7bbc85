package io.wkforge.stages.deploy;

import io.wkforge.stages.deploy.DeployException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code via dir PATH}: copies the bundle into a folder the board mounts (an NFS export, an SD
 * card). Each file goes to a temporary name, is flushed to the device and checked, then renamed
 * into place, so the folder never shows a half-written file under a bundle name; SHA256SUMS goes
 * last. Files already there byte for byte are left alone, which is how a re-run after an
 * interrupted copy finishes the job. Afterwards every file is read back and checked again.
 */
final class DirTransport implements Transport {
    static final String PART_SUFFIX = ".wkforge-part";

    private final Path folder;

    DirTransport(Path folder) {
        this.folder = folder;
    }

    @Override
    public String destination() {
        return folder.toString();
    }

    @Override
    public Result push(Bundle bundle, Listener listener) throws DeployException {
        prepareFolder(listener);
        List<String> copied = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        long total = bundle.totalBytes();
        long done = 0;
        for (Bundle.Item item : bundle.items()) {
            Path target = folder.resolve(item.name());
            if (matches(target, item)) {
                unchanged.add(item.name());
            } else {
                copy(bundle.pathOf(item), item, target);
                copied.add(item.name());
                listener.line("copied     " + target);
            }
            done += item.size();
            listener.progress(done, total);
        }
        for (Bundle.Item item : bundle.items()) {
            Path target = folder.resolve(item.name());
            if (!matches(target, item)) {
                throw new DeployException(Kind.CHECKSUM, target + " does not match the bundle after copying (SHA-256 "
                        + shortHash(item.sha256()) + " expected, " + describe(target) + ")",
                        "the device may be failing or another program wrote there; run again, or use another card/folder");
            }
        }
        if (!unchanged.isEmpty()) listener.line("already in place: " + String.join(", ", unchanged));
        return new Result(copied, unchanged, "SHA-256 of every file read back from " + folder, null);
    }

    private void prepareFolder(Listener listener) throws DeployException {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                listener.line("created    " + folder);
            }
            // leftovers of an interrupted copy: never under a bundle name, removed before starting again
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, "." + "*" + PART_SUFFIX)) {
                for (Path p : parts) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw failure("cannot use the folder " + folder, e, 0);
        }
    }

    private void copy(Path source, Bundle.Item item, Path target) throws DeployException {
        Path part = folder.resolve("." + item.name() + PART_SUFFIX);
        try {
            try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(part)) {
                in.transferTo(out);
            }
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                ch.force(true); // on the card/export before it gets the final name
            }
            if (!matches(part, item)) {
                throw new DeployException(Kind.CHECKSUM, "the copy of " + item.name() + " in " + folder
                        + " does not match the bundle (SHA-256 " + shortHash(item.sha256()) + " expected, "
                        + describe(part) + ")", "the device may be failing; run again, or use another card/folder");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // removed by the next run's prepareFolder
            }
            throw failure("cannot copy " + item.name() + " to " + folder, e, item.size());
        }
    }

    private static boolean matches(Path p, Bundle.Item item) {
        try {
            return Files.isRegularFile(p) && Files.size(p) == item.size() && Checksums.sha256(p).equals(item.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(Path p) {
        try {
            return "found " + shortHash(Checksums.sha256(p)) + " over " + Files.size(p) + " bytes";
        } catch (IOException e) {
            return "cannot read it back: " + e.getMessage();
        }
    }

    static String shortHash(String hex) {
        return hex.substring(0, 16) + "...";
    }

    /** Turns an I/O error into the failure a user can act on: disk full, read-only, no permission. */
    private DeployException failure(String what, IOException e, long needed) {
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : String.valueOf(e.getMessage());
        if (reason.contains("No space left") || reason.contains("Disk quota")) {
            return new DeployException(Kind.DISK_FULL, what + ": the disk is full (" + freeSpace() + " free, "
                    + needed / 1024 + " KB needed for this file)", "free space on " + folder + " (or the card), then run again");
        }
        if (reason.contains("Read-only file system")) {
            return new DeployException(Kind.LOCAL, what + ": the folder is on a read-only file system",
                    "mount it writable (an SD card may have its lock switch on), then run again");
        }
        if (e instanceof AccessDeniedException || reason.contains("Permission denied")) {
            return new DeployException(Kind.LOCAL, what + ": permission denied",
                    "give your user write access to " + folder + " (or choose another folder in `via dir`)");
        }
        return new DeployException(Kind.LOCAL, what + ": " + reason, "check that " + folder + " is a writable folder");
    }

    private String freeSpace() {
        try {
            return Files.getFileStore(folder).getUsableSpace() / 1024 + " KB";
        } catch (IOException e) {
            return "unknown space";
        }
    }
}
