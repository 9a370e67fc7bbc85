package io.wkforge.lang.check;

/**
 * A {@code --set NAME=VALUE} from the command line: a param when NAME has no dot, a setting
 * ({@code block.key}) otherwise. VALUE is recipe text, e.g. {@code 20%} or {@code "out/board"}.
 */
public record Override(String name, String valueText) {

    /** Parses {@code NAME=VALUE}; null when there is no {@code =}. */
    public static Override parse(String arg) {
        int eq = arg.indexOf('=');
        if (eq <= 0) return null;
        return new Override(arg.substring(0, eq).trim(), arg.substring(eq + 1).trim());
    }

    public boolean isSetting() {
        return name.contains(".");
    }
}
