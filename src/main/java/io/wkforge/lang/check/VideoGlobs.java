package io.wkforge.lang.check;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.Diagnostics;
import io.wkforge.lang.diag.Severity;
import io.wkforge.lang.glob.Expansion;
import io.wkforge.lang.glob.GlobMatcher;
import io.wkforge.lang.glob.GlobPattern;
import io.wkforge.lang.glob.PatternExpander;
import io.wkforge.lang.glob.WalkLimits;
import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Expands the video paths and patterns of the class table. Patterns use glob syntax ({@code *},
 * {@code ?}, {@code **}, {@code [abc]}, {@code {a,b}}) relative to the file that declared them
 * ({@code ~/} for the home folder); matches are sorted so tasks and splits are deterministic.
 * How the walk treats links, unreadable entries and very large trees: {@code PatternWalk}, and
 * docs/language.md.
 */
public final class VideoGlobs {
    private VideoGlobs() {}

    public static List<Path> expand(ClassDef c, Path recipeDir, String pattern) {
        // a pattern the checker refused (E152, E157) is not tried here either
        if (GlobMatcher.limitReason(pattern) != null || PathText.invalidPatternReason(pattern) != null) return List.of();
        return PatternExpander.DIRECT.expand(GlobPattern.of(baseOf(c, recipeDir), pattern)).matches();
    }

    private static Path baseOf(ClassDef c, Path recipeDir) {
        Path base = c.baseDir() != null ? c.baseDir() : recipeDir;
        return base != null ? base : Path.of("").toAbsolutePath();
    }

    /** All videos of a class, in pattern order, without repeats. */
    public static List<Path> videosOf(ClassDef c, Path recipeDir) {
        List<Path> out = new ArrayList<>();
        for (String p : c.videoPatterns()) {
            for (Path v : expand(c, recipeDir, p)) if (!out.contains(v)) out.add(v);
        }
        return out;
    }

    static boolean hasGlob(String s) {
        return GlobPattern.hasGlob(s);
    }

    static void checkAll(EffectiveRecipe recipe, boolean strict, PatternExpander expander, Diagnostics diags) {
        if (recipe.file() == null) return; // an editor buffer: no folder to look in
        expander = expander.forOneCheck();
        for (ClassDef c : recipe.classes()) {
            for (String pattern : c.videoPatterns()) {
                Span at = patternSpan(c, pattern);
                String tooLarge = GlobMatcher.limitReason(pattern);
                if (tooLarge != null) {
                    diags.add(Diagnostic.of(Code.PATTERN_TOO_LARGE, c.source(), at,
                            "video pattern of class `" + c.name() + "` is not tried: " + tooLarge)
                            .withHelp("name the folder and use one `*` or `**`, e.g. \"videos/kitchen/*.mp4\""));
                    continue;
                }
                String invalid = PathText.invalidPatternReason(pattern);
                if (invalid != null) {
                    diags.add(Diagnostic.of(Code.INVALID_PATH, c.source(), at,
                            "video pattern of class `" + c.name() + "`: " + invalid));
                    continue;
                }
                Expansion e = expander.expand(GlobPattern.of(baseOf(c, recipe.dir()), pattern));
                String what = (hasGlob(pattern) ? "pattern" : "video") + " \"" + pattern + "\" of class `" + c.name() + "`";
                reportWalk(c, at, what, e, expander.limits(), baseOf(c, recipe.dir()), strict, diags);
                if (!e.matches().isEmpty() || e.stoppedAtLimit()) continue;
                String help = "paths are relative to " + (c.baseDir() != null ? c.baseDir() : recipe.dir());
                String nearMiss = nearMiss(baseOf(c, recipe.dir()), pattern);
                if (nearMiss != null) help = nearMiss + "; " + help;
                if (e.skippedCount() > 0) help += "; " + count(e.skippedCount(), "entry", "entries") + " under it could not be read (W153)";
                Diagnostic d = Diagnostic.of(Code.GLOB_MATCHES_NOTHING, c.source(), at, what + " matches no file").withHelp(help);
                diags.add(strict ? d.withSeverity(Severity.ERROR) : d);
            }
        }
    }

    /** How many entries of one folder are compared with a missing name: enough for any video folder. */
    private static final int NEAR_MISS_LISTED = 2_000;

    /**
     * When a folder named by the pattern's literal part does not exist, the existing sibling
     * closest in spelling, as the pattern would read with it: {@code "videos/fractal/*.mp4"} for
     * {@code videos/fractals/*.mp4}. Null when the folders exist or nothing is close.
     */
    static String nearMiss(Path base, String pattern) {
        String relative = pattern;
        if (pattern.startsWith("~/")) {
            base = Path.of(System.getProperty("user.home"));
            relative = pattern.substring(2);
        }
        String[] parts = relative.split("/", -1);
        Path folder = relative.startsWith("/") ? Path.of("/") : base;
        for (int i = 0; i < parts.length - 1 && !hasGlob(parts[i]); i++) {
            if (parts[i].isEmpty() || parts[i].equals(".")) continue;
            Path next = folder.resolve(parts[i]);
            if (java.nio.file.Files.isDirectory(next)) {
                folder = next;
                continue;
            }
            if (parts[i].equals("..") || !java.nio.file.Files.isDirectory(folder)) return null;
            List<String> siblings = new ArrayList<>();
            try (var entries = java.nio.file.Files.list(folder)) {
                entries.limit(NEAR_MISS_LISTED).filter(java.nio.file.Files::isDirectory)
                        .forEach(e -> siblings.add(e.getFileName().toString()));
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                return null;
            }
            String closest = Spelling.closest(parts[i], siblings);
            if (closest == null) return null;
            String[] fixed = parts.clone();
            fixed[i] = closest;
            return "there is no folder `" + parts[i] + "` there; did you mean \"" + (pattern.startsWith("~/") ? "~/" : "")
                    + String.join("/", fixed) + "\"?";
        }
        return null;
    }

    /** What the walk itself met: unreadable entries, and how many folders it took. */
    private static void reportWalk(ClassDef c, Span at, String what, Expansion e, WalkLimits limits, Path base,
                                   boolean strict, Diagnostics diags) {
        String narrow = "start the pattern at the folder that holds the videos, e.g. \"videos/**/*.mp4\"";
        if (e.skippedCount() > 0) {
            String named = e.skipped().stream().map(s -> shown(s.path(), base) + " (" + s.reason() + ")").collect(Collectors.joining(", "));
            int more = e.skippedCount() - e.skipped().size();
            diags.add(Diagnostic.of(Code.PATTERN_SKIPPED_UNREADABLE, c.source(), at,
                    what + " skipped " + count(e.skippedCount(), "entry", "entries") + " that cannot be read: " + named
                            + (more > 0 ? ", and " + more + " more" : ""))
                    .withHelp("everything readable was searched; fix the permissions or links, or narrow the pattern"));
        }
        if (e.stoppedAtLimit()) {
            Diagnostic d = Diagnostic.of(Code.PATTERN_WALK_LIMIT, c.source(), at,
                    what + " stopped after walking " + thousands(e.foldersWalked()) + " folders (the limit): "
                            + (e.matches().isEmpty() ? "no match so far" : "its " + count(e.matches().size(), "match", "matches")
                            + " so far may be incomplete"))
                    .withHelp(narrow);
            diags.add(strict ? d.withSeverity(Severity.ERROR) : d);
        } else if (e.foldersWalked() >= limits.warnAt()) {
            diags.add(Diagnostic.of(Code.PATTERN_WALKS_MANY_FOLDERS, c.source(), at,
                    what + " walks " + thousands(e.foldersWalked()) + " folders")
                    .withHelp(narrow + "; a walk stops at " + thousands(limits.stopAt()) + " folders"));
        }
    }

    /** A path as the recipe's author thinks of it: relative to the recipe's folder when inside it. */
    private static String shown(Path p, Path base) {
        Path abs = p.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        return abs.startsWith(b) && !abs.equals(b) ? b.relativize(abs).toString() : abs.toString();
    }

    private static String count(int n, String one, String many) {
        return thousands(n) + " " + (n == 1 ? one : many);
    }

    private static String thousands(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static Span patternSpan(ClassDef c, String pattern) {
        String rowText = c.source().slice(c.span());
        int at = rowText.indexOf('"' + pattern);
        if (at < 0) return c.span();
        int start = c.span().start() + at;
        // the closing quote may be missing (an unterminated string the parser repaired)
        return new Span(start, Math.min(start + pattern.length() + 2, c.span().end()));
    }
}
