package io.wkforge.lang.glob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Random;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** The linear glob matcher against Java's own (an independent implementation of the same syntax). */
class GlobMatcherTest {
    private static final String PATTERN_ALPHABET = "ab.*?/[]!-{},\\";
    private static final String NAME_ALPHABET = "ab./-!,{}[]\\";

    @Test
    void agreesWithJavasGlobOnRandomPatternsAndNames() {
        Random rnd = new Random(23);
        int compared = 0;
        for (int i = 0; i < 20_000; i++) {
            String pattern = random(rnd, PATTERN_ALPHABET, 1 + rnd.nextInt(8));
            PathMatcher java;
            try {
                java = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            } catch (PatternSyntaxException e) {
                continue; // invalid for Java: PathText refuses it before any matching
            }
            GlobMatcher ours = GlobMatcher.compile(pattern);
            for (int k = 0; k < 10; k++) {
                String name = random(rnd, NAME_ALPHABET, rnd.nextInt(7));
                if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) continue; // not a relative path Java keeps as written
                boolean expected = java.matches(Path.of(name));
                assertEquals(expected, ours.matches(name), () -> "pattern `" + pattern + "` name `" + name + "`");
                compared++;
            }
        }
        assertTrue(compared > 50_000, "too few comparisons: " + compared);
    }

    @Test
    void theUsualPatterns() {
        assertTrue(GlobMatcher.compile("*.mp4").matches("a.mp4"));
        assertFalse(GlobMatcher.compile("*.mp4").matches("day1/a.mp4"));
        assertTrue(GlobMatcher.compile("**.mp4").matches("day1/a.mp4"));
        assertTrue(GlobMatcher.compile("{**/,}*.mp4").matches("a.mp4"));
        assertTrue(GlobMatcher.compile("{**/,}*.mp4").matches("d/e/a.mp4"));
        assertTrue(GlobMatcher.compile("clip[0-9].{mp4,avi}").matches("clip3.avi"));
        assertFalse(GlobMatcher.compile("clip[!0-9].mp4").matches("clip3.mp4"));
        assertTrue(GlobMatcher.compile("a\\*b").matches("a*b"));
        assertFalse(GlobMatcher.compile("a\\*b").matches("axb"));
    }

    /** 30 stars against 30 long names: Java's backtracking matcher did not finish in a minute. */
    @Test
    void manyStarsStayCheap() {
        GlobMatcher m = GlobMatcher.compile("*".repeat(30) + "z");
        String name = "a".repeat(60) + ".mp4";
        for (int i = 0; i < 30; i++) assertFalse(m.matches(name + i));
        assertTrue(GlobMatcher.compile("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*z").matches("a".repeat(40) + "z"));
    }

    @Test
    void patternsBeyondTheLimitsAreRefusedWithTheReason() {
        assertNull(GlobMatcher.limitReason("videos/**/*.mp4"));
        assertNull(GlobMatcher.limitReason("x/" + "*".repeat(500)), "a run of stars is one wildcard");
        String tooLong = GlobMatcher.limitReason("v/" + "a".repeat(1_000));
        assertNotNull(tooLong);
        assertTrue(tooLong.contains("1,002 characters") && tooLong.contains("1,000"), tooLong);
        String tooWild = GlobMatcher.limitReason("v/" + "*a".repeat(65));
        assertNotNull(tooWild);
        assertTrue(tooWild.contains("65 wildcards; at most 64"), tooWild);
    }

    private static String random(Random rnd, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        return sb.toString();
    }
}
