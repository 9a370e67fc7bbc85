package io.wkforge.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.wkforge.lang.Recipes;
import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.check.Checker;
import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.DiagnosticJson;
import io.wkforge.lang.diag.DiagnosticPrinter;
import io.wkforge.lang.format.Formatter;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.syntax.Parser;
import io.wkforge.lang.syntax.RecipeFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random mutations of the repository's recipes through the whole front end: parse,
 * check, print every diagnostic, format. The only acceptable outcome is diagnostics: no
 * exception, no diagnostic outside the file, and formatting stays idempotent where it applies.
 * The seed is fixed so a failure reproduces; WKFORGE_FUZZ_ITERATIONS raises the count.
 */
class RecipeFuzzTest {
    private static final String[] FRAGMENTS = {
        "{", "}", ";", "\n", " ", "=", "\"", "#", "$", "$epochs", "use", "param", "classes", "videos", "background",
        "1", "-7", "0.5", "1e-4", "1e99999", "99999999999999999999", "20%", "72x72", "0x0", "\"a/*.mp4\"", "sgd",
        "train", "frames", "fps", "mean", "[", "]", ",", ":", "\t", "\r\n", "é", "\u0000", "\"unterminated", "xx", "x"
    };

    @Test
    void mutatedRecipesOnlyEverProduceDiagnostics() throws IOException {
        List<String> seeds = corpus();
        int iterations = Integer.parseInt(System.getenv().getOrDefault("WKFORGE_FUZZ_ITERATIONS", "4000"));
        Random rnd = new Random(20261127);
        ImportResolver resolver = new ImportResolver(Recipes.repoRoot().resolve("stdlib"));
        int withErrors = 0;
        for (int i = 0; i < iterations; i++) {
            String text = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd, 1 + rnd.nextInt(6));
            SourceFile src = new SourceFile("fuzz" + i + ".recipe", Recipes.repoRoot().resolve("recipes/fuzz.recipe"), text);
            try {
                CheckResult r = Checker.check(src, Checker.Options.DEFAULT, resolver);
                for (Diagnostic d : r.diagnostics()) {
                    DiagnosticPrinter.render(d);
                    if (d.source() != null) {
                        assertTrue(d.span().start() >= 0 && d.span().end() <= d.source().text().length(), d::toString);
                    }
                }
                DiagnosticJson.report(r.diagnostics());
                if (r.hasErrors()) withErrors++;
                RecipeFile parsed = Parser.parse(src);
                if (parsed.ok()) {
                    String once = Formatter.format(parsed);
                    RecipeFile reparsed = Parser.parse(SourceFile.of("f", once));
                    assertTrue(reparsed.ok(), () -> "formatting broke a valid file:\n" + text + "\n---\n" + once);
                    assertEquals(once, Formatter.format(reparsed), () -> "not idempotent for:\n" + text);
                }
            } catch (RuntimeException | StackOverflowError e) {
                fail("iteration " + i + " crashed on:\n" + text, e);
            }
        }
        assertTrue(withErrors > iterations / 10, "the mutations should actually break recipes");
    }

    private static List<String> corpus() throws IOException {
        Path root = Recipes.repoRoot();
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Stream.concat(Files.walk(root.resolve("recipes")), Files.walk(root.resolve("stdlib")))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".recipe")).toList()) out.add(Files.readString(p));
        }
        out.add(Recipes.ACCEPTANCE);
        return out;
    }

    private static String mutate(String text, Random rnd, int edits) {
        StringBuilder sb = new StringBuilder(text);
        for (int e = 0; e < edits; e++) {
            int pos = sb.length() == 0 ? 0 : rnd.nextInt(sb.length());
            switch (rnd.nextInt(5)) {
                case 0 -> sb.insert(pos, FRAGMENTS[rnd.nextInt(FRAGMENTS.length)]);
                case 1 -> sb.delete(pos, Math.min(sb.length(), pos + 1 + rnd.nextInt(12)));
                case 2 -> { // duplicate a line elsewhere
                    int start = pos > 0 ? sb.lastIndexOf("\n", pos - 1) + 1 : 0;
                    int end = sb.indexOf("\n", pos);
                    if (end < 0) end = sb.length();
                    if (end < start) end = start;
                    String line = sb.substring(start, end);
                    sb.insert(rnd.nextInt(sb.length() + 1), "\n" + line + "\n");
                }
                case 3 -> { // swap a character
                    if (sb.length() > 0) sb.setCharAt(pos, (char) (32 + rnd.nextInt(95)));
                }
                default -> sb.setLength(pos); // truncate
            }
        }
        return sb.toString();
    }
}
