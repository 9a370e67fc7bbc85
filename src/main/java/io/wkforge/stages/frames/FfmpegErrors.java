package io.wkforge.stages.frames;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Turns JavaCV's exception text ({@code avformat_open_input() error -1094995529: Could not open
 * input "..." (Has setFormat() been called?) ...}) into FFmpeg's own short explanation of the
 * error code, which is what a user can act on.
 */
final class FfmpegErrors {
    private static final Pattern CODE = Pattern.compile("error (-?\\d+)");

    private FfmpegErrors() {}

    static String describe(Exception e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher m = CODE.matcher(msg);
        if (m.find()) {
            try {
                int code = Integer.parseInt(m.group(1));
                byte[] buf = new byte[256];
                if (avutil.av_strerror(code, buf, buf.length) == 0) {
                    int len = 0;
                    while (len < buf.length && buf[len] != 0) len++;
                    return new String(buf, 0, len, java.nio.charset.StandardCharsets.UTF_8);
                }
            } catch (NumberFormatException ignored) {
                // fall through to the first sentence of the message
            }
        }
        int cut = msg.indexOf(" (");
        return cut > 0 ? msg.substring(0, cut) : msg;
    }
}
