package io.wkforge.run;

import io.wkforge.plan.Layout;
import io.wkforge.plan.Stamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a run does first, holding the folder's lock, so that whatever an earlier run left behind
 * (killed mid-commit, power lost) is made consistent before anything is decided: journaled
 * commits are finished or undone, staging is cleared, and files in stage folders that no stamp
 * owns are deleted (they could otherwise leak into a later stage, e.g. a stray image in
 * {@code dataset/train/}).
 */
final class Recovery {
    private final Layout layout;
    private final StampStore store;
    private final Committer committer;
    private final RunListener listener;

    Recovery(Layout layout, StampStore store, Committer committer, RunListener listener) {
        this.layout = layout;
        this.store = store;
        this.committer = committer;
        this.listener = listener;
    }

    void run() throws IOException {
        finishOrUndoCommits();
        AtomicFiles.deleteTree(layout.stagingRoot());
        deleteHalfWrittenStateFiles();
        deleteUnownedFiles();
    }

    /** Temporary files of stamp or journal writes that a kill cut short (the real file was never replaced). */
    private void deleteHalfWrittenStateFiles() throws IOException {
        for (Path dir : List.of(layout.stampsDir(), layout.journalDir())) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path f : walk.filter(p -> p.toString().endsWith(".tmp")).toList()) Files.deleteIfExists(f);
            }
        }
    }

    private void finishOrUndoCommits() throws IOException {
        for (Path file : committer.journals()) {
            Committer.Journal j;
            try {
                j = Committer.Journal.fromMap(Yaml.read(file), layout);
            } catch (IOException | RuntimeException unreadable) {
                j = null;
            }
            if (j == null) {
                // written by rename, so never half a file: this one is damaged, and its commit cannot be known
                Files.deleteIfExists(file);
                continue;
            }
            String task = j.stamp().taskId();
            Stamp onDisk = store.stamp(task);
            if (onDisk != null && onDisk.key().equals(j.stamp().key()) && onDisk.outputHash().equals(j.stamp().outputHash())) {
                committer.apply(j); // only the clean-up steps were left; repeating the rest is harmless
                continue;
            }
            if (committer.canFinish(j)) {
                committer.apply(j);
                listener.recovered("finished the commit of " + task + " that an earlier run left half done");
            } else {
                committer.rollBack(j);
                listener.recovered("undid the commit of " + task + " that an earlier run left half done; it will run again");
            }
        }
    }

    private void deleteUnownedFiles() throws IOException {
        Set<String> owned = new HashSet<>();
        for (Stamp s : store.all()) owned.addAll(s.outputs().keySet());
        int deleted = 0;
        for (String folder : Layout.outputFolders()) {
            Path root = layout.outDir().resolve(folder);
            if (!Files.isDirectory(root)) continue;
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> !Files.isDirectory(p)).toList();
            }
            for (Path f : files) {
                String rel = layout.outDir().relativize(f).toString().replace('\\', '/');
                if (owned.contains(rel)) continue;
                Files.deleteIfExists(f);
                deleted++;
            }
            if (deleted > 0) {
                AtomicFiles.deleteEmptyFolders(root);
                try {
                    Files.delete(root);
                } catch (java.nio.file.DirectoryNotEmptyException kept) {
                    // holds outputs
                }
            }
        }
        if (deleted > 0) {
            listener.recovered("deleted " + deleted + " file" + (deleted == 1 ? "" : "s")
                    + " in stage folders that no finished task owns (left by an interrupted run)");
        }
    }
}
