package io.wkforge.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs `wkforge` in-process, as the CLI tests do, keeping what it printed; no command may print a stack trace. */
abstract class InProcessCli {
    String out;
    String err;

    int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.execute(args, new PrintWriter(o), new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        assertFalse(err.contains("\tat ") || out.contains("\tat "), "no stack traces: " + err);
        return code;
    }
}
