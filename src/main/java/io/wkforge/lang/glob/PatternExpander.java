package io.wkforge.lang.glob;

/** Turns a pattern into the files it matches: directly, or through a {@link ExpansionCache}. */
public interface PatternExpander {
    Expansion expand(GlobPattern pattern);

    /** The limits its walks keep, for messages. */
    WalkLimits limits();

    /** Walks the disk every time: for commands that check once. */
    PatternExpander DIRECT = direct(FileAccess.SYSTEM, WalkLimits.DEFAULT);

    static PatternExpander direct(FileAccess fs, WalkLimits limits) {
        return new PatternExpander() {
            @Override
            public Expansion expand(GlobPattern pattern) {
                return pattern.isPlainFile() ? plain(fs, pattern) : new PatternWalk(fs, limits, 0).run(pattern);
            }

            @Override
            public WalkLimits limits() {
                return limits;
            }
        };
    }

    /** A path without glob characters: one read, nothing worth caching. */
    static Expansion plain(FileAccess fs, GlobPattern pattern) {
        try {
            if (fs.attributes(pattern.plainFile()).isRegularFile()) return Expansion.of(java.util.List.of(pattern.plainFile()));
        } catch (java.io.IOException e) {
            // missing or unreadable: reported as matching nothing
        }
        return Expansion.of(java.util.List.of());
    }
}
