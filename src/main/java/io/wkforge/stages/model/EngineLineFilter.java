package io.wkforge.stages.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits what is written to the process's stderr into libtorch's own log lines and everything
 * else. libtorch (c10) writes its warnings and infos as {@code [W1208 01:02:03.456 NNPACK.cpp:62]
 * Could not initialize NNPACK! Reason: Unsupported hardware.}, one line each; those lines go to
 * {@code engineLine}. Everything else (wkforge's own messages, progress lines redrawn with
 * {@code \r}, libtorch's errors {@code [E...}) passes through byte for byte as it arrives, so the
 * user sees it as if nothing were in between. Only a line that starts with {@code [} is held back
 * until its third byte says which it is.
 */
final class EngineLineFilter {
    private enum State { LINE_START, UNDECIDED, ENGINE, PASS }

    private final OutputStream passThrough;
    private final Consumer<String> engineLine;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private State state = State.LINE_START;

    EngineLineFilter(OutputStream passThrough, Consumer<String> engineLine) {
        this.passThrough = passThrough;
        this.engineLine = engineLine;
    }

    /** Whether a line starting with these three bytes is a libtorch warning or info line. */
    static boolean isEngineLine(byte a, byte b, byte c) {
        return a == '[' && (b == 'W' || b == 'I') && (Character.isDigit(c) || c == ' ');
    }

    void write(byte[] buf, int off, int len) throws IOException {
        int passFrom = -1;
        for (int i = off; i < off + len; i++) {
            byte x = buf[i];
            switch (state) {
                case LINE_START -> {
                    if (x == '[') {
                        held.write(x);
                        state = State.UNDECIDED;
                    } else if (x == '\n' || x == '\r') {
                        passThrough.write(x);
                    } else {
                        state = State.PASS;
                        passFrom = i;
                    }
                }
                case UNDECIDED -> {
                    held.write(x);
                    if (x == '\n' || x == '\r' || held.size() == 3) {
                        byte[] h = held.toByteArray();
                        if (h.length == 3 && isEngineLine(h[0], h[1], h[2])) {
                            state = State.ENGINE;
                        } else {
                            held.reset();
                            passThrough.write(h);
                            state = x == '\n' || x == '\r' ? State.LINE_START : State.PASS;
                            passFrom = state == State.PASS ? i + 1 : -1;
                        }
                    }
                }
                case ENGINE -> {
                    if (x == '\n') {
                        engineLine.accept(held.toString(StandardCharsets.UTF_8).strip());
                        held.reset();
                        state = State.LINE_START;
                    } else {
                        held.write(x);
                    }
                }
                case PASS -> {
                    if (passFrom < 0) passFrom = i;
                    if (x == '\n' || x == '\r') {
                        passThrough.write(buf, passFrom, i + 1 - passFrom);
                        passFrom = -1;
                        state = State.LINE_START;
                    }
                }
            }
        }
        if (passFrom >= 0 && passFrom < off + len) passThrough.write(buf, passFrom, off + len - passFrom);
        passThrough.flush();
    }

    /** At the end: a held partial line is handed on as what it looked like. */
    void finish() throws IOException {
        if (held.size() > 0) {
            if (state == State.ENGINE) engineLine.accept(held.toString(StandardCharsets.UTF_8).strip());
            else passThrough.write(held.toByteArray());
            held.reset();
        }
        passThrough.flush();
    }
}
