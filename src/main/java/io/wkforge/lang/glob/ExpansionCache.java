package io.wkforge.lang.glob;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Remembers each pattern's expansion for a long-lived process (the language server, which checks
 * on every keystroke). An expansion is used again only while every folder the walk read has the
 * same identity and modification time (adding, removing or renaming an entry changes its
 * folder's time), every path that was absent is still absent, and the folders that could not be
 * read have the same change time; otherwise the pattern is walked again. Checking costs one
 * stat per folder instead of a listing plus one stat per entry.
 *
 * <p>Thread-safe. Holds at most {@link #MAX_PATTERNS} patterns, dropping the least recently used.
 */
public final class ExpansionCache implements PatternExpander {
    static final int MAX_PATTERNS = 20_000;
    /** Coarser than any file system's time stamps (FAT keeps 2 s): a folder changed this recently is walked again. */
    static final long DEFAULT_RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final FileAccess fs;
    private final WalkLimits limits;
    private final long racyWindowNanos;
    private final Map<String, Expansion> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Expansion> eldest) {
            return size() > MAX_PATTERNS;
        }
    };
    private long walks;

    public ExpansionCache() {
        this(FileAccess.SYSTEM, WalkLimits.DEFAULT, DEFAULT_RACY_WINDOW_NANOS);
    }

    public ExpansionCache(FileAccess fs, WalkLimits limits, long racyWindowNanos) {
        this.fs = fs;
        this.limits = limits;
        this.racyWindowNanos = racyWindowNanos;
    }

    @Override
    public Expansion expand(GlobPattern pattern) {
        if (pattern.isPlainFile()) return PatternExpander.plain(fs, pattern);
        String key = pattern.key();
        Expansion known;
        synchronized (entries) {
            known = entries.get(key);
        }
        if (known != null && stillValid(known)) return known;
        Expansion fresh = new PatternWalk(fs, limits, racyWindowNanos, true).run(pattern);
        synchronized (entries) {
            entries.put(key, fresh);
            walks++;
        }
        return fresh;
    }

    @Override
    public WalkLimits limits() {
        return limits;
    }

    private boolean stillValid(Expansion e) {
        if (e.racy()) return false;
        List<Stamp> stamps = e.stamps();
        for (Stamp s : stamps) {
            if (!s.now(fs).equals(s)) return false;
        }
        return true;
    }

    /** How many walks the cache has made: for tests and the latency benchmark. */
    public long walks() {
        synchronized (entries) {
            return walks;
        }
    }
}
