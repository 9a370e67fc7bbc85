package io.wkforge.stages.model;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps libtorch's own warnings out of the user's output. libtorch writes them straight to file
 * descriptor 2 from C++ (on CPUs it cannot use NNPACK on, {@code Could not initialize NNPACK!
 * Reason: Unsupported hardware.} once per convolution set-up: 19 lines an epoch in the demo), so
 * Java cannot intercept them; instead, once libtorch is about to load, descriptor 2 becomes a
 * pipe read by a daemon thread, which passes everything through to the real stderr except
 * libtorch's warning and info lines ({@link EngineLineFilter}). Those go to the sink a stage
 * routed them to (train: its train.log), or, with no sink, each distinct message once to
 * stderr. libtorch's errors always reach the user. Linux only (elsewhere nothing changes); at
 * exit the pipe is drained and descriptor 2 restored, so no output is lost.
 */
public final class EngineMessages {
    private static volatile Consumer<String> sink;
    private static final Set<String> shown = new LinkedHashSet<>();
    private static boolean installed;

    private EngineMessages() {}

    private interface C extends Library {
        C LIB = Native.load("c", C.class);

        int pipe(int[] fds);

        int dup(int fd);

        int dup2(int from, int to);

        int close(int fd);

        long read(int fd, byte[] buf, long count);

        long write(int fd, byte[] buf, long count);
    }

    /** Routes libtorch's warning lines to {@code to} until the returned handle is closed. */
    public static AutoCloseable routeTo(Consumer<String> to) {
        sink = to;
        return () -> sink = null;
    }

    /** Installs the pipe once (Linux, unless WKFORGE_ENGINE_STDERR=pass asks for libtorch's output as is). */
    static synchronized void install() {
        if (installed) return;
        installed = true;
        if (!System.getProperty("os.name", "").startsWith("Linux") || "pass".equals(System.getenv("WKFORGE_ENGINE_STDERR"))) return;
        try {
            int[] fds = new int[2];
            if (C.LIB.pipe(fds) != 0) return;
            int saved = C.LIB.dup(2);
            if (saved < 0 || C.LIB.dup2(fds[1], 2) < 0) {
                C.LIB.close(fds[0]);
                C.LIB.close(fds[1]);
                if (saved >= 0) C.LIB.close(saved);
                return;
            }
            C.LIB.close(fds[1]);
            EngineLineFilter filter = new EngineLineFilter(new FdStream(saved), EngineMessages::engineLine);
            Thread reader = new Thread(() -> pump(fds[0], filter), "wkforge-engine-stderr");
            reader.setDaemon(true);
            reader.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.err.flush();
                C.LIB.dup2(saved, 2); // the pipe's last writer goes: the reader drains it and stops
                try {
                    reader.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "wkforge-engine-stderr-drain"));
        } catch (LinkageError | RuntimeException e) {
            // no libc through JNA: libtorch's output stays as it is
        }
    }

    private static void pump(int fd, EngineLineFilter filter) {
        byte[] buf = new byte[8192];
        try {
            for (long n; (n = C.LIB.read(fd, buf, buf.length)) != 0; ) {
                if (n < 0) continue; // EINTR
                filter.write(buf, 0, (int) n);
            }
            filter.finish();
        } catch (IOException | RuntimeException e) {
            // the real stderr is gone: nothing left to show anything on
        }
    }

    private static void engineLine(String line) {
        Consumer<String> to = sink;
        if (to != null) {
            try {
                to.accept("libtorch: " + line);
                return;
            } catch (RuntimeException e) {
                // the log cannot be written: show the line instead
            }
        }
        String message = line.replaceFirst("^\\[[WI][^\\]]*\\]\\s*", "");
        boolean first;
        synchronized (shown) {
            first = shown.add(message);
        }
        if (first) writeRaw("libtorch: " + message + " (shown once)\n");
    }

    private static volatile FdStream realErr;

    private static void writeRaw(String s) {
        FdStream out = realErr;
        if (out == null) return;
        try {
            out.write(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // nowhere to show it
        }
    }

    /** Writes to a descriptor through libc, sharing its file offset (a file that stdout also writes to stays in order). */
    private static final class FdStream extends OutputStream {
        private final int fd;

        FdStream(int fd) {
            this.fd = fd;
            realErr = this;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            byte[] chunk = off == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, off, off + len);
            int done = 0;
            while (done < chunk.length) {
                byte[] rest = done == 0 ? chunk : java.util.Arrays.copyOfRange(chunk, done, chunk.length);
                long n = C.LIB.write(fd, rest, rest.length);
                if (n <= 0) throw new IOException("cannot write to stderr");
                done += (int) n;
            }
        }
    }
}
