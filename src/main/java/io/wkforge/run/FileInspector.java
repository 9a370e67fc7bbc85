package io.wkforge.run;

import io.wkforge.lang.model.EffectiveRecipe;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One kind of file that `wkforge inspect` describes (a compiled .wk, a weight file), recognised by
 * its content rather than its name. Implementations live with the stage that owns the format and
 * are found through {@link java.util.ServiceLoader}, as stages are, so the CLI knows none of them.
 */
public interface FileInspector {

    /** How an inspection ended; the CLI turns it into an exit code. */
    enum Outcome {
        /** The file was read whole and, when a recipe was given, fits it. */
        FITS,
        /** The file was read whole but does not fit the recipe it was checked against. */
        DOES_NOT_FIT,
        /** The file is not of this kind after all, or is damaged or truncated. */
        UNREADABLE
    }

    /** The kind of file, for messages and `inspect --help` ("NNIE .wk model"). */
    String kind();

    /** Whether a file starting with these bytes (its first 512, or all of a shorter file) is this kind. */
    boolean recognises(byte[] head);

    /**
     * Describes the file on {@code out}: readable text, or one JSON object when {@code json}; checks
     * it against the recipe when one is given, each mismatch naming both sides. Reasons a file
     * cannot be read go to {@code err} as one sentence, never a stack trace.
     */
    Outcome inspect(Path file, Optional<EffectiveRecipe> against, boolean json, PrintStream out, PrintStream err)
            throws IOException;
}
