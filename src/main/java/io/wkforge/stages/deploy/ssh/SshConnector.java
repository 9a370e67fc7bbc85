package io.wkforge.stages.deploy.ssh;

import io.wkforge.stages.deploy.DeployException;
import io.wkforge.stages.deploy.DeployException.Kind;
import io.wkforge.stages.deploy.DeploySettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Opens an authenticated SSH session to the board with MINA SSHD's client: host key checked
 * against known_hosts, login by the recipe's key file or the SSH agent's keys, plus a password
 * from the environment variable the recipe names. Attempts that fail to reach the board are
 * retried with backoff; a refused login or host key never is. {@code ~/.ssh/config} and the
 * default {@code ~/.ssh/id_*} files are not read: what the recipe says is what is used.
 */
public final class SshConnector {
    private final DeploySettings settings;
    private final Function<String, String> environment;
    private final Duration backoff;

    /**
     * @param environment where {@code password_env} and {@code SSH_AUTH_SOCK} are looked up ({@code System::getenv})
     * @param backoff     the wait before the first retry; it doubles for each further one
     */
    public SshConnector(DeploySettings settings, Function<String, String> environment, Duration backoff) {
        this.settings = settings;
        this.environment = environment;
        this.backoff = backoff;
    }

    /** An open session and the client that owns it; closing it closes both. */
    public record Connection(SshClient client, ClientSession session, HostKeyCheck hostKey, String login)
            implements AutoCloseable {
        @Override
        public void close() {
            try {
                session.close(false).await(Duration.ofSeconds(2));
            } catch (IOException ignored) {
                // the client stops below either way
            } finally {
                client.stop();
            }
        }

        /** How the host key went, for messages: known, or accepted and written down. */
        public String hostKeyNote() {
            return switch (hostKey.verdict()) {
                case ACCEPTED_NEW -> "new host key " + hostKey.offered() + " accepted and added to " + hostKey.file()
                        + (hostKey.updateFailure() != null ? " (could not write it: " + hostKey.updateFailure() + ")" : "");
                default -> "host key " + hostKey.offered() + " known";
            };
        }
    }

    /**
     * Connects, with {@code retries} further attempts when the board cannot be reached.
     *
     * @param notes    where retry notices go
     * @param warnings where problems that may not stop the login go (an agent socket that is gone, say)
     */
    public Connection connect(Consumer<String> notes, Consumer<String> warnings) throws DeployException {
        return connect(settings.retries(), settings.acceptNewHostKey(), notes, warnings);
    }

    public Connection connect(int retries, boolean acceptNewHostKey, Consumer<String> notes, Consumer<String> warnings)
            throws DeployException {
        Identities ids = identities(warnings);
        DeployException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                Duration wait = backoff.multipliedBy(1L << (attempt - 1));
                notes.accept("attempt " + (attempt + 1) + " of " + (retries + 1) + " in " + seconds(wait) + ": " + last.getMessage());
                sleep(wait);
            }
            try {
                return attempt(ids, acceptNewHostKey);
            } catch (Retryable r) {
                last = r.failure;
            }
        }
        throw retries == 0 ? last : new DeployException(last.kind(), last.getMessage() + " (" + (retries + 1) + " attempts)",
                last.fix());
    }

    /** A failure to reach the board, which another attempt may cure. */
    private static final class Retryable extends Exception {
        final DeployException failure;

        Retryable(DeployException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    private Connection attempt(Identities ids, boolean acceptNewHostKey) throws DeployException, Retryable {
        HostKeyCheck hostKey = new HostKeyCheck(settings.knownHosts(), acceptNewHostKey);
        if (acceptNewHostKey) {
            try {
                hostKey.prepareForNewKeys();
            } catch (IOException e) {
                throw new DeployException(Kind.LOCAL, "cannot create the folder of " + settings.knownHosts() + ": " + e.getMessage(),
                        "create it, or set `known_hosts` to a file in a writable folder");
            }
        }
        SshClient client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setServerKeyVerifier(hostKey);
        List<String> knownTypes = KnownKeyTypes.of(settings.knownHosts(), settings.host(), settings.port());
        if (!knownTypes.isEmpty()) client.setSignatureFactories(KnownKeyTypes.preferring(client.getSignatureFactories(), knownTypes));
        client.setKeyIdentityProvider(ids.keys.isEmpty() ? KeyIdentityProvider.EMPTY_KEYS_PROVIDER : KeyIdentityProvider.wrapKeyPairs(ids.keys));
        if (ids.agentSocket != null) client.setAgentFactory(AgentConnection.factory(ids.agentSocket));
        Duration timeout = settings.connectTimeout();
        CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, timeout);
        CoreModuleProperties.AUTH_TIMEOUT.set(client, timeout.multipliedBy(3));
        // a stalled board (no traffic at all) ends the session rather than hanging the run
        CoreModuleProperties.IDLE_TIMEOUT.set(client, settings.commandTimeout().plus(settings.follow()).plusSeconds(60));
        client.start();
        boolean handedOver = false;
        try {
            ClientSession session = open(client, timeout);
            if (ids.password != null) session.addPasswordIdentity(ids.password);
            AuthFuture auth = session.auth();
            boolean done = auth.await(timeout.multipliedBy(3));
            if (!done || !auth.isSuccess()) {
                boolean greeted = session.getServerVersion() != null;
                Exception failure = loginFailure(hostKey, ids, greeted, done ? auth.getException() : null, timeout);
                if (failure instanceof Retryable r) throw r;
                throw (DeployException) failure;
            }
            handedOver = true;
            return new Connection(client, session, hostKey, ids.describe(settings));
        } catch (IOException e) {
            throw new Retryable(unreachable(e, timeout));
        } finally {
            if (!handedOver) client.stop();
        }
    }

    private ClientSession open(SshClient client, Duration timeout) throws IOException, Retryable {
        ConnectFuture f;
        try {
            f = client.connect(settings.user(), settings.host(), settings.port());
        } catch (IOException | RuntimeException e) {
            throw new Retryable(unreachable(e, timeout));
        }
        if (!f.await(timeout.plusSeconds(1))) {
            f.cancel();
            throw new Retryable(timedOut(timeout, "did not accept the connection"));
        }
        if (f.getException() != null) throw new Retryable(unreachable(f.getException(), timeout));
        return f.getSession();
    }

    /** After the TCP connection: the host key, the greeting, or the login went wrong. */
    private Exception loginFailure(HostKeyCheck hostKey, Identities ids, boolean greeted, Throwable cause, Duration timeout) {
        switch (hostKey.verdict()) {
            case UNKNOWN:
                return new DeployException(Kind.HOST_KEY_UNKNOWN, "the board " + where() + " offered host key "
                        + hostKey.offered() + ", which is not in " + settings.knownHosts(),
                        "check that fingerprint on the board itself (e.g. `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub`, "
                                + "or `dropbearkey -y -f /etc/dropbear/dropbear_ed25519_host_key`), then run "
                                + "`wkforge doctor RECIPE --accept-new-host-key` (or set `host_key accept_new`)");
            case CHANGED:
                return new DeployException(Kind.HOST_KEY_CHANGED, "the board " + where() + " offered host key "
                        + hostKey.offered() + ", but " + settings.knownHosts() + " holds " + hostKey.expected()
                        + " for it (entry `" + hostKey.knownAs() + "`); refusing to connect",
                        "if the board was reflashed or its keys regenerated, remove the old entry with `ssh-keygen -R "
                                + hostPattern() + " -f " + settings.knownHosts() + "` and accept the new key; "
                                + "otherwise something may be intercepting the connection: do not deploy");
            default:
                break;
        }
        if (hostKey.verdict() == HostKeyCheck.Verdict.NOT_CHECKED) {
            // never got as far as the key exchange: not an SSH server, or a silent one
            if (!greeted) return new Retryable(timedOut(timeout.multipliedBy(3), "accepted the connection but sent no SSH greeting"));
            // a server that speaks no SSH, or none we share algorithms with: trying again will not help
            return new DeployException(Kind.REFUSED, "the SSH handshake with the board " + where() + " failed: "
                    + rootMessage(cause), "check that `port` is the board's SSH port and its SSH server works (`ssh -p "
                    + settings.port() + " " + settings.user() + "@" + settings.host() + "`)");
        }
        if (cause == null) {
            return new DeployException(Kind.TIMEOUT, "the board " + where() + " did not finish the login within "
                    + seconds(timeout.multipliedBy(3)), "check the board is not overloaded; raise `connect_timeout`");
        }
        return new DeployException(Kind.AUTH, "the board " + where() + " refused the login as `" + settings.user()
                + "` (tried: " + ids.describe(settings) + ")", authFix(ids), ids.warnings);
    }

    private String authFix(Identities ids) {
        String pub = settings.key() != null ? settings.key() + ".pub" : "your public key";
        return "append " + pub + " to ~/.ssh/authorized_keys of `" + settings.user() + "` on the board (dropbear: "
                + "/etc/dropbear/authorized_keys for root), or set `password_env` to a variable holding the password";
    }

    private DeployException unreachable(Throwable e, Duration timeout) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException && !(t instanceof NoRouteToHostException)) {
                return new DeployException(Kind.REFUSED, "the board " + where() + " refused the connection: nothing listens "
                        + "on port " + settings.port(), "start the SSH server on the board (dropbear or sshd), or fix `port`");
            }
            if (t instanceof NoRouteToHostException) {
                return new DeployException(Kind.UNREACHABLE, "no route to the board " + where(),
                        "check the board is powered and on this network (ping " + settings.host() + "), and `host`");
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new DeployException(Kind.UNREACHABLE, "the board's address `" + settings.host() + "` does not resolve",
                        "fix `host` (an IP address such as 192.168.1.10 avoids name lookups)");
            }
            if (t instanceof SocketTimeoutException || t instanceof java.nio.channels.InterruptedByTimeoutException) {
                return timedOut(timeout, "did not answer");
            }
        }
        return new DeployException(Kind.UNREACHABLE, "cannot reach the board " + where() + ": " + rootMessage(root),
                "check the board is powered and on this network (ping " + settings.host() + "), and `host` and `port`");
    }

    private DeployException timedOut(Duration timeout, String what) {
        return new DeployException(Kind.TIMEOUT, "the board " + where() + " " + what + " within " + seconds(timeout),
                "check the board is up and `host`/`port` are right; on a slow network raise `connect_timeout`");
    }

    private String where() {
        return "at " + settings.host() + ":" + settings.port();
    }

    private String hostPattern() {
        return settings.port() == 22 ? settings.host() : "'[" + settings.host() + "]:" + settings.port() + "'";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- identities ----

    /** What we can log in with: the key file's keys, the agent, a password; and what went wrong finding them. */
    private record Identities(List<KeyPair> keys, Path agentSocket, String password, List<String> warnings) {
        String describe(DeploySettings s) {
            List<String> ways = new ArrayList<>();
            for (KeyPair k : keys) ways.add("key " + s.key() + " (" + HostKeyCheck.describe(k.getPublic()) + ")");
            if (agentSocket != null) ways.add("the SSH agent's keys");
            if (password != null) ways.add("the password in $" + s.passwordEnv());
            return String.join(", ", ways);
        }
    }

    private Identities identities(Consumer<String> warn) throws DeployException {
        List<String> warnings = new ArrayList<>();
        List<KeyPair> keys = settings.key() != null ? loadKey(settings.key()) : List.of();
        Path agent = null;
        if (settings.key() == null) {
            String sock = environment.apply("SSH_AUTH_SOCK");
            if (sock != null && !sock.isBlank() && Files.exists(Path.of(sock))) {
                agent = Path.of(sock);
            } else if (sock != null && !sock.isBlank()) {
                warnings.add("SSH_AUTH_SOCK is " + sock + ", which does not exist (no SSH agent running)");
            }
        }
        String password = null;
        if (settings.passwordEnv() != null) {
            password = environment.apply(settings.passwordEnv());
            if (password == null) {
                warnings.add("`password_env` names " + settings.passwordEnv() + ", which is not set in the environment");
            }
        }
        warnings.forEach(warn);
        if (keys.isEmpty() && agent == null && password == null) {
            throw new DeployException(Kind.AUTH, "no way to log in to the board: no `key`, no SSH agent (SSH_AUTH_SOCK)"
                    + (settings.passwordEnv() != null ? ", and $" + settings.passwordEnv() + " is not set" : ", no `password_env`"),
                    "set `key \"~/.ssh/id_ed25519\"` in the deploy block, or start ssh-agent and `ssh-add` your key, "
                            + "or export the password in a variable named by `password_env`", warnings);
        }
        return new Identities(keys, agent, password, warnings);
    }

    private static List<KeyPair> loadKey(Path file) throws DeployException {
        if (!Files.isRegularFile(file)) {
            throw new DeployException(Kind.LOCAL, "the SSH key " + file + " does not exist", "fix `key` in the deploy block");
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<KeyPair> out = new ArrayList<>();
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in,
                    FilePasswordProvider.EMPTY);
            if (pairs != null) pairs.forEach(out::add);
            if (out.isEmpty()) throw new GeneralSecurityException("no private key in it");
            return out;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.toLowerCase(java.util.Locale.ROOT).contains("password") || msg.toLowerCase(java.util.Locale.ROOT).contains("passphrase") || msg.contains("encrypt")) {
                throw new DeployException(Kind.LOCAL, "the SSH key " + file + " is protected by a passphrase, which wkforge "
                        + "does not ask for", "add it to your SSH agent (`ssh-add " + file + "`) and leave `key` unset");
            }
            throw new DeployException(Kind.LOCAL, "cannot read the SSH key " + file + ": " + msg,
                    "point `key` at a private key file (OpenSSH or PEM format), e.g. ~/.ssh/id_ed25519");
        }
    }
}
