package io.wkforge.lang.check;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.Diagnostics;
import io.wkforge.lang.diag.Severity;
import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.model.EffectiveRecipe;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the video paths and patterns of the class table. Patterns use glob syntax ({@code *},
 * {@code ?}, {@code **}, {@code [abc]}, {@code {a,b}}) relative to the file that declared them;
 * matches are sorted so tasks and splits are deterministic.
 */
public final class VideoGlobs {
    private VideoGlobs() {}

    public static List<Path> expand(ClassDef c, Path recipeDir, String pattern) {
        if (PathText.invalidPatternReason(pattern) != null) return List.of();
        Path base = c.baseDir() != null ? c.baseDir() : recipeDir;
        if (base == null) base = Path.of("").toAbsolutePath();
        if (!hasGlob(pattern)) {
            Path p = base.resolve(pattern).normalize();
            return Files.isRegularFile(p) ? List.of(p) : List.of();
        }
        // Walk only from the longest literal prefix of the pattern.
        String[] parts = pattern.split("/");
        Path root = pattern.startsWith("/") ? Path.of("/") : base;
        int i = 0;
        for (; i < parts.length - 1 && !hasGlob(parts[i]); i++) {
            if (!parts[i].isEmpty()) root = root.resolve(parts[i]);
        }
        if (!Files.isDirectory(root)) return List.of();
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : parts.length - i;
        List<Path> out = new ArrayList<>();
        Path start = root;
        try (Stream<Path> walk = Files.walk(start, depth)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(start.relativize(p)))
                    .map(Path::normalize)
                    .sorted()
                    .forEach(out::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
        return out;
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
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    static void checkAll(EffectiveRecipe recipe, boolean strict, Diagnostics diags) {
        if (recipe.file() == null) return; // an editor buffer: no folder to look in
        for (ClassDef c : recipe.classes()) {
            for (String pattern : c.videoPatterns()) {
                String invalid = PathText.invalidPatternReason(pattern);
                if (invalid != null) {
                    diags.add(Diagnostic.of(Code.INVALID_PATH, c.source(), patternSpan(c, pattern),
                            "video pattern of class `" + c.name() + "`: " + invalid));
                    continue;
                }
                if (!expand(c, recipe.dir(), pattern).isEmpty()) continue;
                Diagnostic d = Diagnostic.of(Code.GLOB_MATCHES_NOTHING, c.source(), patternSpan(c, pattern),
                        (hasGlob(pattern) ? "pattern" : "video") + " \"" + pattern + "\" of class `" + c.name() + "` matches no file")
                        .withHelp("paths are relative to " + (c.baseDir() != null ? c.baseDir() : recipe.dir()));
                diags.add(strict ? d.withSeverity(Severity.ERROR) : d);
            }
        }
    }

    private static io.wkforge.lang.source.Span patternSpan(ClassDef c, String pattern) {
        String rowText = c.source().slice(c.span());
        int at = rowText.indexOf('"' + pattern);
        if (at < 0) return c.span();
        int start = c.span().start() + at;
        // the closing quote may be missing (an unterminated string the parser repaired)
        return new io.wkforge.lang.source.Span(start, Math.min(start + pattern.length() + 2, c.span().end()));
    }
}
