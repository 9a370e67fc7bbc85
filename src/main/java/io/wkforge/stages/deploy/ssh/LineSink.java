package io.wkforge.stages.deploy.ssh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** An output stream that hands on each complete line (UTF-8, without its end) as it arrives. */
final class LineSink extends OutputStream {
    private final Consumer<String> lines;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    LineSink(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            current.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) write(b[i]);
    }

    /** Hands on a last line that had no newline. */
    @Override
    public synchronized void close() {
        if (current.size() > 0) emit();
    }

    private void emit() {
        String s = current.toString(StandardCharsets.UTF_8);
        current.reset();
        lines.accept(s.endsWith("\r") ? s.substring(0, s.length() - 1) : s);
    }
}
