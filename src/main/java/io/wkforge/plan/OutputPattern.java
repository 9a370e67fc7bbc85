package io.wkforge.plan;

import java.util.regex.Pattern;

/**
 * A pattern over output paths relative to the out dir ({@code dataset/**}, {@code caffe/model.*}):
 * {@code *} and {@code ?} stay within one folder, {@code **} crosses folders. Plain paths match
 * only themselves.
 */
public record OutputPattern(String glob, Pattern regex) {

    public static OutputPattern of(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            if (ch == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (ch == '*') {
                re.append("[^/]*");
            } else if (ch == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return new OutputPattern(glob, Pattern.compile(re.toString()));
    }

    public boolean matches(String relPath) {
        return regex.matcher(relPath).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
