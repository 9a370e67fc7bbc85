package io.wkforge.lang.schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * One position in a setting's value list. {@code mean} is one slot of three numbers;
 * {@code calibration 20 images} is an integer slot followed by an optional unit word.
 *
 * @param minCount how many values this slot takes at least (0 = optional)
 * @param maxCount at most ({@link Integer#MAX_VALUE} = unbounded)
 * @param min      lower bound for numbers (a fraction for percentages, pixels for sizes), or null
 * @param max      upper bound, or null
 * @param word     the literal word for {@link ValueType#WORD} slots
 */
public record Slot(ValueType type, int minCount, int maxCount, List<Choice> choices,
                   BigDecimal min, boolean minExclusive, BigDecimal max, boolean maxExclusive, String word) {

    public boolean isOptional() {
        return minCount == 0;
    }

    public boolean isRepeated() {
        return maxCount > 1;
    }

    public Choice choice(String name) {
        for (Choice c : choices) {
            if (c.name().equals(name)) return c;
        }
        return null;
    }

    /** The range in words, e.g. "greater than 0 and at most 120", or null when unbounded. */
    public String rangeText() {
        if (min == null && max == null) return null;
        String lo = min == null ? null : (minExclusive ? "greater than " : "at least ") + show(min);
        String hi = max == null ? null : (maxExclusive ? "less than " : "at most ") + show(max);
        if (lo == null) return hi;
        if (hi == null) return lo;
        return lo + " and " + hi;
    }

    /** The range in interval notation for tables, e.g. {@code (0, 120]}. */
    public String intervalText() {
        if (min == null && max == null) return "";
        return (min == null ? "(-inf" : (minExclusive ? "(" : "[") + show(min)) + ", "
                + (max == null ? "inf)" : show(max) + (maxExclusive ? ")" : "]"));
    }

    private String show(BigDecimal v) {
        if (type == ValueType.PERCENT) return v.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        return v.stripTrailingZeros().toPlainString();
    }
}
