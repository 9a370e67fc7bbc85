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

    static InputSnapshot of(Map<String, Path> inputs) throws StageException {
        Map<String, String> states = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : inputs.entrySet()) {
            try {
                states.put(e.getKey(), state(e.getValue()));
            } catch (IOException ex) {
                throw new StageException("cannot read the input " + e.getValue() + ": " + reason(ex));
            }
        }
        return new InputSnapshot(states);
    }

    /** The input that differs now from this snapshot, described for the user; null when none does. */
    String changed(Map<String, Path> inputs) {
        for (Map.Entry<String, Path> e : inputs.entrySet()) {
            String now;
            try {
                now = state(e.getValue());
            } catch (IOException ex) {
                return e.getValue() + " (" + reason(ex) + ")";
            }
            if (!now.equals(states.get(e.getKey()))) return e.getValue().toString();
        }
        return null;
    }

    private static String state(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) throw new IOException("not a file");
        return a.size() + "|" + a.lastModifiedTime() + "|" + a.fileKey();
    }

    private static String reason(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
    }
}
