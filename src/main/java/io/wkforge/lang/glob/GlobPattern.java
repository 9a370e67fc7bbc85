package io.wkforge.lang.glob;

import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.regex.PatternSyntaxException;

/**
 * A video path or pattern as the walk needs it: the folder to start from (the longest literal
 * prefix, so {@code videos/mushroom/*.mp4} lists one folder), the glob for what lies below it,
 * and how deep that glob can reach. Relative text is resolved against the folder of the file
 * that wrote it; {@code ~/} starts at the home folder of the user running wkforge.
 *
 * @param plainFile the file itself when the text has no glob characters, else null
 * @param maxDepth  how many levels below {@code root} the glob can match; MAX_VALUE with {@code **}
 */
public record GlobPattern(String text, Path root, String rest, int maxDepth, Path plainFile) {

    /** @param text a pattern that {@code PathText.invalidPatternReason} accepted */
    public static GlobPattern of(Path base, String text) {
        String relative = text;
        if (text.equals("~") || text.startsWith("~/")) {
            base = Path.of(System.getProperty("user.home"));
            relative = text.length() <= 2 ? "" : text.substring(2);
        }
        if (!hasGlob(relative)) {
            return new GlobPattern(text, null, null, 0, base.resolve(relative).normalize());
        }
        String[] parts = relative.split("/");
        Path root = relative.startsWith("/") ? Path.of("/") : base;
        int i = 0;
        for (; i < parts.length - 1 && !hasGlob(parts[i]); i++) {
            if (!parts[i].isEmpty()) root = root.resolve(parts[i]);
        }
        String rest = String.join("/", Arrays.copyOfRange(parts, i, parts.length));
        int depth = rest.contains("**") ? Integer.MAX_VALUE : parts.length - i;
        return new GlobPattern(text, root, rest, depth, null);
    }

    public static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    public boolean isPlainFile() {
        return plainFile != null;
    }

    /**
     * Matches paths relative to {@link #root()}. {@code **}{@code /} stands for any number of
     * folders, none included, as in git and bash: {@code videos/**}{@code /*.mp4} matches
     * {@code videos/a.mp4} too (Java's own glob wants at least one folder there).
     */
    PathMatcher matcher() {
        try {
            return GlobMatcher.pathMatcher(rest.replace("**/", "{**/,}"));
        } catch (PatternSyntaxException | GlobMatcher.SyntaxError nestedGroup) { // `**/` inside `{...}`: groups do not nest
            return GlobMatcher.pathMatcher(rest);
        }
    }

    /** Identifies the walk: two texts that resolve to the same root and glob walk the same way. */
    String key() {
        return root + "\u0000" + rest;
    }
}
