package io.wkforge.lang.diag;

/**
 * A catalogue entry of a diagnostic: a number that is never reused, a default severity and a
 * title. {@link Code} is the recipe language's catalogue; other front ends that report in the
 * same style (the Caffe prototxt linter) keep their own catalogue in a number range of their own,
 * so the printer and the JSON form serve them all without the language knowing about them.
 */
public interface DiagnosticCode {
    int number();

    Severity defaultSeverity();

    String title();

    /** The stable identifier shown to users, e.g. {@code E102} or {@code W122}. */
    default String id() {
        return id(defaultSeverity());
    }

    default String id(Severity severity) {
        char prefix = switch (severity) {
            case ERROR -> 'E';
            case WARNING -> 'W';
            case NOTE -> 'N';
        };
        // what String.format("%c%03d") gives, without starting the formatter for every diagnostic
        int n = number();
        String digits = Integer.toString(n);
        return prefix + (n < 0 || digits.length() >= 3 ? "" : "000".substring(digits.length())) + digits;
    }
}
