package io.wkforge.lang.check;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.PatternSyntaxException;

/** Whether recipe text can name a file at all on this system (a NUL byte cannot, for one). */
final class PathText {
    private PathText() {}

    /** Why the text is not a path, or null when it is one. */
    static String invalidReason(String text) {
        if (text.isEmpty()) return "the path is empty";
        try {
            Path.of(text.replace("*", "x").replace("?", "x"));
            return null;
        } catch (InvalidPathException e) {
            return "not a valid path (" + e.getReason() + ")";
        }
    }

    /** Why the text is not a path or glob pattern, or null when it is one. */
    static String invalidPatternReason(String text) {
        String path = invalidReason(text);
        if (path != null) return path;
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + text);
            return null;
        } catch (PatternSyntaxException e) {
            return "not a valid pattern (" + e.getDescription() + ")";
        }
    }
}
