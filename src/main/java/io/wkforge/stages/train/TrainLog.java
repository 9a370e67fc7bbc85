package io.wkforge.stages.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code train.log}: settings, data, every epoch and every resume, with times. Appended in the
 * task's work folder as training goes, so a killed run's log survives into the resumed one's,
 * then copied next to the model.
 */
final class TrainLog {
    static final String FILE_NAME = "train.log";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Path file;

    TrainLog(Path workDir) {
        this.file = workDir.resolve(FILE_NAME);
    }

    /** Synchronized: libtorch's own warnings arrive from another thread (EngineMessages). */
    synchronized void line(String text) {
        String stamped = TIME.format(LocalDateTime.now()) + "  " + text + "\n";
        try {
            Files.writeString(file, stamped, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void copyTo(Path target) throws IOException {
        if (Files.exists(file)) Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        else Files.writeString(target, "");
    }
}
