package io.wkforge.stages.deploy.ssh;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Collection;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Checks the board's host key against a known_hosts file (OpenSSH's format, hashed entries
 * included), and remembers what it saw so a refusal can be explained: an unknown key with its
 * fingerprint, or a changed key with both fingerprints. An unknown key is accepted (and appended
 * to the file) only when the recipe or the user asked for that; a changed key never is.
 */
final class HostKeyCheck extends KnownHostsServerKeyVerifier {
    enum Verdict { NOT_CHECKED, KNOWN, ACCEPTED_NEW, UNKNOWN, CHANGED }

    private final Path file;
    private volatile Verdict verdict = Verdict.NOT_CHECKED;
    private volatile String offered;
    private volatile String expected;
    private volatile String knownAs;
    private volatile String updateFailure;

    /** @param acceptNew whether a board missing from the file is trusted on first contact */
    HostKeyCheck(Path file, boolean acceptNew) {
        super((session, address, key) -> acceptNew, file);
        this.file = file;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey serverKey) {
        offered = describe(serverKey);
        boolean ok = super.verifyServerKey(session, remote, serverKey);
        if (ok && verdict == Verdict.NOT_CHECKED) verdict = Verdict.KNOWN;
        return ok;
    }

    @Override
    protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remote, PublicKey serverKey) {
        boolean accepted = super.acceptUnknownHostKey(session, remote, serverKey);
        verdict = accepted ? Verdict.ACCEPTED_NEW : Verdict.UNKNOWN;
        return accepted;
    }

    @Override
    public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remote, KnownHostEntry entry,
                                           PublicKey expectedKey, PublicKey actual) {
        verdict = Verdict.CHANGED;
        expected = describe(expectedKey);
        knownAs = entry.getConfigLine().split("\\s+")[0];
        return false;
    }

    @Override
    protected void handleKnownHostsFileUpdateFailure(ClientSession session, SocketAddress remote, PublicKey serverKey,
                                                     Path path, Collection<HostEntryPair> known, Throwable reason) {
        updateFailure = reason.getMessage();
    }

    /** Makes sure the file's folder exists, so a key accepted on first contact can be written down. */
    void prepareForNewKeys() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) Files.createDirectories(parent);
    }

    Verdict verdict() {
        return verdict;
    }

    Path file() {
        return file;
    }

    /** The board's key as {@code ssh-ed25519 SHA256:...}. */
    String offered() {
        return offered;
    }

    /** For {@link Verdict#CHANGED}: the key known_hosts holds. */
    String expected() {
        return expected;
    }

    /** For {@link Verdict#CHANGED}: the host pattern of the entry that holds the old key. */
    String knownAs() {
        return knownAs;
    }

    /** Why an accepted key could not be written to the file, or null. */
    String updateFailure() {
        return updateFailure;
    }

    static String describe(PublicKey key) {
        return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
    }
}
