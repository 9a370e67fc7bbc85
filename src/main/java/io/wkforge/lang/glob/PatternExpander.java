package io.wkforge.lang.glob;

/** Turns a pattern into the files it matches: directly, or through a {@link ExpansionCache}. */
public interface PatternExpander {
    Expansion expand(GlobPattern pattern);

    /** The limits its walks keep, for messages. */
    WalkLimits limits();

    /**
     * The expander to use for the patterns of one check. A direct expander answers with one that
     * also remembers, for that check, which paths exist: thousands of patterns under one missing
     * {@code videos/} folder then cost one look at it, not one each.
     */
    default PatternExpander forOneCheck() {
        return this;
    }

    /** Walks the disk every time: for commands that check once. */
    PatternExpander DIRECT = direct(FileAccess.SYSTEM, WalkLimits.DEFAULT);

    static PatternExpander direct(FileAccess fs, WalkLimits limits) {
        return new PatternExpander() {
            @Override
            public Expansion expand(GlobPattern pattern) {
                return pattern.isPlainFile() ? plain(fs, pattern) : new PatternWalk(fs, limits, 0, false).run(pattern);
            }

            @Override
            public WalkLimits limits() {
                return limits;
            }

            @Override
            public PatternExpander forOneCheck() {
                return direct(new ExistenceMemo(fs), limits);
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
