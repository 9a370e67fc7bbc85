package io.wkforge.stages.deploy.ssh;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/** Runs one command on the board (the board's shell reads it), streaming its output line by line. */
final class RemoteCommand {
    /**
     * @param exitStatus the command's exit status, or null when it has none (timed out, killed)
     * @param signal     the signal that ended it, or null
     */
    record Outcome(Integer exitStatus, String signal, boolean timedOut, List<String> output) {
        boolean ok() {
            return !timedOut && exitStatus != null && exitStatus == 0;
        }

        /** The last lines of its output, for an error message. */
        List<String> tail(int n) {
            return output.subList(Math.max(0, output.size() - n), output.size());
        }
    }

    private RemoteCommand() {}

    /**
     * Runs {@code command}; each line of stdout and stderr goes to {@code lines} as it arrives and
     * is kept in the outcome. A command still running after {@code timeout} is closed.
     */
    static Outcome run(ClientSession session, String command, Duration timeout, Consumer<String> lines) throws IOException {
        List<String> output = new ArrayList<>();
        Consumer<String> both = line -> {
            synchronized (output) {
                output.add(line);
            }
            lines.accept(line);
        };
        try (ChannelExec channel = session.createExecChannel(command);
             LineSink out = new LineSink(both);
             LineSink err = new LineSink(both)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(timeout);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout.toMillis());
            boolean timedOut = events.contains(ClientChannelEvent.TIMEOUT);
            if (timedOut) channel.close(true);
            out.close();
            err.close();
            synchronized (output) {
                return new Outcome(channel.getExitStatus(), channel.getExitSignal(), timedOut, List.copyOf(output));
            }
        }
    }

    /** Runs a command whose output is data for wkforge, not for the user. */
    static Outcome capture(ClientSession session, String command, Duration timeout) throws IOException {
        return run(session, command, timeout, line -> {});
    }
}
