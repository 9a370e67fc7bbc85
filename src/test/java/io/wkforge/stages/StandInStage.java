package io.wkforge.stages;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRunner;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.model.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A stage that commits files a test prepared instead of computing them, so the stages after it
 * run on known inputs without paying for the real one (split without videos, train without
 * training).
 */
public final class StandInStage implements StageRunner {
    private final StageId stage;
    private final Path source;
    private final List<String> files;

    private StandInStage(StageId stage, Path source, List<String> files) {
        this.stage = stage;
        this.source = source;
        this.files = files;
    }

    /** Commits everything under {@code folder}, in the same layout, as the stage's output. */
    public static StandInStage committingFolder(StageId stage, Path folder) {
        return new StandInStage(stage, folder, null);
    }

    /** A train stand-in: commits the weights and model card a real training run left in {@code folder}. */
    public static StandInStage committingModel(Path folder) {
        return committingFiles(StageId.TRAIN, folder, List.of(ModelCard.WEIGHTS_FILE_NAME, ModelCard.FILE_NAME));
    }

    /** Commits the named files of {@code folder} as the stage's output. */
    private static StandInStage committingFiles(StageId stage, Path folder, List<String> files) {
        return new StandInStage(stage, folder, List.copyOf(files));
    }

    @Override
    public StageId stage() {
        return stage;
    }

    @Override
    public void run(TaskContext ctx) throws StageException {
        Path to = ctx.stagingDir(stage);
        try {
            if (files == null) {
                copyTree(source, to);
            } else {
                for (String f : files) Files.copy(source.resolve(f), to.resolve(f));
            }
        } catch (IOException e) {
            throw new StageException(e.getMessage());
        }
    }

    /** Copies every file under {@code from} to the same relative place under {@code to}. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
