package io.wkforge.stages.deploy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.nativefs.NativeFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A stand-in for the board: Apache MINA SSHD's server on loopback with a generated host key,
 * public-key (and optionally password) login, SFTP on the real file system, and commands run by
 * the real {@code /bin/sh}. Board paths in the tests are absolute paths inside a temporary folder,
 * so SFTP and the shell see the same files exactly as on a board. Faults are injected at the SFTP
 * write: a full disk, corrupted bytes, or a connection cut half way.
 */
final class BoardServer implements AutoCloseable {
    enum Fault { NONE, DISK_FULL_AFTER, CORRUPT, CUT_AFTER }

    final SshServer server;
    final KeyPair hostKey;
    final List<String> commands = new ArrayList<>();
    volatile Fault fault = Fault.NONE;
    /** For DISK_FULL_AFTER / CUT_AFTER: bytes of one file accepted before the fault. */
    volatile long faultAfterBytes;
    final AtomicInteger faultsInjected = new AtomicInteger();
    /** Runs when a fault is injected (to make the board's df agree with a full disk, say). */
    volatile Runnable onFault = () -> {};
    /** Shell text run before each command (e.g. a PATH without sha256sum, to take tools away). */
    volatile String commandPrefix = "";

    BoardServer(KeyPair hostKey, PublicKey authorized, String password) throws IOException {
        this.hostKey = hostKey;
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, authorized));
        if (password != null) server.setPasswordAuthenticator((user, pw, session) -> password.equals(pw));
        server.setKeyboardInteractiveAuthenticator(null);
        server.setFileSystemFactory(NativeFileSystemFactory.INSTANCE);
        server.setCommandFactory(this::command);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new FaultInjector());
        server.setSubsystemFactories(List.of(sftp));
        server.start();
    }

    int port() {
        return server.getPort();
    }

    /** Runs the command as an SSH server does: handed whole to the user's shell. */
    private Command command(ChannelSession channel, String command) throws IOException {
        synchronized (commands) {
            commands.add(command);
        }
        String script = commandPrefix + command;
        // MINA 2.20 hands the raw command to `/bin/sh -c` (the elements matter on no platform we test)
        return new ProcessShellFactory(script, "/bin/sh", "-c", script).createShell(channel);
    }

    private final class FaultInjector implements SftpEventListener {
        @Override
        public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
                            int dataOffset, int dataLen) throws IOException {
            switch (fault) {
                case DISK_FULL_AFTER -> {
                    if (offset + dataLen > faultAfterBytes) {
                        faultsInjected.incrementAndGet();
                        onFault.run();
                        throw new FileSystemException(localHandle.getFile().toString(), null, "No space left on device");
                    }
                }
                case CORRUPT -> {
                    if (offset == 0 && localHandle.getFile().toString().endsWith(".wk" + ".wkforge-part")) {
                        faultsInjected.incrementAndGet();
                        data[dataOffset] ^= 0x01;
                    }
                }
                case CUT_AFTER -> {
                    if (offset + dataLen > faultAfterBytes) {
                        faultsInjected.incrementAndGet();
                        session.close(true);
                        throw new IOException("connection cut by the test");
                    }
                }
                default -> { }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
