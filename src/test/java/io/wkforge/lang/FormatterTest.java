package io.wkforge.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.format.Formatter;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.syntax.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FormatterTest {
    static String fmt(String text) {
        return Formatter.format(Parser.parse(SourceFile.of("t.recipe", text)));
    }

    @Test
    void canonicalLayout() {
        String in = "use \"a\"\nparam x = 1\nframes { fps 1; format png }\nsplit   {\n      val    10%\n}\n";
        assertEquals("use \"a\"\n\nparam x = 1\n\nframes {\n  fps 1\n  format png\n}\n\nsplit {\n  val 10%\n}\n", fmt(in));
    }

    @Test
    void keepsEveryCommentInPlace() {
        String in = "# header\n\n# about frames\nframes { # open\n  fps 1  # one\n  # before format\n  format png\n  # last\n} # close\n# end\n";
        String out = fmt(in);
        assertEquals("# header\n\n# about frames\nframes {  # open\n  fps 1  # one\n  # before format\n  format png\n  # last\n}  # close\n\n# end\n", out);
    }

    @Test
    void alignsClassRowsInColumns() {
        String out = fmt("classes {\n 1 kitchen mushroom videos \"a\"\n 21 other background videos \"b\" background\n}\n");
        assertEquals("classes {\n   1 kitchen mushroom   videos \"a\"\n  21 other   background videos \"b\" background\n}\n", out);
    }

    @Test
    void keepsTheSpellingOfNumbersAndSingleBlankLines() {
        String out = fmt("quantize {\n  data_scale 0.0078431372549019607843137254902\n\n\n\n  log_level 0\n}\n");
        assertEquals("quantize {\n  data_scale 0.0078431372549019607843137254902\n\n  log_level 0\n}\n", out);
    }

    @Test
    void isIdempotent() {
        String once = fmt(Recipes.ACCEPTANCE);
        assertEquals(once, fmt(once));
    }

    @Test
    void refusesBrokenFiles() {
        assertThrows(IllegalArgumentException.class, () -> fmt("frames {\n  fps = 1\n}\n"));
    }

    /** The repository's own recipes and stdlib fragments are kept formatted. */
    @Test
    void repositoryRecipesAreFormatted() throws IOException {
        Path root = Recipes.repoRoot();
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.walk(root.resolve("recipes")), Files.walk(root.resolve("stdlib")))) {
            files = s.filter(p -> p.toString().endsWith(".recipe")).toList();
        }
        assertTrue(files.size() >= 4);
        for (Path f : files) {
            String text = Files.readString(f);
            assertEquals(text, fmt(text), f + " is not formatted: run ./wkforge fmt " + root.relativize(f));
        }
    }
}
