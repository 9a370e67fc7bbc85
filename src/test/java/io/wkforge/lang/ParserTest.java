package io.wkforge.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.syntax.Entry;
import io.wkforge.lang.syntax.Parser;
import io.wkforge.lang.syntax.RecipeFile;
import io.wkforge.lang.syntax.Statement;
import io.wkforge.lang.syntax.Value;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {
    private static RecipeFile parse(String text) {
        return Parser.parse(SourceFile.of("t.recipe", text));
    }

    /** Bytes that are not UTF-8 are refused; a U+FFFD written in the file is text like any other. */
    @Test
    void readingTellsBadBytesFromAWrittenReplacementCharacter(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path bad = java.nio.file.Files.write(dir.resolve("bad.recipe"), new byte[] {'#', ' ', (byte) 0xC3, '(', '\n'});
        org.junit.jupiter.api.Assertions.assertThrows(java.nio.charset.MalformedInputException.class, () -> SourceFile.read(bad));
        java.nio.file.Path written = java.nio.file.Files.writeString(dir.resolve("ok.recipe"), "# \uFFFD caf\u00e9\n");
        assertEquals("# \uFFFD caf\u00e9\n", SourceFile.read(written).text());
        assertEquals(2, SourceFile.read(written).lineCount());
    }

    @Test
    void acceptanceRecipeParsesWithoutErrors() {
        RecipeFile f = parse(Recipes.ACCEPTANCE);
        assertTrue(f.ok(), () -> f.syntaxErrors().toString());
        assertEquals(9, f.blocks().size());
        assertInstanceOf(Statement.UseDecl.class, f.statements().get(0));
        assertEquals(1, f.comments().size());
    }

    @Test
    void everyLiteralKindKeepsItsValueAndSpelling() {
        RecipeFile f = parse("b { k 42 0.05 1e-4 20% 72x64 \"a \\\"q\\\"\" sgd $p -3 }\n");
        List<Value> v = f.blocks().get(0).entries().get(0).values();
        assertEquals(42L, ((Value.IntLit) v.get(0)).longValue());
        assertEquals(new BigDecimal("0.05"), ((Value.DecimalLit) v.get(1)).value());
        assertEquals("1e-4", v.get(2).text());
        assertEquals(0, new BigDecimal("0.2").compareTo(((Value.PercentLit) v.get(3)).fraction()));
        assertEquals(72, ((Value.SizeLit) v.get(4)).width());
        assertEquals(64, ((Value.SizeLit) v.get(4)).height());
        assertEquals("a \"q\"", ((Value.StringLit) v.get(5)).value());
        assertEquals("sgd", ((Value.IdentLit) v.get(6)).name());
        assertEquals("p", ((Value.ParamRef) v.get(7)).name());
        assertEquals(-3L, ((Value.IntLit) v.get(8)).longValue());
    }

    @Test
    void charactersBeyondU_FFFFDoNotMoveLaterPositions() {
        // ANTLR counts code points, spans count UTF-16 units: an emoji is one of the first, two of the second
        String text = "# \uD83D\uDE00 note\nframes { fps \"\uD83D\uDE00\uD83D\uDE00\" 2 }\n";
        RecipeFile f = parse(text);
        Entry e = f.blocks().get(0).entries().get(0);
        assertEquals("fps", text.substring(e.key().span().start(), e.key().span().end()));
        assertEquals("2", text.substring(e.values().get(1).span().start(), e.values().get(1).span().end()));
        assertEquals("# \uD83D\uDE00 note", f.comments().get(0).text());
        RecipeFile broken = parse("frames { fps \"\uD83D\uDE00\" \n = }\n");
        assertEquals(2, broken.syntaxErrors().get(0).line());
        assertEquals(2, broken.syntaxErrors().get(0).column());
    }

    @Test
    void semicolonsAndInlineBlocksSeparateSettings() {
        RecipeFile f = parse("frames { fps 1; format png }\nsplit {\n val 10%;; by video\n}\n");
        assertTrue(f.ok());
        assertEquals(List.of("fps", "format"), f.blocks().get(0).entries().stream().map(e -> e.key().text()).toList());
        assertEquals(2, f.blocks().get(1).entries().size());
    }

    @Test
    void classRowsAreEntriesKeyedByTheirId() {
        RecipeFile f = parse("classes {\n  1 scene \"mega mind\" videos \"a.avi\" background\n}\n");
        Entry row = f.blocks().get(0).entries().get(0);
        assertEquals("1", row.key().text());
        assertEquals(5, row.values().size());
    }

    @Test
    void recoversAndReportsSeveralErrorsWithPositions() {
        RecipeFile f = parse("frames {\n  fps = 2\n}\nsplit {\n  val 10%\n  { nested }\n}\ntrain resnet18 {\n  epochs 3\n}\n");
        assertTrue(f.syntaxErrors().size() >= 2, () -> f.syntaxErrors().toString());
        Diagnostic first = f.syntaxErrors().get(0);
        assertEquals(2, first.line());
        assertEquals(7, first.column());
        // the block after the errors is still in the tree
        assertTrue(f.blocks().stream().anyMatch(b -> b.name().text().equals("train")));
    }

    @Test
    void aMissingClosingBraceCostsOneErrorAndKeepsThePartialBlock() {
        RecipeFile f = parse("frames {\n  fps 2\nsplit {\n  val 10%\n}\ntrain resnet18 {\n  epochs 1\n  optimizer\n");
        assertEquals(List.of("block `frames` is never closed", "block `train` is never closed"),
                f.syntaxErrors().stream().map(Diagnostic::message).toList());
        assertEquals(List.of("frames", "split", "train"), f.blocks().stream().map(b -> b.name().text()).toList());
        assertEquals(2, f.blocks().get(2).entries().size(), "the block being typed keeps its entries");
    }

    @Test
    void aBlockWithTwoLabelsIsOneError() {
        RecipeFile f = parse("train resnet18 extra {\n  epochs 3\n}\n");
        assertEquals(1, f.syntaxErrors().size(), f.syntaxErrors()::toString);
        assertEquals("block `train` takes at most one label", f.syntaxErrors().get(0).message());
        assertEquals(1, f.blocks().get(0).entries().size());
    }

    @Test
    void unknownCharacterIsReportedOnceWithAHint() {
        RecipeFile f = parse("preprocess {\n  mean [1, 2, 3]\n}\n");
        assertTrue(f.syntaxErrors().stream().allMatch(d -> d.code() == Code.UNEXPECTED_CHARACTER), f.syntaxErrors()::toString);
        assertTrue(f.syntaxErrors().get(0).help().contains("separated by spaces"));
    }

    @Test
    void unterminatedStringIsOneErrorAndParsingGoesOn() {
        RecipeFile f = parse("deploy taurus {\n  via dir \"out/board\n  port 22\n}\n");
        assertEquals(1, f.syntaxErrors().size(), f.syntaxErrors()::toString);
        assertEquals(Code.UNTERMINATED_STRING, f.syntaxErrors().get(0).code());
        assertEquals(2, f.blocks().get(0).entries().size());
    }

    @Test
    void syntaxErrorsAreCappedPerFile() {
        String junk = "a {\n" + "  }}} ===\n".repeat(100) + "}\n";
        RecipeFile f = parse(junk);
        assertEquals(Parser.MAX_SYNTAX_ERRORS + 1, f.syntaxErrors().size());
        assertEquals(Code.TOO_MANY_ERRORS, f.syntaxErrors().get(Parser.MAX_SYNTAX_ERRORS).code());
    }

    @Test
    void emptyAndCommentOnlyFilesAreFine() {
        assertTrue(parse("").ok());
        assertTrue(parse("# nothing\n\n# here").ok());
    }
}
