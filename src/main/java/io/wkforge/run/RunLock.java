package io.wkforge.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The exclusive right to run in one build folder, held for a whole run: an OS file lock on
 * {@code .wkforge/lock} ({@link FileChannel#tryLock}), which the OS releases when the process
 * ends however it ends, so a lock left by a dead process is simply taken over. The file also
 * names its holder (pid, start time, command) for the message a second run prints, and is
 * emptied when a run ends cleanly: a holder still named there when the lock is taken belongs to a
 * run that was killed.
 */
public final class RunLock implements AutoCloseable {

    /** Who holds (or last held) the lock. */
    public record Holder(long pid, String startedAt, String command) {
        public boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        @Override
        public String toString() {
            return "pid " + pid + ", started " + startedAt + ", `" + command + "`";
        }

        String text() {
            return "pid=" + pid + "\nstarted=" + startedAt + "\ncommand=" + command.replace('\n', ' ') + "\n";
        }

        static Holder parse(String text) {
            Map<String, String> m = new HashMap<>();
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) m.put(line.substring(0, eq), line.substring(eq + 1));
            }
            try {
                return new Holder(Long.parseLong(m.get("pid")), m.getOrDefault("started", "?"), m.getOrDefault("command", "?"));
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    /** The folder is in use by another run (exit 2 for the user, naming the holder). */
    public static final class Busy extends RuntimeException {
        private final Holder holder;

        Busy(Path folder, Holder holder) {
            super(folder + " is in use by another wkforge run (" + (holder == null ? "holder unknown" : holder)
                    + "); wait for it to finish, or use --wait");
            this.holder = holder;
        }

        public Holder holder() {
            return holder;
        }
    }

    /** What a run hears while it waits for the lock, or takes over one left by a killed run. */
    public interface Listener {
        default void waiting(Holder holder) {}

        default void previousRunDidNotFinish(Holder holder) {}

        Listener SILENT = new Listener() {};
    }

    private static final Map<Path, RunLock> HELD_HERE = new HashMap<>();
    private static final long POLL_MILLIS = 200;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Thread owner;
    private final Holder previous;
    private int depth = 1;

    private RunLock(Path file, FileChannel channel, FileLock lock, Holder previous) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.owner = Thread.currentThread();
        this.previous = previous;
    }

    /**
     * Takes the lock, or fails with {@link Busy} naming its holder, or with {@code wait} polls
     * until the holder is done. The thread that holds it may take it again (a command that locks
     * before it plans, then runs the executor, which locks too).
     */
    public static RunLock acquire(Path file, String command, boolean wait, Listener listener) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        boolean told = false;
        while (true) {
            synchronized (HELD_HERE) {
                RunLock mine = HELD_HERE.get(key);
                if (mine != null && mine.owner == Thread.currentThread()) {
                    mine.depth++;
                    return mine;
                }
                if (mine == null) {
                    RunLock taken = tryTake(key, command);
                    if (taken != null) {
                        HELD_HERE.put(key, taken);
                        if (taken.previous != null) listener.previousRunDidNotFinish(taken.previous);
                        return taken;
                    }
                }
            }
            Holder holder = holder(key);
            if (!wait) throw new Busy(key.getParent().getParent(), holder);
            if (!told) {
                listener.waiting(holder);
                told = true;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Busy(key.getParent().getParent(), holder);
            }
        }
    }

    private static RunLock tryTake(Path file, String command) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException heldByThisProcess) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            return null;
        }
        Holder previous = read(ch);
        Holder me = new Holder(ProcessHandle.current().pid(), Instant.now().toString(), command);
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(me.text().getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
        return new RunLock(file, ch, lock, previous);
    }

    private static Holder read(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0 || size > 64 * 1024) return null;
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) { }
        return Holder.parse(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));
    }

    /**
     * The run named in a lock file, or null when none is (no run, or the last one ended cleanly).
     * Reads without locking, so `plan` can say a run is in progress without getting in its way.
     */
    public static Holder holder(Path file) {
        try {
            if (!Files.isRegularFile(file)) return null;
            return Holder.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    /** The run that held the lock before and never released it (it was killed), or null. */
    public Holder previous() {
        return previous;
    }

    /** Releases the lock; the file is emptied first, which marks the run as ended cleanly. */
    @Override
    public void close() throws IOException {
        synchronized (HELD_HERE) {
            if (--depth > 0) return;
            HELD_HERE.remove(file);
        }
        try {
            channel.truncate(0);
            channel.force(false);
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
