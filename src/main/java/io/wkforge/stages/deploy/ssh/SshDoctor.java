package io.wkforge.stages.deploy.ssh;

import io.wkforge.run.Finding;
import io.wkforge.stages.deploy.DeployException;
import io.wkforge.stages.deploy.DeployException.Kind;
import io.wkforge.stages.deploy.DeploySettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code wkforge doctor} for {@code via ssh}: one attempt to reach the board, then one line each
 * for the connection and host key, the login, and the bundle folder (writable, free space, which
 * checksum tool the board has). Writes nothing on the board but an empty probe file it removes,
 * and the bundle folder if it was missing. Accepts a new host key only when the recipe (or
 * {@code --accept-new-host-key}) says so.
 */
public final class SshDoctor {
    private SshDoctor() {}

    public static List<Finding> check(DeploySettings s, Function<String, String> environment) {
        List<Finding> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        SshConnector connector = new SshConnector(s, environment, Duration.ZERO);
        try (SshConnector.Connection c = connector.connect(0, s.acceptNewHostKey(), note -> {}, warnings::add)) {
            out.add(Finding.ok("deploy", s.host() + ":" + s.port() + " answers; " + c.hostKeyNote()));
            out.add(Finding.ok("deploy", "login as " + s.user() + " works (" + c.login() + ")"));
            out.add(bundleFolder(c, s));
        } catch (DeployException e) {
            if (e.kind() == Kind.AUTH) out.add(Finding.ok("deploy", s.host() + ":" + s.port() + " answers; its host key is known"));
            out.add(Finding.fail("deploy", e.getMessage(), e.fix()));
        }
        for (String w : warnings) out.add(Finding.warn("deploy", w, "see docs/stages/deploy.md#security"));
        return out;
    }

    private static Finding bundleFolder(SshConnector.Connection c, DeploySettings s) {
        String dir = s.bundleDir();
        try {
            RemoteCommand.Outcome o = RemoteCommand.capture(c.session(), BoardScripts.probe(dir), s.commandTimeout());
            if (!o.ok()) {
                return Finding.fail("deploy", "cannot write in " + dir + " on the board" + (o.output().isEmpty() ? ""
                        : ": " + String.join(" ", o.tail(2))), "check that `remote_dir` is a writable folder on the board for `"
                        + s.user() + "`");
            }
            BoardScripts.Survey survey = BoardScripts.readSurvey(o.output());
            String free = survey.freeKb() == null ? "free space unknown" : survey.freeKb() / 1024 + " MB free";
            String sums = survey.algorithm().equals("none") ? "no sha256sum/md5sum (uploads are verified by reading them back)"
                    : survey.algorithm() + "sum present";
            return Finding.ok("deploy", dir + " is writable on the board, " + free + ", " + sums);
        } catch (IOException e) {
            return Finding.fail("deploy", "the board stopped answering while checking " + dir + ": " + e.getMessage(),
                    "check the board and its network, then run doctor again");
        }
    }
}
