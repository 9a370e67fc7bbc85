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
        return id(severity, number());
    }

    /**
     * {@code E102} for an error numbered 102: the severity's letter and at least three digits.
     * Asked for every finding a check counts (hundreds of thousands in a file of errors), so it
     * builds the string directly rather than through {@code String.format}, which parses its
     * format string on every call.
     */
    static String id(Severity severity, int number) {
        char prefix = switch (severity) {
            case ERROR -> 'E';
            case WARNING -> 'W';
            case NOTE -> 'N';
        };
        String digits = Integer.toString(number);
        StringBuilder sb = new StringBuilder(4).append(prefix);
        for (int i = digits.length(); i < 3; i++) sb.append('0');
        return sb.append(digits).toString();
    }
}
