package io.wkforge.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The size, modification time and identity of a task's input files, taken before the task starts
 * and compared after it ends: an input that changed while it was read (a video still being
 * copied in) fails the task instead of being stamped with a key that no longer matches the file.
 */
record InputSnapshot(Map<String, String> states) {

    static InputSnapshot of(Map<String, Path> inputs) {
        Map<String, String> states = new LinkedHashMap<>();
        inputs.forEach((label, file) -> states.put(label, state(file)));
        return new InputSnapshot(states);
    }

    /** The input that differs now from this snapshot; null when none does. */
    String changed(Map<String, Path> inputs) {
        for (Map.Entry<String, Path> e : inputs.entrySet()) {
            if (!state(e.getValue()).equals(states.get(e.getKey()))) return e.getValue().toString();
        }
        return null;
    }

    /**
     * A file that cannot be read counts as a state of its own ("missing"), not an error: the
     * stage meets it and says what is wrong in its own words (a key file that `via dir` never
     * reads need not exist at all).
     */
    private static String state(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return (a.isRegularFile() ? "file|" : "other|") + a.size() + "|" + a.lastModifiedTime() + "|" + a.fileKey();
        } catch (IOException unreadable) {
            return "missing";
        }
    }
}
