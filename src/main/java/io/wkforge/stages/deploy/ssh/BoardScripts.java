package io.wkforge.stages.deploy.ssh;

import static io.wkforge.stages.deploy.ShellQuote.quote;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shell commands wkforge runs on the board, and readers for their answers. They are POSIX sh
 * for BusyBox ash and use only what a small BusyBox has (df, sha256sum or md5sum, tail, head, wc).
 */
final class BoardScripts {
    static final String APP_LOG = "app.log";
    static final String APP_STATUS = "app.status";
    private static final String MARK = "@wkforge ";

    private BoardScripts() {}

    /**
     * Creates the bundle folder, then reports its free space and the checksums of the named
     * files present there ({@code sha256sum}, else {@code md5sum}, else none).
     */
    static String survey(String dir, List<String> names) {
        StringBuilder files = new StringBuilder();
        for (String n : names) files.append(' ').append(quote(n));
        return "mkdir -p " + quote(dir) + " && cd " + quote(dir) + " || exit 90\n"
                + "echo '" + MARK + "df'; df -Pk . 2>/dev/null\n"
                + "if command -v sha256sum >/dev/null 2>&1; then s=sha256sum; "
                + "elif command -v md5sum >/dev/null 2>&1; then s=md5sum; else s=none; fi\n"
                + "echo \"" + MARK + "sum $s\"\n"
                + "if [ \"$s\" != none ]; then for f in" + files + "; do if [ -f \"$f\" ]; then $s \"$f\"; fi; done; fi\n"
                + "exit 0\n";
    }

    /** What {@link #survey} found. */
    record Survey(Long freeKb, String algorithm, Map<String, String> sums) {}

    static Survey readSurvey(List<String> output) {
        Long free = null;
        String algorithm = "none";
        Map<String, String> sums = new HashMap<>();
        String section = "";
        for (String line : output) {
            if (line.startsWith(MARK)) {
                String[] parts = line.substring(MARK.length()).trim().split(" ");
                section = parts[0];
                if (section.equals("sum") && parts.length > 1) algorithm = parts[1].replace("sum", "");
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (section.equals("df") && f.length >= 6 && f[3].matches("\\d+")) {
                free = Long.parseLong(f[3]);
            } else if (section.equals("sum") && f.length == 2 && f[0].matches("[0-9a-fA-F]{32,64}")) {
                sums.put(f[1].startsWith("*") ? f[1].substring(1) : f[1], f[0].toLowerCase(java.util.Locale.ROOT));
            }
        }
        return new Survey(free, algorithm, sums);
    }

    /** For doctor: the bundle folder takes a file; then what {@link #survey} reports (no files asked for). */
    static String probe(String dir) {
        String d = quote(dir);
        return "mkdir -p " + d + " && touch " + d + "/.wkforge-doctor && rm -f " + d + "/.wkforge-doctor || exit 91\n"
                + survey(dir, List.of());
    }

    static String install(String dir) {
        return "sh " + quote(dir + "/install.sh");
    }

    /**
     * Starts the app in the background, detached from the SSH session (its output goes to
     * {@code app.log} in the bundle folder, hang-ups are ignored), then shows that output as it
     * grows for up to {@code followSeconds}, and ends with a line saying whether the app is still
     * running or how it ended. The app's exit status is written by the shell that waits for it,
     * through a temporary name so it is never read half written.
     */
    static String startApp(String dir, String run, long followSeconds) {
        return "cd " + quote(dir) + " || exit 90\n"
                + "rm -f " + APP_STATUS + "\n"
                + ": > " + APP_LOG + "\n"
                + "( trap '' HUP; sh -c " + quote(run) + "; echo $? > " + APP_STATUS + ".tmp; mv -f "
                + APP_STATUS + ".tmp " + APP_STATUS + " ) < /dev/null >> " + APP_LOG + " 2>&1 &\n"
                + "pid=$!\n"
                + "shown=0\n"
                + "show() { size=$(( $(wc -c < " + APP_LOG + ") )); if [ \"$size\" -gt \"$shown\" ]; then "
                + "tail -c +$((shown+1)) " + APP_LOG + " | head -c $((size-shown)); shown=$size; fi; }\n"
                + "i=0\n"
                + "while [ " + followSeconds + " -gt 0 ]; do\n"
                + "  done=0; [ -f " + APP_STATUS + " ] && done=1\n"
                + "  show\n"
                + "  [ $done = 1 ] || [ $i -ge " + followSeconds + " ] && break\n"
                + "  sleep 1; i=$((i+1))\n"
                + "done\n"
                + "[ \"$shown\" -gt 0 ] && [ -n \"$(tail -c 1 " + APP_LOG + ")\" ] && echo\n"
                + "if [ -f " + APP_STATUS + " ]; then echo \"" + MARK + "app exited $(cat " + APP_STATUS + ")\"; "
                + "else echo \"" + MARK + "app running $pid\"; fi\n";
    }

    /** The app's fate from {@link #startApp}'s last line: {@code exited N} or {@code running PID}, or null. */
    static String[] appState(List<String> output) {
        for (int i = output.size() - 1; i >= 0; i--) {
            String line = output.get(i);
            if (line.startsWith(MARK + "app ")) return line.substring((MARK + "app ").length()).trim().split(" ", 2);
        }
        return null;
    }

    /** Whether a line of the board's output is wkforge's own bookkeeping rather than something to show. */
    static boolean isBookkeeping(String line) {
        return line.startsWith(MARK);
    }
}
