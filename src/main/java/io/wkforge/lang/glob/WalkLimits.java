package io.wkforge.lang.glob;

/**
 * How far one pattern may walk. A pattern such as {@code /**&#47;*.mp4} or {@code ~/**&#47;*.mp4}
 * would otherwise list every folder of the machine or the home folder (minutes on a cold disk):
 * past {@code warnAt} folders the checker warns with the count, at {@code stopAt} the walk
 * stops and says so. Documented in docs/language.md ("Video paths and patterns").
 *
 * @param shownSkipped how many unreadable entries a warning names before "and N more"
 */
public record WalkLimits(int warnAt, int stopAt, int shownSkipped) {
    /** About a second of walking on a warm disk for the limit, measured on /usr (17,500 folders in 1.8 s). */
    public static final WalkLimits DEFAULT = new WalkLimits(1_000, 10_000, 3);
}
