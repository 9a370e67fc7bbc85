package io.wkforge.lang;

import static io.wkforge.lang.Recipes.CLASSES;
import static io.wkforge.lang.Recipes.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.format.Formatter;
import io.wkforge.lang.schema.BlockSpec;
import io.wkforge.lang.schema.Schema;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.schema.Slot;
import io.wkforge.lang.schema.ValueType;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.syntax.Parser;
import io.wkforge.lang.syntax.RecipeFile;
import io.wkforge.lang.syntax.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every numeric literal is a value or one clear error, whatever its size (issue 14): the
 * decisions documented under "Numbers" in docs/language.md, one by one.
 */
class NumberLiteralTest {
    @TempDir
    Path dir;

    @BeforeEach
    void videos() {
        Recipes.touch(dir, "v/tree.avi", "v/bg.avi");
    }

    private static Value only(String literal) {
        RecipeFile f = Parser.parse(SourceFile.of("t.recipe", "b { k " + literal + " }\n"));
        List<Value> values = f.blocks().get(0).entries().get(0).values();
        assertEquals(1, values.size(), () -> literal + " -> " + values);
        return values.get(0);
    }

    private static List<Diagnostic> syntaxErrors(String literal) {
        return Parser.parse(SourceFile.of("t.recipe", "b { k " + literal + " }\n")).syntaxErrors();
    }

    /** The one diagnostic of a recipe whose train block sets {@code setting}. */
    private Diagnostic trainFinding(String setting) {
        CheckResult r = Recipes.check(dir, CLASSES + "train resnet18 {\n  " + setting + "\n}\n");
        assertEquals(1, r.diagnostics().size(), () -> setting + ": " + r.diagnostics());
        return r.diagnostics().get(0);
    }

    @Test
    void minusZeroIsTheIntegerZero() {
        Value.IntLit v = assertInstanceOf(Value.IntLit.class, only("-0"));
        assertEquals(BigInteger.ZERO, v.value());
        assertEquals("-0", v.text(), "the spelling is kept");
        assertEquals(0, Recipes.check(dir, CLASSES + "split { seed -0 }\n").recipe().setting("split.seed").asLong());
        Value.DecimalLit d = assertInstanceOf(Value.DecimalLit.class, only("-0.0"));
        assertEquals(0, d.value().signum());
    }

    @Test
    void integersOfAnySizeAreExactAndOutOfRangeOnesGetE105WithTheirPlace() {
        String forty = "1234567890123456789012345678901234567890";
        Value.IntLit v = assertInstanceOf(Value.IntLit.class, only(forty));
        assertEquals(new BigInteger(forty), v.value());
        Diagnostic d = trainFinding("epochs " + forty);
        assertEquals("E105", d.codeId());
        assertEquals(6, d.line());
        assertEquals(10, d.column());
        assertTrue(d.message().contains("at most 100000, found " + forty), d.message());
        assertEquals("E105", trainFinding("epochs -" + forty).codeId());
        assertEquals("E105", trainFinding("momentum " + forty).codeId(), "an integer where a number goes");
    }

    @Test
    void exponentsOfAnySizeGiveTheRangeErrorNotACrash() {
        for (String huge : List.of("1e9999999999", "1e99999999999999999999999999", "-2.5E+4000000000", "1e400")) {
            Value.DecimalLit v = assertInstanceOf(Value.DecimalLit.class, only(huge));
            assertEquals(huge, v.text());
            Diagnostic d = trainFinding("lr " + huge);
            assertEquals("E105", d.codeId(), huge);
            assertEquals(6, d.line());
            assertEquals(6, d.column());
        }
        // tiny but not zero: in the range exactly, yet a 64-bit float would make it 0
        for (String tiny : List.of("1e-400", "1e-9999999999", "0.5e-99999999999999999999")) {
            Value.DecimalLit v = assertInstanceOf(Value.DecimalLit.class, only(tiny));
            assertEquals(1, v.value().signum(), tiny + " stays positive");
            Diagnostic d = trainFinding("lr " + tiny);
            assertEquals("E105", d.codeId());
            assertTrue(d.message().contains("too close to 0 for a 64-bit float"), d.message());
        }
        assertEquals(0, ((Value.DecimalLit) only("0e99999999999")).value().signum(), "zero with any exponent is zero");
        assertEquals(0, new BigDecimal("1.5e-4").compareTo(((Value.DecimalLit) only("1.5e-4")).value()));
        assertEquals(0, new BigDecimal("12.5e3").compareTo(((Value.DecimalLit) only("12.5e3")).value()));
    }

    @Test
    void aParamCarriesItsHugeValueToTheUseSiteWhereTheRangeIsReported() {
        CheckResult r = Recipes.check(dir, CLASSES + "param big = 1e9999999999\ntrain resnet18 {\n  lr $big\n}\n");
        assertEquals(List.of("E105"), codes(r));
        assertEquals(7, r.diagnostics().get(0).line(), "at `$big`");
    }

    @Test
    void hexIsNotSupported_0x10IsASizeAnd0xffAMalformedNumber() {
        Value.SizeLit size = assertInstanceOf(Value.SizeLit.class, only("0x10"));
        assertEquals(0, size.width());
        assertEquals(10, size.height());
        Diagnostic d = trainFinding("batch 0x10");
        assertEquals("E104", d.codeId());
        assertTrue(d.help().contains("no hexadecimal numbers") && d.help().contains("write `16`"), d.help());

        List<Diagnostic> errors = syntaxErrors("0xff");
        assertEquals(List.of("E005"), errors.stream().map(Diagnostic::codeId).toList());
        assertTrue(errors.get(0).message().contains("hexadecimal"), errors.get(0).message());
        assertEquals("write it in decimal: `255`", errors.get(0).help());
        Diagnostic one = trainFinding("batch 0xff");
        assertEquals("E005", one.codeId(), "one error, not a second one about the repaired value");
    }

    @Test
    void aTrailingOrLeadingPointIsAClearSyntaxError() {
        Diagnostic d = syntaxErrors("1.").get(0);
        assertEquals("E005", d.codeId());
        assertEquals("`1.` is not a number: a decimal point needs digits after it", d.message());
        assertEquals("write `1` or `1.0`", d.help());
        assertEquals(7, d.column());
        assertEquals("write `0.5`", syntaxErrors(".5").get(0).help());
        assertEquals("write `-0.5`", syntaxErrors("-.5").get(0).help());
        // the repair stands in for the value, so the setting gets no second error
        assertEquals(List.of("E005"), codes(Recipes.check(dir, CLASSES + "train resnet18 {\n  momentum 1.\n}\n")));
    }

    @Test
    void aDecimalCommaIsOneErrorThatSaysPoint() {
        CheckResult r = Recipes.check(dir, CLASSES + "train resnet18 {\n  lr 0,01\n}\n");
        assertEquals(List.of("E005"), codes(r), () -> r.diagnostics().toString());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals("`0,01` is not a number: a decimal uses a point", d.message());
        assertEquals("write `0.01`", d.help());
        assertEquals(6, d.column());
        // a comma list is not taken for a decimal: the stray comma says how lists are written
        List<Diagnostic> list = Recipes.check(dir, CLASSES + "preprocess {\n  mean 1,2,3\n}\n").diagnostics();
        assertTrue(list.stream().anyMatch(e -> e.codeId().equals("E002") && e.help().contains("separated by spaces")), list::toString);
        assertTrue(list.stream().noneMatch(e -> e.codeId().equals("E005")), list::toString);
    }

    @Test
    void otherMalformedNumbersAreOneErrorEach() {
        for (String bad : List.of("1.2.3", "127.0.0.1", "32px", "1e", "2epochs", "256x256x3", "1x", "-1x2")) {
            List<Diagnostic> errors = syntaxErrors(bad);
            assertEquals(1, errors.size(), () -> bad + ": " + errors);
            assertEquals("E005", errors.get(0).codeId(), bad);
            assertTrue(errors.get(0).message().startsWith("`" + bad + "` is not a number"), errors.get(0).message());
        }
        assertTrue(syntaxErrors("127.0.0.1").get(0).help().contains("\"127.0.0.1\""));
    }

    @Test
    void sizesAndPercentagesOfAnySize() {
        Value.SizeLit s = assertInstanceOf(Value.SizeLit.class, only("99999999999999999999x2"));
        assertEquals(Integer.MAX_VALUE, s.width(), "held at the int limit, far beyond every size range");
        CheckResult r = Recipes.check(dir, CLASSES + "preprocess { resize 99999999999999999999x256 }\n");
        assertEquals(List.of("E105"), codes(r));
        String manyDigits = "0." + "0".repeat(500) + "1%";
        assertInstanceOf(Value.PercentLit.class, only(manyDigits));
        assertEquals(List.of("E105"), codes(Recipes.check(dir, CLASSES + "split { val " + manyDigits + " }\n")));
        assertEquals(List.of("E105"), codes(Recipes.check(dir, CLASSES + "split { val 1" + "0".repeat(400) + "% }\n")));
    }

    @Test
    void everySizeAndIntegerRangeIsFarBelowWhereLiteralsAreHeld() {
        // sides beyond an int are held as Integer.MAX_VALUE: that must never pass a range
        for (BlockSpec b : Schema.blocks()) {
            for (SettingSpec s : b.allSettings()) {
                for (Slot slot : s.slots()) {
                    if (slot.type() == ValueType.SIZE) {
                        assertTrue(slot.max() != null && slot.max().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0, s.qualifiedName());
                    }
                }
            }
        }
    }

    @Test
    void theFormatterKeepsEverySpelling() {
        String text = "train resnet18 {\n  lr 1e9999999999\n  epochs 1234567890123456789012345678901234567890\n  momentum -0\n}\n";
        assertEquals(text, Formatter.format(Parser.parse(SourceFile.of("t", text))));
        assertFalse(Parser.parse(SourceFile.of("t", "b { k 1. }\n")).ok(), "fmt leaves a malformed number alone");
    }
}
