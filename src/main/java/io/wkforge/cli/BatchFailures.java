package io.wkforge.cli;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What a command that takes several files does when one of them fails in a way no diagnostic
 * describes (a bug in wkforge): that file gets one error saying so, and the others are still
 * done. Exit codes combine with {@link ExitCodes#worst}.
 */
final class BatchFailures {
    private BatchFailures() {}

    /** The internal error of one file as a finding about that file; the stack trace goes to {@code err} with WKFORGE_DEBUG. */
    static Diagnostic internalError(Path file, String doing, Throwable e, PrintWriter err) {
        if (System.getenv("WKFORGE_DEBUG") != null) e.printStackTrace(err);
        return Diagnostic.ofFile(Code.INTERNAL_ERROR, file.toString(), file, "internal error while " + doing + " this file: " + e)
                .withHelp("this is a bug in wkforge; please report it with the file (set WKFORGE_DEBUG=1 for a stack trace). "
                        + "Other files were still " + (doing.equals("checking") ? "checked" : "processed") + ".");
    }
}
