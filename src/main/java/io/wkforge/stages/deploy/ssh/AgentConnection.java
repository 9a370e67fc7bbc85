package io.wkforge.stages.deploy.ssh;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * A client of the user's SSH agent ({@code SSH_AUTH_SOCK}) over Java's own Unix domain sockets.
 * MINA SSHD's agent client needs the Tomcat native library; this needs nothing. The agent
 * protocol's requests are built by MINA ({@link AbstractAgentProxy}); this class only carries
 * them: a length-prefixed message out, one back.
 */
final class AgentConnection extends AbstractAgentProxy {
    /** Agent answers are a few KB (a list of public keys, a signature); anything huge is not an agent. */
    private static final int MAX_ANSWER = 256 * 1024;

    private final SocketChannel channel;

    private AgentConnection(SocketChannel channel) {
        super(null);
        this.channel = channel;
    }

    static AgentConnection open(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot reach the SSH agent at " + socket + " (SSH_AUTH_SOCK): " + e.getMessage(), e);
        }
        return new AgentConnection(ch);
    }

    @Override
    protected synchronized Buffer request(Buffer buffer) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
        while (out.hasRemaining()) channel.write(out);
        int length = read(4).getInt();
        if (length <= 0 || length > MAX_ANSWER) throw new IOException("the SSH agent sent a malformed answer (length " + length + ")");
        return new ByteArrayBuffer(read(length).array());
    }

    private ByteBuffer read(int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) throw new EOFException("the SSH agent closed the connection");
        }
        return b.flip();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        super.close();
        channel.close();
    }

    /** Hands MINA a fresh agent connection per session; forwards nothing to the board. */
    static SshAgentFactory factory(Path socket) {
        return new SshAgentFactory() {
            @Override
            public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
                return List.of();
            }

            @Override
            public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
                return open(socket);
            }

            @Override
            public SshAgentServer createServer(ConnectionService service) {
                return null;
            }
        };
    }
}
