package io.wkforge.stages.deploy.ssh;

import io.wkforge.stages.deploy.Bundle;
import io.wkforge.stages.deploy.Checksums;
import io.wkforge.stages.deploy.DeployException;
import io.wkforge.stages.deploy.DeployException.Kind;
import io.wkforge.stages.deploy.DeploySettings;
import io.wkforge.stages.deploy.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * {@code via ssh}: the bundle goes by SFTP into {@code <remote_dir>/wkforge/} (each file to a
 * temporary name, then renamed), is verified on the board with sha256sum (else md5sum, else by
 * reading it back), then {@code install.sh} runs there and, when {@code run} is set, the app is
 * started with its output shown. Files already on the board byte for byte are not sent again, so
 * a re-run after an interrupted upload sends only what is missing.
 */
public final class SshTransport implements Transport {
    /** Room kept free beyond the bundle, for the app's log and the file system's own needs. */
    private static final long SPARE_KB = 64;

    private final DeploySettings settings;
    private final SshConnector connector;

    public SshTransport(DeploySettings settings, SshConnector connector) {
        this.settings = settings;
        this.connector = connector;
    }

    @Override
    public String destination() {
        return settings.boardName() + ":" + settings.bundleDir();
    }

    @Override
    public Result push(Bundle bundle, Listener listener) throws DeployException {
        try (SshConnector.Connection c = connector.connect(listener::line, listener::warn)) {
            listener.line("connected to " + settings.boardName() + " (" + c.hostKeyNote() + ")");
            return new Push(c, bundle, listener).run();
        }
    }

    /** One push over one connection. */
    private final class Push {
        private final SshConnector.Connection c;
        private final Bundle bundle;
        private final Listener listener;
        private final String dir = settings.bundleDir();
        private String stage = "connecting";

        Push(SshConnector.Connection c, Bundle bundle, Listener listener) {
            this.c = c;
            this.bundle = bundle;
            this.listener = listener;
        }

        Result run() throws DeployException {
            try {
                stage = "surveying " + dir;
                BoardScripts.Survey before = survey();
                List<Bundle.Item> toSend = new ArrayList<>();
                List<String> unchanged = new ArrayList<>();
                for (Bundle.Item i : bundle.items()) {
                    if (matches(before, i)) unchanged.add(i.name());
                    else toSend.add(i);
                }
                checkRoom(before, toSend);
                upload(toSend);
                stage = "verifying the upload";
                String verifiedBy = verify();
                stage = "running install.sh";
                install();
                String app = null;
                if (settings.run() != null) {
                    stage = "starting the app";
                    app = startApp();
                }
                return new Result(toSend.stream().map(Bundle.Item::name).toList(), unchanged, verifiedBy, app);
            } catch (IOException e) {
                throw lost(e);
            }
        }

        private BoardScripts.Survey survey() throws IOException, DeployException {
            List<String> names = bundle.items().stream().map(Bundle.Item::name).toList();
            RemoteCommand.Outcome o = RemoteCommand.capture(c.session(), BoardScripts.survey(dir, names), settings.commandTimeout());
            if (!o.ok()) {
                throw commandFailed("cannot create or enter " + dir + " on the board", o,
                        "check that `remote_dir` is a writable folder on the board for `" + settings.user() + "`");
            }
            return BoardScripts.readSurvey(o.output());
        }

        private void checkRoom(BoardScripts.Survey s, List<Bundle.Item> toSend) throws DeployException {
            long neededKb = toSend.stream().mapToLong(Bundle.Item::size).sum() / 1024 + SPARE_KB;
            if (s.freeKb() != null && s.freeKb() < neededKb) throw diskFull(s.freeKb(), neededKb, null);
        }

        private void upload(List<Bundle.Item> toSend) throws IOException, DeployException {
            if (toSend.isEmpty()) {
                listener.line("every file is already on the board, byte for byte");
                return;
            }
            long total = toSend.stream().mapToLong(Bundle.Item::size).sum();
            long[] before = {0};
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(c.session())) {
                for (Bundle.Item i : toSend) {
                    stage = "uploading " + i.name();
                    try {
                        SftpUpload.upload(sftp, bundle.pathOf(i), dir, i.name(), sent -> listener.progress(before[0] + sent, total));
                    } catch (SftpException e) {
                        throw uploadFailed(i, e);
                    }
                    before[0] += i.size();
                    listener.line("uploaded   " + dir + "/" + i.name());
                }
            }
        }

        /** Checks every file on the board against the bundle; returns how. */
        private String verify() throws IOException, DeployException {
            BoardScripts.Survey after = survey();
            if (after.algorithm().equals("none")) return readBack();
            for (Bundle.Item i : bundle.items()) {
                if (!matches(after, i)) {
                    String expected = after.algorithm().equals("md5") ? i.md5() : i.sha256();
                    String found = after.sums().get(i.name());
                    throw new DeployException(Kind.CHECKSUM, dir + "/" + i.name() + " on the board does not match the bundle ("
                            + after.algorithm() + " " + expected + " expected, " + (found == null ? "file missing" : found + " found") + ")",
                            "run again; if it keeps failing, the board's storage may be failing (check `dmesg` on the board)");
                }
            }
            return after.algorithm() + "sum on the board";
        }

        /** For a board with neither sha256sum nor md5sum: read every file back over SFTP. */
        private String readBack() throws IOException, DeployException {
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(c.session())) {
                for (Bundle.Item i : bundle.items()) {
                    MessageDigest sha = Checksums.digest("SHA-256");
                    try (InputStream in = sftp.read(dir + "/" + i.name())) {
                        byte[] buf = new byte[1 << 15];
                        for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
                    }
                    String found = HexFormat.of().formatHex(sha.digest());
                    if (!found.equals(i.sha256())) {
                        throw new DeployException(Kind.CHECKSUM, dir + "/" + i.name() + " read back from the board does not "
                                + "match the bundle (sha256 " + i.sha256() + " expected, " + found + " found)",
                                "run again; if it keeps failing, the board's storage may be failing");
                    }
                }
            }
            return "SHA-256 of every file read back over SFTP (the board has neither sha256sum nor md5sum)";
        }

        private void install() throws IOException, DeployException {
            RemoteCommand.Outcome o = RemoteCommand.run(c.session(), BoardScripts.install(dir), settings.commandTimeout(),
                    line -> listener.line("| " + line));
            if (!o.ok()) {
                throw commandFailed("install.sh failed on the board", o, "read its output above; the bundle stays in "
                        + dir + ", so you can also run `sh " + dir + "/install.sh` on the board yourself");
            }
        }

        private String startApp() throws IOException, DeployException {
            long follow = settings.follow().toSeconds();
            listener.line("starting the app: " + settings.run() + (follow > 0 ? " (showing its output for up to " + follow + " s)" : ""));
            RemoteCommand.Outcome o = RemoteCommand.run(c.session(), BoardScripts.startApp(dir, settings.run(), follow),
                    settings.follow().plus(settings.commandTimeout()), line -> {
                        if (!BoardScripts.isBookkeeping(line)) listener.line("| " + line);
                    });
            String[] state = BoardScripts.appState(o.output());
            if (state == null) {
                throw commandFailed("could not start the app on the board", o, "check `run` by hand on the board: " + settings.run());
            }
            String log = dir + "/" + BoardScripts.APP_LOG;
            if (state[0].equals("running")) {
                return "still running after " + follow + " s (pid " + state[1] + "); its output goes on in " + log;
            }
            if (!state[1].equals("0")) {
                throw new DeployException(Kind.REMOTE_COMMAND, "the app exited with status " + state[1] + " on the board "
                        + "(the model and config are installed and verified)",
                        "read its output above (kept in " + log + "); check `run`: " + settings.run());
            }
            return "exited with status 0; its output is in " + log;
        }

        private boolean matches(BoardScripts.Survey s, Bundle.Item i) {
            String found = s.sums().get(i.name());
            if (found == null) return false;
            return found.equals(s.algorithm().equals("md5") ? i.md5() : i.sha256());
        }

        private DeployException commandFailed(String what, RemoteCommand.Outcome o, String fix) {
            if (!c.session().isOpen()) return lost(null);
            String how = o.timedOut() ? "did not finish within " + SshConnector.seconds(settings.commandTimeout())
                    + " (command_timeout)"
                    : o.exitStatus() != null ? "exit status " + o.exitStatus()
                    : o.signal() != null ? "killed by signal " + o.signal() : "no exit status";
            List<String> tail = o.tail(10).stream().filter(l -> !BoardScripts.isBookkeeping(l)).map(l -> "board: " + l).toList();
            return new DeployException(Kind.REMOTE_COMMAND, what + " (" + how + ")", fix, tail);
        }

        private DeployException uploadFailed(Bundle.Item item, SftpException e) {
            String msg = String.valueOf(e.getMessage());
            int status = e.getStatus();
            boolean full = status == SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM || status == SftpConstants.SSH_FX_QUOTA_EXCEEDED
                    || msg.contains("No space left") || msg.toLowerCase(java.util.Locale.ROOT).contains("quota");
            Long free = freeKbNow();
            if (!full && status == SftpConstants.SSH_FX_FAILURE) {
                // SFTP v3 servers (OpenSSH, dropbear) say only "Failure" when the disk is full: ask df
                full = free != null && free * 1024 < item.size();
            }
            if (full) return diskFull(free, item.size() / 1024, item.name());
            if (status == SftpConstants.SSH_FX_PERMISSION_DENIED) {
                return new DeployException(Kind.REMOTE_COMMAND, "the board refused to write " + dir + "/" + item.name()
                        + ": permission denied", "give `" + settings.user() + "` write access to " + dir + ", or change `remote_dir`");
            }
            return new DeployException(Kind.REMOTE_COMMAND, "uploading " + item.name() + " to " + dir + " failed: " + msg,
                    "run again; nothing half-written is left under the final name");
        }

        /** The bundle folder's free space now, or null when the board cannot say. */
        private Long freeKbNow() {
            if (!c.session().isOpen()) return null;
            try {
                return survey().freeKb();
            } catch (IOException | DeployException e) {
                return null;
            }
        }

        private DeployException diskFull(Long freeKb, long neededKb, String file) {
            return new DeployException(Kind.DISK_FULL, "the board's disk is full: " + dir + " has "
                    + (freeKb == null ? "too little" : freeKb + " KB") + " free, " + (file == null ? "the bundle needs " : file
                    + " needs ") + neededKb + " KB", "free space on the board (e.g. remove old models under "
                    + settings.remoteDir() + "), then run again; partial uploads are never left under a final name");
        }

        private DeployException lost(IOException e) {
            if (e != null && c.session().isOpen()) {
                return new DeployException(Kind.REMOTE_COMMAND, "SSH failed while " + stage + ": " + e.getMessage(),
                        "run again; nothing half-written is ever under a final name");
            }
            return new DeployException(Kind.CONNECTION_LOST, "the connection to " + settings.boardName() + " was lost while "
                    + stage + (e != null && e.getMessage() != null ? " (" + e.getMessage() + ")" : ""),
                    "run again: files already complete on the board are kept and not sent again; "
                            + "nothing half-written is ever under a final name");
        }
    }
}
