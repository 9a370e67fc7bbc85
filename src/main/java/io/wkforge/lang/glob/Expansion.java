package io.wkforge.lang.glob;

import java.nio.file.Path;
import java.util.List;

/**
 * The files a pattern matched, and what the walk could not see.
 *
 * @param matches        regular files, sorted; each file once, however many links lead to it
 * @param skipped        the first few entries that could not be read, with the reason
 * @param skippedCount   how many entries could not be read in all
 * @param foldersWalked  how many folders were listed (the work the pattern costs)
 * @param stoppedAtLimit the walk reached {@link WalkLimits#stopAt()} folders and stopped: matches may be missing
 * @param stamps         the folders read and the paths found absent, for {@link ExpansionCache}
 * @param racy           a folder changed so recently that its time stamp may not show a change made
 *                       in the same tick: the cache must walk again rather than trust the stamps
 */
public record Expansion(List<Path> matches, List<Skipped> skipped, int skippedCount, int foldersWalked,
                        boolean stoppedAtLimit, List<Stamp> stamps, boolean racy) {

    /** An entry the walk could not read, e.g. {@code /root} ("permission denied"). */
    public record Skipped(Path path, String reason) {}

    static Expansion of(List<Path> matches) {
        return new Expansion(List.copyOf(matches), List.of(), 0, 0, false, List.of(), false);
    }
}
