package io.wkforge.lang.glob;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks the folders under a pattern's root and collects the files the glob matches.
 *
 * <ul>
 *   <li>An entry that cannot be read (no permission, an I/O error, a broken link) is skipped and
 *       recorded; the rest of the walk goes on. An entry that disappears between the listing and
 *       the read is simply gone: it is not reported.</li>
 *   <li>Symbolic links are followed (videos often live on another disk behind a link). Each
 *       folder is walked once, however many links lead to it, which also ends loops; each file
 *       is matched once, through the first path that reaches it.</li>
 *   <li>A folder's files are matched before its subfolders are walked, subfolders depth first in
 *       name order, so "first" is the same on every run.</li>
 *   <li>The walk stops after {@link WalkLimits#stopAt()} folders.</li>
 * </ul>
 */
final class PatternWalk {
    private static final String BROKEN_LINK = "broken link";
    private static final Comparator<Path> BY_NAME = Comparator.comparing(p -> p.getFileName().toString());

    /** How close to the walk a modification time may be before the stamp cannot be trusted (see {@link Expansion#racy()}). */
    private final long racyWindowNanos;
    private final FileAccess fs;
    private final WalkLimits limits;

    private final List<Path> matches = new ArrayList<>();
    private final List<Expansion.Skipped> skipped = new ArrayList<>();
    private final List<Stamp> stamps = new ArrayList<>();
    private final Set<Object> walkedFolders = new HashSet<>();
    private final Set<Object> matchedFiles = new HashSet<>();
    private int skippedCount;
    private int foldersWalked;
    private boolean racy;
    private long startNanos;

    private record Folder(Path path, int depth, BasicFileAttributes attrs) {}

    /** Whether the stamps will be used (by a cache): only then are the calls made that only they need. */
    private final boolean forCache;

    PatternWalk(FileAccess fs, WalkLimits limits, long racyWindowNanos, boolean forCache) {
        this.fs = fs;
        this.limits = limits;
        this.racyWindowNanos = racyWindowNanos;
        this.forCache = forCache;
    }

    Expansion run(GlobPattern pattern) {
        startNanos = System.currentTimeMillis() * 1_000_000L;
        Path root = pattern.root();
        if (!fs.exists(root)) { // common in a recipe whose videos are not recorded yet: no exception for it
            stampNearestExisting(root);
            return result();
        }
        BasicFileAttributes rootAttrs;
        try {
            rootAttrs = fs.attributes(root);
        } catch (NoSuchFileException e) {
            stampNearestExisting(root);
            return result();
        } catch (IOException e) {
            skip(root, e);
            stamps.add(Stamp.absent(root));
            return result();
        }
        if (!rootAttrs.isDirectory()) {
            stampFolder(root, rootAttrs);
            return result();
        }
        PathMatcher matcher = pattern.matcher();
        Deque<Folder> toWalk = new ArrayDeque<>();
        toWalk.push(new Folder(root, 0, rootAttrs));
        walkedFolders.add(folderKey(root, rootAttrs));
        boolean stopped = false;
        while (!toWalk.isEmpty()) {
            if (foldersWalked >= limits.stopAt()) {
                stopped = true;
                break;
            }
            Folder folder = toWalk.pop();
            foldersWalked++;
            List<Folder> below = walkOne(folder, pattern.maxDepth(), root, matcher);
            for (int i = below.size() - 1; i >= 0; i--) toWalk.push(below.get(i));
        }
        matches.sort(Comparator.naturalOrder());
        return new Expansion(List.copyOf(matches), List.copyOf(skipped), skippedCount, foldersWalked, stopped,
                List.copyOf(stamps), racy);
    }

    /** Lists one folder: records matches, returns the folders to walk next in name order. */
    private List<Folder> walkOne(Folder folder, int maxDepth, Path root, PathMatcher matcher) {
        List<Path> entries;
        try {
            entries = fs.list(folder.path());
        } catch (NoSuchFileException gone) {
            stamps.add(Stamp.absent(folder.path()));
            return List.of();
        } catch (IOException e) {
            skip(folder.path(), e);
            stamps.add(Stamp.of(folder.path(), folder.attrs(), forCache ? changeTime(folder.path()) : -1));
            return List.of();
        }
        stampFolder(folder.path(), folder.attrs());
        entries.sort(BY_NAME);
        int depth = folder.depth() + 1;
        boolean deepest = depth >= maxDepth;
        List<Folder> below = new ArrayList<>();
        for (Path entry : entries) {
            boolean hit = matcher.matches(root.relativize(entry));
            // at the glob's last level only a match can matter: do not even read the others
            if (deepest && !hit) continue;
            BasicFileAttributes attrs = read(entry, hit);
            if (attrs == null) continue;
            if (attrs.isDirectory()) {
                if (!deepest && walkedFolders.add(folderKey(entry, attrs))) below.add(new Folder(entry, depth, attrs));
            } else if (attrs.isRegularFile() && hit) {
                Object key = attrs.fileKey();
                if (key == null || matchedFiles.add(key)) matches.add(entry.normalize());
            }
        }
        return below;
    }

    /**
     * The pattern's folder does not exist (yet). Stamping the nearest folder that does exist
     * notices when it is created (its parent's time changes) and costs the cache a cheap stat
     * instead of a failing one; a broken link on the way is reported and stamped itself, since
     * mounting the disk it points to changes no folder time.
     */
    private void stampNearestExisting(Path missing) {
        Path first = missing; // the first missing part of the path, below the nearest existing folder
        Path existing = missing.getParent();
        while (existing != null && !fs.exists(existing)) {
            first = existing;
            existing = existing.getParent();
        }
        if (!fs.absent(first)) { // something is there after all: a broken link, or it cannot be looked at
            try {
                if (fs.linkAttributes(first).isSymbolicLink()) {
                    skip(first, BROKEN_LINK);
                    stamps.add(Stamp.absent(first));
                    return;
                }
            } catch (NoSuchFileException e) {
                // gone meanwhile
            } catch (IOException e) { // e.g. a parent folder that may not be searched
                skip(first, e);
                stamps.add(Stamp.absent(first));
                return;
            }
        }
        if (existing == null || !forCache) {
            stamps.add(Stamp.absent(missing));
            return;
        }
        try {
            stampFolder(existing, fs.attributes(existing));
        } catch (IOException e) {
            skip(existing, e);
            stamps.add(Stamp.absent(existing));
        }
    }

    private void stampFolder(Path p, BasicFileAttributes attrs) {
        Stamp stamp = Stamp.of(p, attrs, -1);
        stamps.add(stamp);
        if (stamp.modifiedNanos() > startNanos - racyWindowNanos) racy = true;
    }

    private boolean isLink(Path p) {
        try {
            return fs.linkAttributes(p).isSymbolicLink();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The attributes of what an entry leads to, or null when it cannot be read or is gone. A
     * broken link is reported when it would have matched, or when it could have been a folder to
     * search (a name without an extension, like a link to a disk that is not mounted): a broken
     * {@code modules.conf} on the way to the videos is nobody's concern.
     */
    private BasicFileAttributes read(Path entry, boolean wouldMatch) {
        try {
            return fs.attributes(entry);
        } catch (NoSuchFileException missing) {
            if (isLink(entry) && (wouldMatch || entry.getFileName().toString().indexOf('.') < 0)) {
                skip(entry, BROKEN_LINK);
                stamps.add(Stamp.absent(entry)); // noticed when the disk it points to is mounted
            }
            // otherwise deleted between the listing and now: nothing to match
            return null;
        } catch (IOException e) {
            skip(entry, e);
            return null;
        }
    }

    private long changeTime(Path p) {
        try {
            return fs.changeTime(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Folders are told apart by file key (device and inode), so two links to one folder walk it once. */
    private Object folderKey(Path p, BasicFileAttributes attrs) {
        if (attrs.fileKey() != null) return attrs.fileKey();
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private void skip(Path p, IOException e) {
        skip(p, reason(e));
    }

    private void skip(Path p, String reason) {
        skippedCount++;
        if (skipped.size() < limits.shownSkipped()) skipped.add(new Expansion.Skipped(p, reason));
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            // ELOOP, which Java words for two causes; in a walk that follows links it is a loop
            return fse.getReason().startsWith("Too many levels of symbolic links") ? "link loop" : fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private Expansion result() {
        return new Expansion(List.copyOf(matches), List.copyOf(skipped), skippedCount, foldersWalked, false,
                List.copyOf(stamps), racy);
    }
}
