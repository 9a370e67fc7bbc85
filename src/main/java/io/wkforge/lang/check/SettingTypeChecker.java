package io.wkforge.lang.check;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.Diagnostics;
import io.wkforge.lang.schema.Choice;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.schema.Slot;
import io.wkforge.lang.schema.ValueType;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import io.wkforge.lang.syntax.Value;
import java.math.BigDecimal;
import java.util.List;

/**
 * Matches a setting's values against the slots its schema declares, reporting wrong types,
 * wrong units, wrong counts and out-of-range values. Slots are filled greedily from the left,
 * which is unambiguous for the shapes the schema uses (a head then a repeated tail).
 */
final class SettingTypeChecker {
    private SettingTypeChecker() {}

    /**
     * @param whole span of the whole entry, for "missing value" findings
     * @return true when the values fit
     */
    static boolean check(SettingSpec spec, List<Value> values, SourceFile source, Span whole, Diagnostics out) {
        long before = out.errorCount();
        int idx = 0;
        Slot lastUnfilledWord = null;
        for (Slot slot : spec.slots()) {
            int count = 0;
            while (count < slot.maxCount() && idx < values.size() && accepts(slot, values.get(idx))) {
                checkValue(spec, slot, values.get(idx), source, out);
                count++;
                idx++;
            }
            if (count < slot.minCount()) {
                if (idx < values.size()) {
                    reportMismatch(spec, slot, values.get(idx), source, out);
                } else {
                    String what = slot.minCount() == slot.maxCount() && slot.minCount() > 1
                            ? slot.minCount() + " values" : slot.type().phrase();
                    out.add(Diagnostic.of(Code.WRONG_ARITY, source, whole,
                            "`" + spec.name() + "` needs " + what + ", found " + values.size() + " value"
                                    + (values.size() == 1 ? "" : "s"))
                            .withHelp("write `" + spec.usage() + "`"));
                }
                return false;
            }
            lastUnfilledWord = slot.type() == ValueType.WORD && count == 0 ? slot : null;
        }
        if (idx < values.size()) {
            Value extra = values.get(idx);
            if (lastUnfilledWord != null) {
                out.add(Diagnostic.of(Code.WRONG_UNIT, source, extra.span(),
                        "`" + spec.name() + "` is counted in `" + lastUnfilledWord.word() + "`, not `" + extra.text() + "`")
                        .withHelp("write `" + spec.usage() + "`"));
            } else {
                Span rest = extra.span().to(values.get(values.size() - 1).span());
                out.add(Diagnostic.of(Code.WRONG_ARITY, source, rest,
                        "too many values for `" + spec.name() + "`").withHelp("write `" + spec.usage() + "`"));
            }
            return false;
        }
        return out.errorCount() == before;
    }

    /** Whether a value is of the slot's kind (its range is checked separately). */
    static boolean accepts(Slot slot, Value v) {
        return switch (slot.type()) {
            case INT -> v instanceof Value.IntLit;
            case NUMBER -> v instanceof Value.IntLit || v instanceof Value.DecimalLit;
            case PERCENT -> v instanceof Value.PercentLit;
            case SIZE -> v instanceof Value.SizeLit;
            case STRING -> v instanceof Value.StringLit || v instanceof Value.IdentLit;
            case PATH, PATTERN -> v instanceof Value.StringLit;
            case BOOL -> v instanceof Value.IdentLit;
            case WORD -> v instanceof Value.IdentLit i && i.name().equals(slot.word());
            case ENUM -> v instanceof Value.IdentLit
                    || (v instanceof Value.IntLit && slot.choice(v.text()) != null);
        };
    }

    private static void reportMismatch(SettingSpec spec, Slot slot, Value v, SourceFile source, Diagnostics out) {
        boolean numberForUnit = (slot.type() == ValueType.PERCENT || slot.type() == ValueType.SIZE)
                && (v instanceof Value.IntLit || v instanceof Value.DecimalLit);
        boolean unitForNumber = (slot.type() == ValueType.INT || slot.type() == ValueType.NUMBER)
                && (v instanceof Value.PercentLit || v instanceof Value.SizeLit);
        if (numberForUnit) {
            String example = slot.type() == ValueType.PERCENT ? v.text() + "%" : v.text() + "x" + v.text();
            out.add(Diagnostic.of(Code.WRONG_UNIT, source, v.span(),
                    "`" + spec.name() + "` takes " + slot.type().phrase() + ", found a plain number")
                    .withHelp("write `" + spec.name() + " " + example + "`"));
        } else if (unitForNumber) {
            Diagnostic d = Diagnostic.of(Code.WRONG_UNIT, source, v.span(),
                    "`" + spec.name() + "` takes " + slot.type().phrase() + ", found " + v.kindPhrase() + " `" + Values.shown(v) + "`");
            if (v instanceof Value.SizeLit && v.text().startsWith("0x") && v.text().length() <= 18) {
                d = d.withHelp("there are no hexadecimal numbers: `" + v.text() + "` is a size (width 0, height "
                        + v.text().substring(2) + "); write `" + new java.math.BigInteger(v.text().substring(2), 16) + "`");
            }
            out.add(d);
        } else if ((slot.type() == ValueType.PATH || slot.type() == ValueType.PATTERN) && v instanceof Value.IdentLit) {
            out.add(Diagnostic.of(Code.WRONG_TYPE, source, v.span(),
                    "`" + spec.name() + "` takes a path, found the name `" + v.text() + "`")
                    .withHelp("quote paths: `" + spec.name() + " \"" + v.text() + "\"`"));
        } else {
            out.add(Diagnostic.of(Code.WRONG_TYPE, source, v.span(),
                    "`" + spec.name() + "` takes " + slot.type().phrase() + ", found " + v.kindPhrase() + " `" + Values.shown(v) + "`")
                    .withHelp("write `" + spec.usage() + "`"));
        }
    }

    private static void checkValue(SettingSpec spec, Slot slot, Value v, SourceFile source, Diagnostics out) {
        switch (slot.type()) {
            case ENUM -> {
                String name = v.text();
                if (slot.choice(name) == null) {
                    List<String> names = slot.choices().stream().map(Choice::name).toList();
                    String dym = Spelling.didYouMean(name, names);
                    out.add(Diagnostic.of(Code.OUT_OF_RANGE, source, v.span(),
                            spec.isLabel() ? "`" + name + "` is not a valid " + spec.name() + " for block `" + spec.block() + "`"
                                    : "`" + name + "` is not a valid value for `" + spec.name() + "`")
                            .withHelp((dym == null ? "" : dym + " ") + "expected one of: " + String.join(", ", names)));
                }
            }
            case BOOL -> {
                if (!v.text().equals("true") && !v.text().equals("false")) {
                    out.add(Diagnostic.of(Code.WRONG_TYPE, source, v.span(),
                            "`" + spec.name() + "` takes `true` or `false`, found `" + v.text() + "`"));
                }
            }
            case INT, NUMBER, PERCENT -> {
                BigDecimal n = v instanceof Value.PercentLit p ? p.fraction()
                        : v instanceof Value.IntLit i ? new BigDecimal(i.value()) : ((Value.DecimalLit) v).value();
                if (!inRange(slot, n)) {
                    out.add(Diagnostic.of(Code.OUT_OF_RANGE, source, v.span(),
                            "`" + spec.name() + "` must be " + slot.rangeText() + ", found " + Values.shown(v)));
                } else {
                    String why = slot.type() == ValueType.INT ? unrepresentableInteger(n) : unrepresentableNumber(n);
                    if (why != null) {
                        out.add(Diagnostic.of(Code.OUT_OF_RANGE, source, v.span(),
                                "`" + spec.name() + "`: " + Values.shown(v) + " " + why));
                    }
                }
            }
            case SIZE -> {
                Value.SizeLit s = (Value.SizeLit) v;
                if (!inRange(slot, BigDecimal.valueOf(s.width())) || !inRange(slot, BigDecimal.valueOf(s.height()))) {
                    out.add(Diagnostic.of(Code.OUT_OF_RANGE, source, v.span(),
                            "each side of `" + spec.name() + "` must be " + slot.rangeText() + " pixels, found " + Values.shown(v)));
                }
            }
            case PATH, PATTERN -> {
                String text = ((Value.StringLit) v).value();
                String tooLarge = slot.type() == ValueType.PATTERN ? io.wkforge.lang.glob.GlobMatcher.limitReason(text) : null;
                if (tooLarge != null) { // as for a video pattern: in a recipe, a --set or an editor alike
                    out.add(Diagnostic.of(Code.PATTERN_TOO_LARGE, source, v.span(), "`" + spec.name() + "` is not tried: " + tooLarge));
                    return;
                }
                String reason = slot.type() == ValueType.PATTERN ? PathText.invalidPatternReason(text) : PathText.invalidReason(text);
                if (reason != null) {
                    out.add(Diagnostic.of(Code.INVALID_PATH, source, v.span(), "`" + spec.name() + "`: " + reason));
                }
            }
            case STRING, WORD -> {
                // any text is fine
            }
        }
    }

    /**
     * Stages read numbers as 64-bit floats and integers as longs: a value inside the range that
     * does not survive that conversion would reach them as something else (1e-400 as 0).
     */
    private static String unrepresentableNumber(BigDecimal n) {
        double d = n.doubleValue();
        if (Double.isInfinite(d)) return "is too large for a 64-bit float";
        if (d == 0 && n.signum() != 0) return "is too close to 0 for a 64-bit float (it would become 0)";
        return null;
    }

    private static String unrepresentableInteger(BigDecimal n) {
        return n.toBigInteger().bitLength() < 64 ? null : "does not fit in a 64-bit integer";
    }

    private static boolean inRange(Slot slot, BigDecimal n) {
        if (slot.min() != null) {
            int c = n.compareTo(slot.min());
            if (c < 0 || (c == 0 && slot.minExclusive())) return false;
        }
        if (slot.max() != null) {
            int c = n.compareTo(slot.max());
            if (c > 0 || (c == 0 && slot.maxExclusive())) return false;
        }
        return true;
    }
}
