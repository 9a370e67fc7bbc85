package io.wkforge.lang.schema;

/** What one value slot of a setting accepts. */
public enum ValueType {
    INT("an integer"),
    NUMBER("a number"),
    PERCENT("a percentage such as `10%`"),
    SIZE("a size such as `224x224`"),
    STRING("a name or a string"),
    PATH("a quoted path"),
    /** A quoted path that may hold glob wildcards ({@code *}, {@code ?}, {@code **}, {@code [ab]}, {@code {a,b}}). */
    PATTERN("a quoted path or glob pattern"),
    ENUM("one of the listed names"),
    BOOL("`true` or `false`"),
    /** A fixed unit word such as {@code images} in {@code calibration 20 images}. */
    WORD("a unit word");

    private final String phrase;

    ValueType(String phrase) {
        this.phrase = phrase;
    }

    public String phrase() {
        return phrase;
    }
}
